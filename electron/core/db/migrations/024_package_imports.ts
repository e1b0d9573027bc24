/**
 * Moving a workstation's database to the facility server (issue 15): each package imported is recorded once, by the id
 * its export gave it, so the same package is never imported twice (its rows would be "already present", but its audit
 * rows would be appended again). The report is kept as the import wrote it. Never edit once shipped.
 */
export const sql = /* sql */ `
CREATE TABLE package_imports (
  -- The package's own id (its manifest's packageId), not a new one.
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  facility_name TEXT,
  package_created_at TEXT NOT NULL,
  schema_version INTEGER NOT NULL CHECK (schema_version > 0),
  imported_at TEXT NOT NULL,
  imported_by TEXT REFERENCES staff(id),
  report TEXT NOT NULL CHECK (json_valid(report))
) STRICT;
`
