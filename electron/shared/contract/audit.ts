import { z } from 'zod'
import { page, tooLong, type Paged } from './common'
import { method, noAudit } from './define'
import type { AuditRow } from './people'

export type AuditVerifyResult = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; problem: string }

export const auditContract = {
  'audit:list': method<Paged<AuditRow>>()({
    input: z.object({ method: z.string().max(60, tooLong(60)).optional(), ...page }),
    access: 'audit.read',
    audit: noAudit,
  }),
  'audit:verify': method<AuditVerifyResult>()({ input: z.object({}), access: 'audit.read', audit: noAudit }),
}
