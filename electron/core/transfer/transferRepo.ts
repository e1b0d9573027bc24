/**
 * The transfer's own table (package_imports, migration 024), attaching the package, and the reads of the package and
 * the work table that the import's report and audit need.
 */
import type { StoredAuditRow } from '../audit/auditRepo'
import type { Db } from '../db/open'

/** Attaches the package's private copy as schema `pkg` (outside any transaction, as SQLite requires). */
export function attachPackage(db: Db, file: string): void {
  db.prepare("ATTACH DATABASE ? AS pkg").run(file)
}

export function detachPackage(db: Db): void {
  db.exec('DETACH DATABASE pkg')
}

export const packageImportOf = (db: Db, packageId: string) =>
  db.prepare('SELECT imported_at AS importedAt, sha256 FROM package_imports WHERE id = ?').get(packageId) as { importedAt: string; sha256: string } | undefined

export interface PackageImportRow {
  id: string
  sha256: string
  facilityName: string | null
  packageCreatedAt: string
  schemaVersion: number
  importedAt: string
  importedBy: string | null
  report: string
}

export function insertPackageImport(db: Db, row: PackageImportRow): void {
  db.prepare(
    `INSERT INTO package_imports (id, sha256, facility_name, package_created_at, schema_version, imported_at, imported_by, report)
     VALUES (@id, @sha256, @facilityName, @packageCreatedAt, @schemaVersion, @importedAt, @importedBy, @report)`,
  ).run(row)
}

/** The people the import skipped as duplicates: the package's row and the server's person with the same ID number. */
export const duplicatePeople = (db: Db) =>
  db
    .prepare(
      `SELECT p.id AS personId, p.name, p.id_number AS idNumber, json_extract(x.server_key, '$[0]') AS serverPersonId
       FROM temp.xfer_rows x JOIN pkg.people p ON x.key = json_array(p.id)
       WHERE x.tbl = 'people' AND x.fate = 'duplicate' ORDER BY p.name_pinyin, p.id`,
    )
    .all() as Array<{ personId: string; name: string; idNumber: string; serverPersonId: string }>

/** The package's wards by what became of them. */
export const wardFates = (db: Db) =>
  db
    .prepare(`SELECT w.name, x.fate FROM temp.xfer_rows x JOIN pkg.wards w ON x.key = json_array(w.id) WHERE x.tbl = 'wards' ORDER BY w.name`)
    .all() as Array<{ name: string; fate: string }>

/** The package's staff accounts by what became of them. */
export const staffFates = (db: Db) =>
  db
    .prepare(
      `SELECT s.username, s.display_name AS displayName, s.role, x.fate FROM temp.xfer_rows x JOIN pkg.staff s ON x.key = json_array(s.id)
       WHERE x.tbl = 'staff' ORDER BY s.username`,
    )
    .all() as Array<{ username: string; displayName: string; role: string; fate: string }>

/** Configuration versions copied, and those matched by kind and version whose content differs from the server's. */
export function configFates(db: Db): { copied: Array<{ kind: string; version: number }>; differs: Array<{ kind: string; version: number }> } {
  const copied = db
    .prepare(
      `SELECT c.kind, c.version FROM temp.xfer_rows x JOIN pkg.config_versions c ON x.key = json_array(c.id)
       WHERE x.tbl = 'config_versions' AND x.fate = 'import' ORDER BY c.kind, c.version`,
    )
    .all() as Array<{ kind: string; version: number }>
  const differs = db
    .prepare(
      `SELECT c.kind, c.version FROM temp.xfer_rows x JOIN pkg.config_versions c ON x.key = json_array(c.id)
         JOIN main.config_versions m ON m.id = json_extract(x.server_key, '$[0]')
       WHERE x.tbl = 'config_versions' AND x.fate = 'matched' AND json(m.data) IS NOT json(c.data) ORDER BY c.kind, c.version`,
    )
    .all() as Array<{ kind: string; version: number }>
  return { copied, differs }
}

/** Rows of the given tables matched to a server row on a unique key: their keys on both sides. */
export const matchedRowsOf = (db: Db, tables: readonly string[]) =>
  db
    .prepare(
      `SELECT tbl AS "table", key, server_key AS serverKey FROM temp.xfer_rows
       WHERE fate = 'matched' AND tbl IN (SELECT value FROM json_each(?)) ORDER BY tbl, key`,
    )
    .all(JSON.stringify(tables)) as Array<{ table: string; key: string; serverKey: string }>

/** How many rows the package's audit log holds. */
export const packageAuditRows = (db: Db) => (db.prepare('SELECT count(*) AS n FROM pkg.audit_log').get() as { n: number }).n

/** The ids of the imported rows (tables keyed by one column), once, for the audit rows' lookup (temp, this connection). */
export function collectImportedIds(db: Db): void {
  db.exec('DROP TABLE IF EXISTS temp.xfer_ids')
  db.exec('CREATE TEMP TABLE xfer_ids (id TEXT PRIMARY KEY) WITHOUT ROWID')
  db.exec(`INSERT OR IGNORE INTO temp.xfer_ids (id) SELECT json_extract(key, '$[0]') FROM temp.xfer_rows WHERE fate = 'import' AND json_array_length(key) = 1`)
}

export const dropImportedIds = (db: Db): void => {
  db.exec('DROP TABLE IF EXISTS temp.xfer_ids')
}

/**
 * The package's audit rows about imported records (a row naming a record by its id, collectImportedIds), after
 * `afterSeq`, in chain order, `limit` at a time: the log of a busy workstation is long.
 */
export const packageAuditOfImported = (db: Db, afterSeq: number, limit: number) =>
  db
    .prepare(
      `SELECT seq, at, actor_id AS actorId, actor_name AS actorName, method, record_type AS recordType, record_id AS recordId, detail,
              prev_hash AS prevHash, hash
       FROM pkg.audit_log
       WHERE seq > ? AND record_id IN (SELECT id FROM temp.xfer_ids)
       ORDER BY seq LIMIT ?`,
    )
    .all(afterSeq, limit) as StoredAuditRow[]

/** A live person count of the package (the manifest's people figures). */
export const livePeople = (db: Db) =>
  db.prepare('SELECT count(*) AS total, sum(voided_at IS NULL) AS live, sum(voided_at IS NULL AND ward_id IS NOT NULL) AS inWards FROM people').get() as {
    total: number
    live: number | null
    inWards: number | null
  }
