import { createHash, createHmac } from 'node:crypto'
import type { AuditVerifyResult } from '../../shared/contract'
import type { Db } from '../db/open'
import { auditRowAt, auditRowsInOrder, auditTriggerNames, firstRecordedBreak, insertAuditRow, lastAuditLink } from './auditRepo'
import { auditKeyOf, readAuditAnchor, UNREADABLE_ANCHOR, type AuditKey } from './auditSeal'

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

/** A row's link: HMAC-SHA-256 under the facility's key from its first keyed row, plain SHA-256 before (auditSeal.ts). */
function rowHash(prevHash: string, seq: number, e: AuditEntry, key: AuditKey | undefined): string {
  const canonical = JSON.stringify([prevHash, seq, e.at, e.actorId, e.actorName, e.method, e.recordType, e.recordId, e.detail])
  const digest = key && seq >= key.keyedFrom ? createHmac('sha256', key.key) : createHash('sha256')
  return digest.update(canonical).digest('hex')
}

/** Appends one hash-chained row. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, entry: AuditEntry): number {
  const last = lastAuditLink(db)
  const seq = (last?.seq ?? 0) + 1
  const prevHash = last?.hash ?? GENESIS
  insertAuditRow(db, { ...entry, seq, prevHash, hash: rowHash(prevHash, seq, entry, auditKeyOf(db)) })
  return seq
}

/**
 * Walks the whole chain; the first row whose link or content does not hash as stored is reported. Then the anchor
 * written outside the database must still be in the chain (rows deleted from the end, or the whole log emptied, fail
 * here), and the append-only triggers must be in place.
 */
export function verifyAudit(db: Db): AuditVerifyResult {
  const key = auditKeyOf(db)
  let prevHash = GENESIS
  let expectedSeq = 1
  let rows = 0
  for (const r of auditRowsInOrder(db)) {
    rows++
    if (r.seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, problem: `row ${expectedSeq} is missing (next row is ${r.seq})` }
    if (r.prevHash !== prevHash) return { ok: false, rows, brokenAt: r.seq, problem: `row ${r.seq} does not link to the row before it` }
    if (rowHash(prevHash, r.seq, r, key) !== r.hash) return { ok: false, rows, brokenAt: r.seq, problem: `row ${r.seq} was altered after it was written` }
    prevHash = r.hash
    expectedSeq++
  }
  const anchor = anchorProblem(db, rows)
  if (anchor) return { ok: false, rows, ...anchor }
  if (missingAuditTriggers(db).length > 0) return { ok: false, rows, brokenAt: 0, problem: `${TRIGGERS_MISSING}: ${missingAuditTriggers(db).join(', ')}` }
  // A break found at an earlier open stays a failure: the rows it lost are not coming back, and the chain says so.
  const recorded = firstRecordedBreak(db)
  if (recorded) return { ok: false, rows, brokenAt: recorded.seq, problem: `found at the open of ${recorded.at}: ${recorded.problem}` }
  return { ok: true, rows }
}

export const TRIGGERS_MISSING = 'the append-only triggers are missing'

/**
 * Whether the chain still reaches the anchor written outside the database (`lastSeq`: the chain's last row). Two index
 * lookups, so the open can run it on a log of millions of rows; the full walk is `verifyAudit`.
 */
export function anchorProblem(db: Db, lastSeq: number): { brokenAt: number; problem: string } | null {
  const anchor = readAuditAnchor(db)
  if (!anchor) return null
  if (anchor.hash === UNREADABLE_ANCHOR) return { brokenAt: lastSeq, problem: 'the anchor file beside the database is unreadable' }
  const anchored = auditRowAt(db, anchor.seq)
  if (!anchored) return { brokenAt: lastSeq + 1, problem: `rows ${lastSeq + 1}–${anchor.seq} were deleted: the anchor of ${anchor.at} recorded row ${anchor.seq}` }
  if (anchored.hash !== anchor.hash) return { brokenAt: anchor.seq, problem: `row ${anchor.seq} differs from the anchor of ${anchor.at}` }
  return null
}

/** The append-only triggers (as migration 001 created them), recreated at open if someone dropped them. */
export const AUDIT_TRIGGERS: Record<string, string> = {
  audit_log_no_update: "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
  audit_log_no_delete: "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
}

export function missingAuditTriggers(db: Db): string[] {
  const present = new Set(auditTriggerNames(db))
  return Object.keys(AUDIT_TRIGGERS).filter((name) => !present.has(name))
}
