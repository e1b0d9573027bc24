import type { Db } from '../db/open'
import { anchorProblem, AUDIT_TRIGGERS, missingAuditTriggers } from './auditLog'
import { createAuditTrigger, lastAuditLink } from './auditRepo'
import { attachAuditKey, readAuditAnchor, writeAuditAnchor } from './auditSeal'
import { recordSecurityEvent, SECURITY_EVENTS } from './securityEvents'

/**
 * What opening a database does for its audit log: attach (or, for a database the app migrates, create) the key;
 * recreate append-only triggers someone dropped; compare the chain with the anchor written outside the file. Anything
 * found is recorded as a security event in the chain itself, so it shows in the audit log and in `audit-verify`; the
 * database still opens (the facility's work must go on).
 */
export function sealAtOpen(db: Db, file: string | null, options: { createKey: boolean; at: string }): void {
  const keyed = attachAuditKey(db, file, { create: options.createKey })
  if (!keyed) return
  const event = (method: string, detail: unknown) =>
    recordSecurityEvent(db, { at: options.at, actorId: null, actorName: null, method, recordType: 'audit_log', recordId: null, detail: JSON.stringify(detail) })

  // Checked before anything is written: the events below move the anchor on. Only the anchor here (two lookups); the
  // whole chain is walked by audit-verify and the audit screen, not at every start of a log of millions of rows.
  const anchor = readAuditAnchor(db)
  const broken = anchorProblem(db, lastAuditLink(db)?.seq ?? 0)
  const missing = missingAuditTriggers(db)
  if (missing.length > 0) {
    for (const name of missing) createAuditTrigger(db, AUDIT_TRIGGERS[name]!)
    event(SECURITY_EVENTS.triggersRestored, { triggers: missing })
  }
  if (broken) event(SECURITY_EVENTS.chainBroken, { problem: broken.problem, anchor })
  // An anchor from before with no key beside it: the key file was deleted, and the rows it sealed can no longer be
  // verified (until it is restored from the recovery code).
  else if (anchor && keyed.created) {
    event(SECURITY_EVENTS.chainBroken, { problem: `the audit key file was missing; a new key seals the rows from ${lastAuditLink(db)!.seq + 1}`, anchor })
  }
  if (!anchor) writeAuditAnchor(db, options.at)
}
