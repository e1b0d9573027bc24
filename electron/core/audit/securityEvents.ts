import type { Db } from '../db/open'
import { appendAudit, type AuditEntry } from './auditLog'
import { writeAuditAnchor } from './auditSeal'

/**
 * Security events (failed and throttled sign-ins, locks, refused calls, failed password changes) go into the same
 * hash chain as every other row, each in a transaction of its own: the call they record was refused and rolled back,
 * and its row must stay.
 */
export function recordSecurityEvent(db: Db, entry: AuditEntry): void {
  db.transaction(() => appendAudit(db, entry)).immediate()
  writeAuditAnchor(db, entry.at)
}

/** Event names as they appear in the audit log's method column (labels in the audit feature's i18n). */
export const SECURITY_EVENTS = {
  loginFailed: 'auth:loginFailed',
  loginThrottled: 'auth:loginThrottled',
  locked: 'auth:locked',
  passwordChangeFailed: 'auth:changePasswordFailed',
  forbidden: 'security:forbidden',
  triggersRestored: 'audit:triggersRestored',
  chainBroken: 'audit:chainBroken',
} as const
