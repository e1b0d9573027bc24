import type { Db } from '../db/open'
import type { AuditEntry } from './auditLog'

/** An audit row as stored: the entry, its place in the chain and the hashes that link it. */
export interface StoredAuditRow extends AuditEntry {
  seq: number
  prevHash: string
  hash: string
}

const SELECT_AUDIT = `
  SELECT seq, at, actor_id AS actorId, actor_name AS actorName, method, record_type AS recordType, record_id AS recordId,
         detail, prev_hash AS prevHash, hash
  FROM audit_log`

/** The newest row's sequence number and hash, the link the next row chains to. */
export const lastAuditLink = (db: Db) =>
  db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined

export function insertAuditRow(db: Db, r: StoredAuditRow): void {
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, method, record_type, record_id, detail, prev_hash, hash)
     VALUES (@seq, @at, @actorId, @actorName, @method, @recordType, @recordId, @detail, @prevHash, @hash)`,
  ).run(r)
}

/** Every row in chain order, read lazily (the log grows without bound). */
export const auditRowsInOrder = (db: Db) => db.prepare(`${SELECT_AUDIT} ORDER BY seq`).iterate() as Iterable<StoredAuditRow>
