import { randomUUID } from 'node:crypto'
import type { StaffUser } from '../../shared/contract'
import { ROLE_PERMISSIONS } from '../../shared/domain/roles'
import { actorOf, nowIso } from '../context'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import type { Handlers } from '../dispatch'
import { hashPassword, verifyPassword } from './passwords'
import { staffRepo, type StaffRecord } from './staffRepo'

const MAX_FAILED_LOGINS = 5
const LOCK_MINUTES = 10

export function toStaffUser(r: StaffRecord): StaffUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    wardId: r.ward_id,
    permissions: [...ROLE_PERMISSIONS[r.role]],
  }
}

export function loadActor(db: Db, staffId: string | null): StaffUser | null {
  if (!staffId) return null
  const r = staffRepo.byId(db, staffId)
  return r && r.active === 1 ? toStaffUser(r) : null
}

export function createStaff(
  db: Db,
  at: string,
  s: { username: string; displayName: string; role: StaffRecord['role']; wardId: string | null; password: string },
): string {
  if (staffRepo.byUsername(db, s.username)) throw new AppError('conflict', 'staff.duplicate_username', { field: 'username' })
  const id = randomUUID()
  const { hash, salt } = hashPassword(s.password)
  staffRepo.insert(db, {
    id,
    username: s.username,
    display_name: s.displayName,
    role: s.role,
    ward_id: s.wardId,
    password_hash: hash,
    password_salt: salt,
    active: 1,
    created_at: at,
    updated_at: at,
  })
  return id
}

function assertWardExists(db: Db, wardId: string | null) {
  if (wardId && !db.prepare('SELECT 1 FROM wards WHERE id = ?').get(wardId)) {
    throw new AppError('invalid_input', 'err.not_found', { field: 'wardId' })
  }
}

export const authHandlers: Pick<Handlers, 'auth:login' | 'auth:logout' | 'auth:me' | 'auth:changePassword'> = {
  'auth:login'(input, ctx) {
    const { db } = ctx
    const now = ctx.clock.now()
    const record = staffRepo.byUsername(db, input.username)
    const refuse = (key: string, params?: Record<string, number>, countFailure = true) =>
      new AppError('unauthenticated', key, {
        params,
        afterRollback: () => {
          if (record && countFailure) {
            const failed = record.failed_logins + 1
            const lockedUntil = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null
            db.prepare('UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?').run(lockedUntil ? 0 : failed, lockedUntil, record.id)
          }
        },
      })
    if (!record) {
      // Same work as a real check, so timing does not reveal which usernames exist.
      verifyPassword(input.password, 'AAAA', 'salt')
      throw refuse('auth.bad_credentials')
    }
    if (record.locked_until && record.locked_until > now.toISOString()) {
      const minutes = Math.ceil((Date.parse(record.locked_until) - now.getTime()) / 60_000)
      throw refuse('auth.locked', { minutes }, false)
    }
    if (!verifyPassword(input.password, record.password_hash, record.password_salt)) throw refuse('auth.bad_credentials')
    if (record.active !== 1) throw refuse('auth.inactive', undefined, false)
    db.prepare('UPDATE staff SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(now.toISOString(), record.id)
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
    const record = staffRepo.byId(ctx.db, actor.id)
    if (!record) throw notFound()
    if (!verifyPassword(input.current, record.password_hash, record.password_salt)) {
      throw new AppError('rule_violation', 'auth.wrong_password', { field: 'current' })
    }
    const { hash, salt } = hashPassword(input.next)
    ctx.db.prepare('UPDATE staff SET password_hash = ?, password_salt = ?, updated_at = ? WHERE id = ?').run(hash, salt, nowIso(ctx), actor.id)
    return null
  },
}

export const staffHandlers: Pick<Handlers, 'staff:list' | 'staff:create' | 'staff:update' | 'staff:resetPassword'> = {
  'staff:list': (_input, ctx) => staffRepo.list(ctx.db),
  'staff:create'(input, ctx) {
    assertWardExists(ctx.db, input.wardId)
    return { id: createStaff(ctx.db, nowIso(ctx), input) }
  },
  'staff:update'(input, ctx) {
    const record = staffRepo.byId(ctx.db, input.id)
    if (!record) throw notFound()
    assertWardExists(ctx.db, input.wardId)
    const losesAdmin = record.role === 'admin' && record.active === 1 && (input.role !== 'admin' || !input.active)
    if (losesAdmin && staffRepo.activeAdmins(ctx.db) <= 1) throw new AppError('rule_violation', 'staff.last_admin')
    ctx.db
      .prepare('UPDATE staff SET display_name = ?, role = ?, ward_id = ?, active = ?, updated_at = ? WHERE id = ?')
      .run(input.displayName, input.role, input.wardId, input.active ? 1 : 0, nowIso(ctx), input.id)
    if (!input.active) ctx.sessions.deleteForStaff(input.id)
    ctx.auditDetail = JSON.stringify({ role: input.role, active: input.active, wardId: input.wardId })
    return null
  },
  'staff:resetPassword'(input, ctx) {
    if (!staffRepo.byId(ctx.db, input.id)) throw notFound()
    const { hash, salt } = hashPassword(input.password)
    ctx.db
      .prepare('UPDATE staff SET password_hash = ?, password_salt = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?')
      .run(hash, salt, nowIso(ctx), input.id)
    ctx.sessions.deleteForStaff(input.id)
    return null
  },
}
