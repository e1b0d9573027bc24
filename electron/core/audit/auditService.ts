import type { auditContract } from '../../shared/contract'
import type { HandlersFor } from '../handlerTypes'
import { verifyAudit } from './auditLog'
import { listAudit } from './auditQueries'

export const auditHandlers = {
  'audit:list': (input, ctx) => listAudit(ctx.db, input),
  'audit:verify': (_input, ctx) => verifyAudit(ctx.db),
} satisfies HandlersFor<typeof auditContract>
