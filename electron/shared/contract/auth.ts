import { z } from 'zod'
import type { Permission, Role } from '../domain/roles'
import type { RoleReach } from '../domain/wardScope'
import { method, noAudit } from './define'
import { hasInvisible } from '../domain/identityRules'
import { keyWithParams, tooLong } from './common'

export interface StaffUser {
  id: string
  username: string
  displayName: string
  role: Role
  /** The wards the staff member is responsible for (包队责任制). */
  wardIds: string[]
  /** How far the role reaches beyond those wards under the facility's policy (setting access.wardScope). */
  reach: RoleReach
  permissions: Permission[]
}

/** Account fields shared by set-up (first admin) and staff management. */
const USERNAME_MESSAGE = keyWithParams('v.username', { min: 2, max: 32 })
export const username = z
  .string({ error: 'v.required' })
  .trim()
  .min(2, USERNAME_MESSAGE)
  .max(32, USERNAME_MESSAGE)
  .regex(/^[a-zA-Z0-9_.-]+$/, USERNAME_MESSAGE)
/**
 * A staff member's name as shown in lists and the audit log: any characters a name or a distinguishing note needs,
 * in NFC, but nothing invisible (a zero-width space made "王建国" look like another account's name).
 */
export const staffDisplayName = z
  .string({ error: 'v.required' })
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'v.required').max(40, tooLong(40)).refine((s) => !hasInvisible(s), 'name.invisible'))
export const password = z
  .string({ error: 'v.required' })
  .min(8, keyWithParams('v.password_short', { min: 8 }))
  .max(128, tooLong(128))

export const authContract = {
  'auth:login': method<{ sessionId: string; user: StaffUser }>()({
    input: z.object({ username: z.string().trim().min(1, 'v.required'), password: z.string().min(1, 'v.required') }),
    access: 'public',
    audit: { kind: 'write', recordType: 'staff', record: (_i, o) => o.user.id },
  }),
  'auth:logout': method<null>()({ input: z.object({}), access: 'authenticated', audit: { kind: 'write', recordType: 'staff', record: () => null } }),
  'auth:me': method<StaffUser | null>()({ input: z.object({}), access: 'public', audit: noAudit }),
  /**
   * The session's staff member, as a call that counts as activity (unlike auth:me, which event streams and the
   * reconnect ping use): the facility server asks it before sending a heavy read to its reader (issue 15).
   */
  'auth:touch': method<StaffUser>()({ input: z.object({}), access: 'authenticated', audit: noAudit }),
  'auth:changePassword': method<null>()({
    input: z.object({ current: z.string().min(1, 'v.required'), next: password }),
    access: 'authenticated',
    audit: { kind: 'write', recordType: 'staff', record: () => null },
  }),
}
