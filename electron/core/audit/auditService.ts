import type { auditContract } from '../../shared/contract'
import type { HandlersFor } from '../handlerTypes'
import { nowIso } from '../context'
import { verifyAudit } from './auditLog'
import { auditDailySummary } from './auditSummary'
import { auditExport, auditPage } from './auditPage'

export const auditHandlers = {
  'audit:list': (input, ctx) => auditPage(ctx.db, input),
  'audit:export'(input, ctx) {
    const result = auditExport(ctx.db, input)
    // The row records what left the application: the filter and how many rows.
    ctx.auditDetail = JSON.stringify({ ...input, rows: result.rows.length, truncated: result.truncated })
    return result
  },
  'audit:dailySummary': (input, ctx) => auditDailySummary(ctx.db, input.date, nowIso(ctx)),
  'audit:verify': (_input, ctx) => verifyAudit(ctx.db),
} satisfies HandlersFor<typeof auditContract>
