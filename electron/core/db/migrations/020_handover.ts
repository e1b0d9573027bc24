/**
 * Handover sheets (移交单, issue 14): what the facility hands the receiving community or guidance station about a
 * released person — the sections the counsellor chose, the recipient and risk notes — and the privacy review of the
 * sheet's current revision, without which it is not printed (domain-reference §7: only what the receiver needs). Every
 * edit bumps the revision and clears the review; printing is counted (and audited). Also an index for a person's voided
 * releases. Never edit once shipped.
 */
export const sql = /* sql */ `
CREATE TABLE handover_sheets (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  release_id TEXT REFERENCES releases(id),
  sections TEXT NOT NULL CHECK (json_valid(sections)),
  recipient TEXT,
  risk_notes TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  prepared_at TEXT NOT NULL,
  prepared_by TEXT NOT NULL REFERENCES staff(id),
  reviewed_at TEXT,
  reviewed_by TEXT REFERENCES staff(id),
  review_note TEXT,
  reviewed_revision INTEGER,
  print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
  last_printed_at TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK ((reviewed_at IS NULL) = (reviewed_revision IS NULL))
) STRICT;
CREATE UNIQUE INDEX handover_sheets_person_live ON handover_sheets (person_id) WHERE voided_at IS NULL;
-- A person's voided releases (shown under the record): 019's person index covers only the live one.
CREATE INDEX releases_person_voided ON releases (person_id, voided_at) WHERE voided_at IS NOT NULL;
`
