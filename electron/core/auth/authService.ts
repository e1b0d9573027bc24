import { LOGIN_LOCK_RULE, type authContract, type StaffUser } from '../../shared/contract'
import { ROLE_PERMISSIONS } from '../../shared/domain/roles'
import { actorOf, nowIso } from '../context'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { hashPassword, verifyPassword } from './passwords'
import { recordFailedLogins, recordLogin, setPassword, staffById, staffByUsername, type StaffRecord } from './staffRepo'

const { maxFailedLogins: MAX_FAILED_LOGINS, lockMinutes: LOCK_MINUTES } = LOGIN_LOCK_RULE

export function toStaffUser(r: StaffRecord): StaffUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    wardId: r.wardId,
    permissions: [...ROLE_PERMISSIONS[r.role]],
  }
}

export function loadActor(db: Db, staffId: string | null): StaffUser | null {
  if (!staffId) return null
  const r = staffById(db, staffId)
  return r && r.active === 1 ? toStaffUser(r) : null
}

export const authHandlers = {
  'auth:login'(input, ctx) {
    const { db } = ctx
    const now = ctx.clock.now()
    const record = staffByUsername(db, input.username)
    const refuse = (key: string, params?: Record<string, number>, countFailure = true) =>
      new AppError('unauthenticated', key, {
        params,
        afterRollback: () => {
          if (record && countFailure) {
            const failed = record.failedLogins + 1
            const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null
            recordFailedLogins(db, record.id, lockedUntil ? 0 : failed, lockedUntil)
          }
        },
      })
    if (!record) {
      // Same work as a real check, so timing does not reveal which usernames exist.
      verifyPassword(input.password, 'AAAA', 'salt')
      throw refuse('auth.bad_credentials')
    }
    if (record.lockedUntil && record.lockedUntil > now.toISOString()) {
      const minutes = Math.ceil((Date.parse(record.lockedUntil) - now.getTime()) / 60_000)
      throw refuse('auth.locked', { minutes }, false)
    }
    if (!verifyPassword(input.password, record.passwordHash, record.passwordSalt)) throw refuse('auth.bad_credentials')
    if (record.active !== 1) throw refuse('auth.inactive', undefined, false)
    recordLogin(db, record.id, now.toISOString())
    const user = toStaffUser(record)
    ctx.actor = user
    return { sessionId: ctx.sessions.create(record.id, now.getTime()), user }
  },
  'auth:logout'(_input, ctx) {
    ctx.sessions.delete(ctx.sessionId)
    return null
  },
  'auth:me'(_input, ctx) {
    return ctx.actor
  },
  'auth:changePassword'(input, ctx) {
    const actor = actorOf(ctx)
    const record = staffById(ctx.db, actor.id)
    if (!record) throw notFound()
    if (!verifyPassword(input.current, record.passwordHash, record.passwordSalt)) {
      throw new AppError('rule_violation', 'auth.wrong_password', { field: 'current' })
    }
    setPassword(ctx.db, actor.id, hashPassword(input.next), nowIso(ctx))
    return null
  },
} satisfies HandlersFor<typeof authContract>
