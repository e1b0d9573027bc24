import { randomUUID } from 'node:crypto'
import type { staffContract } from '../../shared/contract'
import { usernameSkeleton } from '../../shared/domain/identityRules'
import type { Role } from '../../shared/domain/roles'
import { needsWards } from '../../shared/domain/wardScope'
import { readSetting } from '../db/settingsRepo'
import { nowIso } from '../context'
import type { Db } from '../db/open'
import { AppError, notFound } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { wardById } from '../wards/wardsRepo'
import { hashPassword } from './passwords'
import { activeAdminCount, clearSignInLock, insertStaff, resetPassword, setStaffWards, staffById, staffByUsername, staffNames, updateStaff, wardIdsOfStaff } from './staffRepo'
import { listStaff } from './staffQueries'

/** Refuses a username that reads like another account's (admin / Adm1n / ad.min), inactive accounts included. */
function assertUsernameDistinct(db: Db, username: string) {
  const skeleton = usernameSkeleton(username)
  const twin = staffNames(db).find((s) => usernameSkeleton(s.username) === skeleton)
  if (twin) throw new AppError('conflict', 'staff.username_lookalike', { field: 'username', params: { existing: twin.username } })
}

/** Refuses a display name another active account shows (the audit log names people by it). */
function assertDisplayNameDistinct(db: Db, displayName: string, exceptId: string | null) {
  const twin = staffNames(db).find((s) => s.active === 1 && s.id !== exceptId && s.displayName === displayName)
  if (twin) throw new AppError('conflict', 'staff.display_name_taken', { field: 'displayName', params: { username: twin.username } })
}

export function createStaff(
  db: Db,
  at: string,
  s: { username: string; displayName: string; role: Role; wardIds: readonly string[]; password: string },
): string {
  if (staffByUsername(db, s.username)) throw new AppError('conflict', 'staff.duplicate_username', { field: 'username' })
  assertUsernameDistinct(db, s.username)
  assertDisplayNameDistinct(db, s.displayName, null)
  const id = randomUUID()
  const { hash, salt } = hashPassword(s.password)
  insertStaff(db, {
    id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    passwordHash: hash,
    passwordSalt: salt,
    active: 1,
    createdAt: at,
    updatedAt: at,
  })
  setStaffWards(db, id, s.wardIds)
  return id
}

/**
 * The wards must exist, a ward newly given must be active (a closed ward keeps the staff it had), and a role that works
 * only in its own wards under the facility's policy must be given at least one while active (without, the account
 * could do nothing).
 */
function assertWards(db: Db, role: Role, wardIds: readonly string[], kept: readonly string[], active = true) {
  wardIds.forEach((wardId, i) => {
    const ward = wardById(db, wardId)
    if (!ward) throw new AppError('invalid_input', 'err.not_found', { field: `wardIds.${i}` })
    if (!ward.active && !kept.includes(wardId)) throw new AppError('invalid_input', 'staff.ward_inactive', { field: `wardIds.${i}`, params: { ward: ward.name } })
  })
  if (active && wardIds.length === 0 && needsWards(readSetting(db, 'access.wardScope'), role)) {
    throw new AppError('invalid_input', 'staff.wards_required', { field: 'wardIds' })
  }
}

export const staffHandlers = {
  'staff:list': (_input, ctx) => listStaff(ctx.db, nowIso(ctx)),
  'staff:create'(input, ctx) {
    assertWards(ctx.db, input.role, input.wardIds, [])
    return { id: createStaff(ctx.db, nowIso(ctx), input) }
  },
  'staff:update'(input, ctx) {
    const record = staffById(ctx.db, input.id)
    if (!record) throw notFound()
    const wardsBefore = wardIdsOfStaff(ctx.db, input.id)
    assertWards(ctx.db, input.role, input.wardIds, wardsBefore, input.active)
    if (input.active) assertDisplayNameDistinct(ctx.db, input.displayName, input.id)
    const losesAdmin = record.role === 'admin' && record.active === 1 && (input.role !== 'admin' || !input.active)
    if (losesAdmin && activeAdminCount(ctx.db) <= 1) throw new AppError('rule_violation', 'staff.last_admin')
    const written = updateStaff(ctx.db, {
      id: input.id, revision: input.revision, displayName: input.displayName, role: input.role, active: input.active, updatedAt: nowIso(ctx),
    })
    if (!written) throw new AppError('conflict', 'staff.stale_revision')
    setStaffWards(ctx.db, input.id, input.wardIds)
    if (!input.active) ctx.sessions.deleteForStaff(input.id)
    ctx.auditDetail = JSON.stringify({ role: input.role, active: input.active, wardIds: input.wardIds, wardsBefore })
    return null
  },
  'staff:unlock'(input, ctx) {
    const record = staffById(ctx.db, input.id)
    if (!record) throw notFound()
    // The audit row says what was lifted (the lock's end, or none: unlocking an unlocked account changes nothing).
    ctx.auditDetail = JSON.stringify({ lockedUntil: record.lockedUntil, failedLogins: record.failedLogins })
    clearSignInLock(ctx.db, input.id)
    return null
  },
  'staff:resetPassword'(input, ctx) {
    if (!staffById(ctx.db, input.id)) throw notFound()
    resetPassword(ctx.db, input.id, hashPassword(input.password), nowIso(ctx))
    ctx.sessions.deleteForStaff(input.id)
    return null
  },
} satisfies HandlersFor<typeof staffContract>
