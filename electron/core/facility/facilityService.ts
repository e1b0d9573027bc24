import type { facilityContract } from '../../shared/contract'
import { DEFAULT_PERIOD_TEMPLATE } from '../../shared/domain/periods'
import { nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { savePeriodTemplate } from '../config/periodTemplates'
import { readSetting, writeSetting } from '../db/settingsRepo'
import { ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { periodTemplate } from '../wards/wardsService'

/**
 * The facility's own settings. Set-up and the demo generator both start a facility here, so neither imports the
 * other (set-up loads the demo).
 */
export function initializeFacility(db: Db, facilityName: string, at: string) {
  writeSetting(db, 'facility.name', facilityName)
  savePeriodTemplate(db, DEFAULT_PERIOD_TEMPLATE, { at, by: null })
}

export const facilityHandlers = {
  'facility:get': (_input, ctx: Ctx) => ({
    name: readSetting(ctx.db, 'facility.name') ?? '',
    periodTemplate: periodTemplate(ctx.db),
    today: today(ctx),
  }),
  'facility:update'(input, ctx) {
    writeSetting(ctx.db, 'facility.name', input.name)
    return null
  },
  'facility:setPeriodTemplate'(input, ctx) {
    for (const [from, to] of input.template.moves) {
      if (from === to) throw ruleViolation('period.same_period', 'template.moves')
    }
    savePeriodTemplate(ctx.db, input.template, { at: nowIso(ctx), by: ctx.actor?.id ?? null })
    ctx.auditDetail = JSON.stringify(input.template)
    return null
  },
} satisfies HandlersFor<typeof facilityContract>
