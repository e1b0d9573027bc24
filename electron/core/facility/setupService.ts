import { DEFAULT_PERIOD_TEMPLATE } from '../../shared/domain/periods'
import { createStaff } from '../auth/authService'
import { nowIso, type Ctx } from '../context'
import type { Db } from '../db/open'
import { getSetting, setSetting } from '../db/settings'
import { generateDemo } from '../demo/generate'
import type { Handlers } from '../dispatch'
import { AppError } from '../errors'
import { insertWard, SETTING_FACILITY_NAME, SETTING_PERIOD_TEMPLATE } from '../wards/wardsService'

export function isInitialized(db: Db): boolean {
  return getSetting<string>(db, SETTING_FACILITY_NAME) !== null
}

function assertFresh(ctx: Ctx) {
  if (isInitialized(ctx.db)) throw new AppError('conflict', 'setup.already_initialized')
}

export function initializeFacility(db: Db, facilityName: string) {
  setSetting(db, SETTING_FACILITY_NAME, facilityName)
  setSetting(db, SETTING_PERIOD_TEMPLATE, DEFAULT_PERIOD_TEMPLATE)
}

export const setupHandlers: Pick<Handlers, 'setup:status' | 'setup:initialize' | 'setup:loadDemo'> = {
  'setup:status': (_input, ctx) => ({
    initialized: isInitialized(ctx.db),
    facilityName: getSetting<string>(ctx.db, SETTING_FACILITY_NAME),
  }),
  'setup:initialize'(input, ctx) {
    assertFresh(ctx)
    const at = nowIso(ctx)
    const names = new Set<string>()
    input.wards.forEach((w, i) => {
      if (names.has(w.name)) throw new AppError('conflict', 'ward.duplicate_name', { field: `wards.${i}.name` })
      names.add(w.name)
    })
    initializeFacility(ctx.db, input.facilityName)
    for (const w of input.wards) insertWard(ctx.db, at, { ...w, note: null })
    createStaff(ctx.db, at, { ...input.admin, role: 'admin', wardId: null })
    return null
  },
  'setup:loadDemo'(input, ctx) {
    assertFresh(ctx)
    return { accounts: generateDemo(ctx.db, { people: input.people, seed: 1, clock: ctx.clock, onProgress: ctx.progress }) }
  },
}
