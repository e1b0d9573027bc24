import { z } from 'zod'
import type { Permission, Role } from '../domain/roles'
import { method, noAudit } from './define'

export interface StaffUser {
  id: string
  username: string
  displayName: string
  role: Role
  wardId: string | null
  permissions: Permission[]
}

/** Account fields shared by set-up (first admin) and staff management. */
export const username = z
  .string({ error: 'v.required' })
  .trim()
  .min(2, 'v.username')
  .max(32, 'v.username')
  .regex(/^[a-zA-Z0-9_.-]+$/, 'v.username')
export const password = z.string({ error: 'v.required' }).min(8, 'v.password_short').max(128, 'v.too_long')

export const authContract = {
  'auth:login': method<{ sessionId: string; user: StaffUser }>()({
    input: z.object({ username: z.string().trim().min(1, 'v.required'), password: z.string().min(1, 'v.required') }),
    access: 'public',
    audit: { kind: 'write', recordType: 'staff', record: (_i, o) => o.user.id },
  }),
  'auth:logout': method<null>()({ input: z.object({}), access: 'authenticated', audit: noAudit }),
  'auth:me': method<StaffUser | null>()({ input: z.object({}), access: 'public', audit: noAudit }),
  'auth:changePassword': method<null>()({
    input: z.object({ current: z.string().min(1, 'v.required'), next: password }),
    access: 'authenticated',
    audit: { kind: 'write', recordType: 'staff', record: () => null },
  }),
}
