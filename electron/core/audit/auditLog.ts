import { createHash } from 'node:crypto'
import type { AuditVerifyResult } from '../../shared/contract'
import type { Db } from '../db/open'
import { auditRowsInOrder, insertAuditRow, lastAuditLink } from './auditRepo'

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

function rowHash(prevHash: string, seq: number, e: AuditEntry): string {
  const canonical = JSON.stringify([prevHash, seq, e.at, e.actorId, e.actorName, e.method, e.recordType, e.recordId, e.detail])
  return createHash('sha256').update(canonical).digest('hex')
}

/** Appends one hash-chained row. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, entry: AuditEntry): number {
  const last = lastAuditLink(db)
  const seq = (last?.seq ?? 0) + 1
  const prevHash = last?.hash ?? GENESIS
  insertAuditRow(db, { ...entry, seq, prevHash, hash: rowHash(prevHash, seq, entry) })
  return seq
}

/** Walks the whole chain; the first row whose link or content does not hash as stored is reported. */
export function verifyAudit(db: Db): AuditVerifyResult {
  let prevHash = GENESIS
  let expectedSeq = 1
  let rows = 0
  for (const r of auditRowsInOrder(db)) {
    rows++
    if (r.seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, problem: `row ${expectedSeq} is missing (next row is ${r.seq})` }
    if (r.prevHash !== prevHash) return { ok: false, rows, brokenAt: r.seq, problem: `row ${r.seq} does not link to the row before it` }
    if (rowHash(prevHash, r.seq, r) !== r.hash) return { ok: false, rows, brokenAt: r.seq, problem: `row ${r.seq} was altered after it was written` }
    prevHash = r.hash
    expectedSeq++
  }
  return { ok: true, rows }
}
