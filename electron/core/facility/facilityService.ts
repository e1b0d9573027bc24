import type { facilityContract } from '../../shared/contract'
import { DEFAULT_PERIOD_TEMPLATE } from '../../shared/domain/periods'
import { today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { getSetting, setSetting } from '../db/settings'
import { ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { periodTemplate, SETTING_FACILITY_NAME, SETTING_PERIOD_TEMPLATE } from '../wards/wardsService'

/**
 * The facility's own settings. Set-up and the demo generator both start a facility here, so neither imports the
 * other (set-up loads the demo).
 */
export function initializeFacility(db: Db, facilityName: string) {
  setSetting(db, SETTING_FACILITY_NAME, facilityName)
  setSetting(db, SETTING_PERIOD_TEMPLATE, DEFAULT_PERIOD_TEMPLATE)
}

export const facilityHandlers = {
  'facility:get': (_input, ctx: Ctx) => ({
    name: getSetting<string>(ctx.db, SETTING_FACILITY_NAME) ?? '',
    periodTemplate: periodTemplate(ctx.db),
    today: today(ctx),
  }),
  'facility:update'(input, ctx) {
    setSetting(ctx.db, SETTING_FACILITY_NAME, input.name)
    return null
  },
  'facility:setPeriodTemplate'(input, ctx) {
    for (const [from, to] of input.template.moves) {
      if (from === to) throw ruleViolation('period.same_period', 'template.moves')
    }
    setSetting(ctx.db, SETTING_PERIOD_TEMPLATE, input.template)
    ctx.auditDetail = JSON.stringify(input.template)
    return null
  },
} satisfies HandlersFor<typeof facilityContract>
