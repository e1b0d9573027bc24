import { z } from 'zod'
import { password, staffDisplayName, username } from './auth'
import { intRange, text, tooMany } from './common'
import { method, noAudit } from './define'
import { wardFields } from './wards'

export interface DemoAccount {
  username: string
  password: string
  role: string
  displayName: string
}

export const setupContract = {
  /** `previouslyUsed`: the database is empty but a database was in use on this path before (see setupService). */
  'setup:status': method<{ initialized: boolean; facilityName: string | null; previouslyUsed: boolean }>()({
    input: z.object({}),
    access: 'public',
    audit: noAudit,
  }),
  /** Answers the audit key's recovery code, shown once to be printed and kept apart from the workstation. */
  'setup:initialize': method<{ auditRecoveryCode: string | null }>()({
    input: z.object({
      facilityName: text(60),
      wards: z
        .array(z.object({ name: wardFields.name, capacity: wardFields.capacity }))
        .min(1, 'v.wards_required')
        .max(50, tooMany(50)),
      admin: z.object({ username, displayName: staffDisplayName, password }),
      /** Required where a database was in use before: the person setting up says a new one is meant, not a restore. */
      replacesPreviousDatabase: z.boolean().default(false),
    }),
    access: 'public',
    audit: { kind: 'write', recordType: 'facility', record: () => null },
  }),
  'setup:loadDemo': method<{ accounts: DemoAccount[] }>()({
    input: z.object({ people: intRange(0, 5000).default(240) }),
    access: 'public',
    audit: { kind: 'write', recordType: 'facility', record: () => null },
  }),
}
