import type { Handlers } from '../dispatch'
import { listAudit, verifyAudit } from './auditLog'

export const auditHandlers: Pick<Handlers, 'audit:list' | 'audit:verify'> = {
  'audit:list': (input, ctx) => listAudit(ctx.db, input),
  'audit:verify': (_input, ctx) => verifyAudit(ctx.db),
}
