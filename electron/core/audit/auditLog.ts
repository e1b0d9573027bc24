import { createHash } from 'node:crypto'
import type { AuditRow, AuditVerifyResult, Paged } from '../../shared/contract'
import type { Db } from '../db/open'

export interface AuditEntry {
  at: string
  actorId: string | null
  actorName: string | null
  method: string
  recordType: string | null
  recordId: string | null
  detail: string | null
}

const GENESIS = '0'.repeat(64)

interface StoredRow {
  seq: number
  at: string
  actor_id: string | null
  actor_name: string | null
  method: string
  record_type: string | null
  record_id: string | null
  detail: string | null
  prev_hash: string
  hash: string
}

function rowHash(prevHash: string, seq: number, e: AuditEntry): string {
  const canonical = JSON.stringify([prevHash, seq, e.at, e.actorId, e.actorName, e.method, e.recordType, e.recordId, e.detail])
  return createHash('sha256').update(canonical).digest('hex')
}

/** Appends one hash-chained row. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, entry: AuditEntry): number {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined
  const seq = (last?.seq ?? 0) + 1
  const prevHash = last?.hash ?? GENESIS
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, method, record_type, record_id, detail, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, entry.at, entry.actorId, entry.actorName, entry.method, entry.recordType, entry.recordId, entry.detail, prevHash, rowHash(prevHash, seq, entry))
  return seq
}

/** Walks the whole chain; the first row whose link or content does not hash as stored is reported. */
export function verifyAudit(db: Db): AuditVerifyResult {
  let prevHash = GENESIS
  let expectedSeq = 1
  let rows = 0
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<StoredRow>) {
    rows++
    if (r.seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, problem: `row ${expectedSeq} is missing (next row is ${r.seq})` }
    if (r.prev_hash !== prevHash) return { ok: false, rows, brokenAt: r.seq, problem: `row ${r.seq} does not link to the row before it` }
    const entry: AuditEntry = {
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      method: r.method,
      recordType: r.record_type,
      recordId: r.record_id,
      detail: r.detail,
    }
    if (rowHash(prevHash, r.seq, entry) !== r.hash) return { ok: false, rows, brokenAt: r.seq, problem: `row ${r.seq} was altered after it was written` }
    prevHash = r.hash
    expectedSeq++
  }
  return { ok: true, rows }
}

function toAuditRow(r: StoredRow): AuditRow {
  return { seq: r.seq, at: r.at, actorName: r.actor_name, method: r.method, recordType: r.record_type, recordId: r.record_id, detail: r.detail }
}

export function listAudit(db: Db, filter: { method?: string | undefined; offset: number; limit: number }): Paged<AuditRow> {
  const where = filter.method ? 'WHERE method = @method' : ''
  const params = { method: filter.method ?? null, offset: filter.offset, limit: filter.limit }
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(params) as { n: number }).n
  const rows = db.prepare(`SELECT * FROM audit_log ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all(params) as StoredRow[]
  return { rows: rows.map(toAuditRow), total }
}

export function auditForRecord(db: Db, recordType: string, recordId: string): AuditRow[] {
  const rows = db
    .prepare('SELECT * FROM audit_log WHERE record_type = ? AND record_id = ? ORDER BY seq DESC LIMIT 500')
    .all(recordType, recordId) as StoredRow[]
  return rows.map(toAuditRow)
}
