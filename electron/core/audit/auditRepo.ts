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

export const auditRowAt = (db: Db, seq: number) => db.prepare('SELECT seq, hash FROM audit_log WHERE seq = ?').get(seq) as { seq: number; hash: string } | undefined

/** The first break an open recorded in the chain (method audit:chainBroken, see auditOpen.ts), through audit_method_at. */
export function firstRecordedBreak(db: Db): { seq: number; at: string; problem: string } | undefined {
  const row = db.prepare("SELECT seq, at, detail FROM audit_log WHERE method = 'audit:chainBroken' ORDER BY at, seq LIMIT 1").get() as
    | { seq: number; at: string; detail: string }
    | undefined
  return row && { seq: row.seq, at: row.at, problem: (JSON.parse(row.detail) as { problem: string }).problem }
}

export const auditTriggerNames = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as Array<{ name: string }>).map((r) => r.name)

/** Runs a trigger's CREATE statement (the append-only triggers, recreated at open). */
export const createAuditTrigger = (db: Db, sql: string) => db.exec(sql)

export function insertAuditRow(db: Db, r: StoredAuditRow): void {
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, method, record_type, record_id, detail, prev_hash, hash)
     VALUES (@seq, @at, @actorId, @actorName, @method, @recordType, @recordId, @detail, @prevHash, @hash)`,
  ).run(r)
}

/** Every row in chain order, read lazily (the log grows without bound). */
export const auditRowsInOrder = (db: Db) => db.prepare(`${SELECT_AUDIT} ORDER BY seq`).iterate() as Iterable<StoredAuditRow>
