import type { Db } from '../db/open'
import { AUDIT_TRIGGERS, missingAuditTriggers, TRIGGERS_MISSING, verifyAudit } from './auditLog'
import { createAuditTrigger } from './auditRepo'
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

  // Checked before anything is written: the events below move the anchor on.
  const anchor = readAuditAnchor(db)
  const check = anchor ? verifyAudit(db) : null
  const missing = missingAuditTriggers(db)
  if (missing.length > 0) {
    for (const name of missing) createAuditTrigger(db, AUDIT_TRIGGERS[name]!)
    event(SECURITY_EVENTS.triggersRestored, { triggers: missing })
  }
  if (check && !check.ok && !check.problem.startsWith(TRIGGERS_MISSING)) event(SECURITY_EVENTS.chainBroken, { problem: check.problem, anchor })
  if (!anchor) writeAuditAnchor(db, options.at)
}
