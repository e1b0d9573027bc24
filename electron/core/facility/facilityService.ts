import type { facilityContract } from '../../shared/contract'
import { DEFAULT_PERIOD_TEMPLATE } from '../../shared/domain/periods'
import { ROLES } from '../../shared/domain/roles'
import { needsWards, type WardScopePolicy } from '../../shared/domain/wardScope'
import { activeStaffWithoutWards } from '../auth/staffRepo'
import { nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { currentPeriodTemplateVersion, savePeriodTemplate } from '../config/periodTemplates'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError, ruleViolation } from '../errors'
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

/** The period template's stored version as the settings form names it ('default' before set-up saved one). */
function periodTemplateVersion(db: Db): string {
  return String(currentPeriodTemplateVersion(db) ?? 'default')
}

const STAFF_ROLES = ROLES.filter((role) => role !== 'admin')

export const facilityHandlers = {
  'facility:get': (_input, ctx: Ctx) => ({
    name: readSetting(ctx.db, 'facility.name') ?? '',
    periodTemplate: periodTemplate(ctx.db),
    today: today(ctx),
    versions: { name: settingVersion(ctx.db, 'facility.name'), periodTemplate: periodTemplateVersion(ctx.db) },
  }),
  'facility:update'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'facility.name')) throw new AppError('conflict', 'settings.stale')
    writeSetting(ctx.db, 'facility.name', input.name)
    return null
  },
  'facility:setPeriodTemplate'(input, ctx) {
    // Each save adds a template version and nothing else refused a stale base: the form names the version it showed.
    if (input.version !== periodTemplateVersion(ctx.db)) throw new AppError('conflict', 'settings.stale')
    for (const [from, to] of input.template.moves) {
      if (from === to) throw ruleViolation('period.same_period', 'template.moves')
    }
    savePeriodTemplate(ctx.db, input.template, { at: nowIso(ctx), by: ctx.actor?.id ?? null })
    ctx.auditDetail = JSON.stringify(input.template)
    return null
  },
  'facility:wardScope': (_input, ctx) => ({ policy: readSetting(ctx.db, 'access.wardScope'), version: settingVersion(ctx.db, 'access.wardScope') }),
  'facility:setWardScope'(input, ctx) {
    if (input.version !== settingVersion(ctx.db, 'access.wardScope')) throw new AppError('conflict', 'settings.stale')
    const policy: WardScopePolicy = { ...input.policy, admin: { read: 'all', write: 'all' } }
    // A role limited to its own wards would leave an account with none unable to work: assign wards first.
    const stranded = activeStaffWithoutWards(ctx.db, STAFF_ROLES.filter((role) => needsWards(policy, role)))
    if (stranded.length > 0) {
      throw ruleViolation('access.staff_without_wards', 'policy', { names: stranded.map((s) => `${s.displayName}（${s.username}）`).join('、') })
    }
    writeSetting(ctx.db, 'access.wardScope', policy)
    ctx.auditDetail = JSON.stringify(input.policy)
    return null
  },
} satisfies HandlersFor<typeof facilityContract>
