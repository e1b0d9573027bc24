import { z } from 'zod'
import { ROLES, type Role } from '../domain/roles'
import { password, staffDisplayName, username } from './auth'
import { id } from './common'
import { method, noAudit } from './define'

export { LOGIN_LOCK_RULE } from '../domain/loginLock'

export interface StaffRow {
  id: string
  username: string
  displayName: string
  role: Role
  wardId: string | null
  wardName: string | null
  active: boolean
  createdAt: string
  lastLoginAt: string | null
  /** When the sign-in lock ends, only while it is in force at the time of the list (a lock that has run out is null). */
  lockedUntil: string | null
}

export const staffContract = {
  'staff:list': method<StaffRow[]>()({ input: z.object({}), access: 'staff.manage', audit: noAudit }),
  'staff:create': method<{ id: string }>()({
    input: z.object({
      username,
      displayName: staffDisplayName,
      role: z.enum(ROLES, { error: 'v.required' }),
      wardId: id.nullable().default(null),
      password,
    }),
    access: 'staff.manage',
    audit: { kind: 'write', recordType: 'staff', record: (_i, o) => o.id },
  }),
  'staff:update': method<null>()({
    input: z.object({
      id,
      displayName: staffDisplayName,
      role: z.enum(ROLES, { error: 'v.required' }),
      wardId: id.nullable().default(null),
      active: z.boolean(),
    }),
    access: 'staff.manage',
    audit: { kind: 'write', recordType: 'staff', record: (i) => i.id },
  }),
  /** Lifts a sign-in lock early and clears the failure count; carries nothing but the account's id. */
  'staff:unlock': method<null>()({
    input: z.strictObject({ id }),
    access: 'staff.manage',
    audit: { kind: 'write', recordType: 'staff', record: (i) => i.id },
  }),
  'staff:resetPassword': method<null>()({
    input: z.object({ id, password }),
    access: 'staff.manage',
    audit: { kind: 'write', recordType: 'staff', record: (i) => i.id },
  }),
}
