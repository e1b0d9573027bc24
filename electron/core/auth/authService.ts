import { LOGIN_LOCK_RULE, type authContract, type StaffUser } from '../../shared/contract'
import { ROLE_PERMISSIONS } from '../../shared/domain/roles'
import { reachOf } from '../../shared/domain/wardScope'
import { readSetting } from '../db/settingsRepo'
import { actorOf, nowIso, type Ctx } from '../context'
import { recordSecurityEvent, SECURITY_EVENTS } from '../audit/securityEvents'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { derivePassword, hashPassword, keyMatches, UNKNOWN_USER_SALT, verifyPassword } from './passwords'
import { recordFailedLogins, recordLogin, setPassword, staffById, staffByUsername, wardIdsOfStaff, type StaffRecord } from './staffRepo'

const { maxFailedLogins: MAX_FAILED_LOGINS, lockMinutes: LOCK_MINUTES } = LOGIN_LOCK_RULE

/** The signed-in staff member as every call sees it: role, permissions, and the wards and reach of ward scoping. */
export function toStaffUser(db: Db, r: StaffRecord): StaffUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    wardIds: wardIdsOfStaff(db, r.id),
    reach: reachOf(readSetting(db, 'access.wardScope'), r.role),
    permissions: [...ROLE_PERMISSIONS[r.role]],
  }
}

export function loadActor(db: Db, staffId: string | null): StaffUser | null {
  if (!staffId) return null
  const r = staffById(db, staffId)
  return r && r.active === 1 ? toStaffUser(db, r) : null
}

type FailureReason = 'unknown_user' | 'bad_password' | 'locked' | 'inactive'

/** The scrypt key of the call's password for `salt`: the one derived off the thread if it matches, else derived now. */
function passwordKeyFor(ctx: Ctx, password: string, salt: string): Buffer {
  return ctx.passwordKey?.salt === salt ? ctx.passwordKey.key : derivePassword(password, salt)
}

/**
 * Counts one failed password (a sign-in, or a wrong current password on a change) against the account: the fifth in a
 * row locks it for LOCK_MINUTES and ends its sessions. Runs after the call's rollback. Returns the count and the lock.
 */
function countFailedPassword(ctx: Ctx, record: StaffRecord, now: Date): { failed: number; lockedUntil: string | null } {
  const failed = record.failedLogins + 1
  const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null
  recordFailedLogins(ctx.db, record.id, lockedUntil ? 0 : failed, lockedUntil)
  if (lockedUntil) ctx.sessions.deleteForStaff(record.id)
  return { failed, lockedUntil }
}

/**
 * Sign-in. Every failure gets the same answer (wrong password, unknown user, locked or disabled account alike, after the
 * same password work); what happened goes to the audit log as a security event, written after the call's rollback.
 */
function login(input: { username: string; password: string }, ctx: Ctx) {
  const { db } = ctx
  const now = ctx.clock.now()
  const at = now.toISOString()
  const record = staffByUsername(db, input.username)
  const event = (method: string, detail: Record<string, unknown>) =>
    recordSecurityEvent(db, { at, actorId: null, actorName: null, method, recordType: 'staff', recordId: record?.id ?? null, detail: JSON.stringify({ username: input.username, ...detail }) })
  if (ctx.loginThrottle.blocked(input.username, now.getTime())) {
    throw new AppError('unauthenticated', 'auth.throttled', { afterRollback: () => event(SECURITY_EVENTS.loginThrottled, {}) })
  }
  const fail = (reason: FailureReason) =>
    new AppError('unauthenticated', 'auth.bad_credentials', {
      afterRollback: () => {
        ctx.loginThrottle.recordFailure(input.username, now.getTime())
        event(SECURITY_EVENTS.loginFailed, { reason })
        if (!record || reason !== 'bad_password') return
        const { lockedUntil } = countFailedPassword(ctx, record, now)
        if (lockedUntil) event(SECURITY_EVENTS.locked, { until: lockedUntil })
      },
    })
  const key = passwordKeyFor(ctx, input.password, record?.passwordSalt ?? UNKNOWN_USER_SALT)
  if (!record) throw fail('unknown_user')
  if (record.lockedUntil && record.lockedUntil > at) throw fail('locked')
  if (!keyMatches(key, record.passwordHash)) throw fail('bad_password')
  if (record.active !== 1) throw fail('inactive')
  recordLogin(db, record.id, at)
  const user = toStaffUser(db, record)
  ctx.actor = user
  return { sessionId: ctx.sessions.create(record.id, now.getTime()), user }
}

export const authHandlers = {
  'auth:login': login,
  'auth:logout'(_input, ctx) {
    ctx.sessions.delete(ctx.sessionId)
    return null
  },
  'auth:me'(_input, ctx) {
    return ctx.actor
  },
  'auth:touch': (_input, ctx) => actorOf(ctx),
  'auth:changePassword'(input, ctx) {
    const actor = actorOf(ctx)
    const record = staffById(ctx.db, actor.id)
    if (!record) throw notFound()
    if (!verifyPassword(input.current, record.passwordHash, record.passwordSalt)) {
      // A wrong current password counts as a failed sign-in: someone at an unlocked screen cannot try passwords freely.
      const now = ctx.clock.now()
      throw new AppError('rule_violation', 'auth.wrong_password', {
        field: 'current',
        afterRollback: () => {
          const { failed, lockedUntil } = countFailedPassword(ctx, record, now)
          const base = { at: now.toISOString(), actorId: actor.id, actorName: actor.displayName, recordType: 'staff', recordId: actor.id }
          recordSecurityEvent(ctx.db, { ...base, method: SECURITY_EVENTS.passwordChangeFailed, detail: JSON.stringify({ failedLogins: failed }) })
          if (lockedUntil) recordSecurityEvent(ctx.db, { ...base, method: SECURITY_EVENTS.locked, detail: JSON.stringify({ until: lockedUntil }) })
        },
      })
    }
    setPassword(ctx.db, actor.id, hashPassword(input.next), nowIso(ctx))
    // A new password ends the account's other sessions (a screen left signed in elsewhere); this one stays.
    ctx.sessions.deleteForStaff(actor.id, ctx.sessionId)
    return null
  },
} satisfies HandlersFor<typeof authContract>
