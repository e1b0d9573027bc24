import { z } from 'zod'
import { ROLES, type Role } from '../domain/roles'
import { password, staffDisplayName, username } from './auth'
import { id, intAtLeast, keyWithParams } from './common'
import { method, noAudit } from './define'

export { LOGIN_LOCK_RULE } from '../domain/loginLock'

/** More wards than any facility has; the list is a set (each ward once). */
export const MAX_STAFF_WARDS = 100
export const staffWardIds = z
  .array(id, { error: 'v.required' })
  .max(MAX_STAFF_WARDS, keyWithParams('staff.too_many_wards', { max: MAX_STAFF_WARDS }))
  .refine((ids) => new Set(ids).size === ids.length, 'staff.ward_twice')
  .default([])

export interface StaffRow {
  id: string
  username: string
  displayName: string
  role: Role
  /** The wards the staff member is responsible for (包队责任制), by name. */
  wards: Array<{ id: string; name: string }>
  active: boolean
  createdAt: string
  lastLoginAt: string | null
  /** When the sign-in lock ends, only while it is in force at the time of the list (a lock that has run out is null). */
  lockedUntil: string | null
  /** The version an edit must name (staff:update), so a change made meanwhile is not overwritten. */
  revision: number
}

export const staffContract = {
  'staff:list': method<StaffRow[]>()({ input: z.object({}), access: 'staff.manage', audit: noAudit, scope: 'facility' }),
  'staff:create': method<{ id: string }>()({
    input: z.object({
      username,
      displayName: staffDisplayName,
      role: z.enum(ROLES, { error: 'v.required' }),
      wardIds: staffWardIds,
      password,
    }),
    access: 'staff.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'staff', record: (_i, o) => o.id },
  }),
  'staff:update': method<null>()({
    input: z.object({
      id,
      revision: intAtLeast(1),
      displayName: staffDisplayName,
      role: z.enum(ROLES, { error: 'v.required' }),
      wardIds: staffWardIds,
      active: z.boolean(),
    }),
    access: 'staff.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'staff', record: (i) => i.id },
  }),
  /** Lifts a sign-in lock early and clears the failure count; carries nothing but the account's id. */
  'staff:unlock': method<null>()({
    input: z.strictObject({ id }),
    access: 'staff.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'staff', record: (i) => i.id },
  }),
  'staff:resetPassword': method<null>()({
    input: z.object({ id, password }),
    access: 'staff.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'staff', record: (i) => i.id },
  }),
}
