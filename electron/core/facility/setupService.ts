import type { setupContract } from '../../shared/contract'
import { createStaff } from '../auth/staffService'
import { nowIso, type Ctx } from '../context'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { generateDemo } from '../demo/generate'
import { auditRecoveryCode } from '../audit/auditSeal'
import { verifyAudit } from '../audit/auditLog'
import { AppError, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { insertWard } from '../wards/wardsService'
import { initializeFacility } from './facilityService'

export function isInitialized(db: Db): boolean {
  return readSetting(db, 'facility.name') !== null
}

function assertFresh(ctx: Ctx) {
  if (isInitialized(ctx.db)) throw new AppError('conflict', 'setup.already_initialized')
}

/**
 * An empty database on a path where a database was in use before (issue 10 §5): the audit key and anchor beside it
 * name rows this file does not hold, so opening it recorded a broken chain. Set-up there must be an explicit choice
 * (the data may only need restoring from a backup), and demo data with its published passwords is never loaded there.
 */
const previouslyUsed = (db: Db) => !isInitialized(db) && !verifyAudit(db).ok

export const setupHandlers = {
  'setup:status': (_input, ctx) => ({
    initialized: isInitialized(ctx.db),
    facilityName: readSetting(ctx.db, 'facility.name'),
    previouslyUsed: previouslyUsed(ctx.db),
  }),
  'setup:initialize'(input, ctx) {
    assertFresh(ctx)
    if (previouslyUsed(ctx.db) && !input.replacesPreviousDatabase) throw ruleViolation('setup.previous_database', 'replacesPreviousDatabase')
    const at = nowIso(ctx)
    const names = new Set<string>()
    input.wards.forEach((w, i) => {
      if (names.has(w.name)) throw new AppError('conflict', 'ward.duplicate_name', { field: `wards.${i}.name` })
      names.add(w.name)
    })
    initializeFacility(ctx.db, input.facilityName, at)
    for (const w of input.wards) insertWard(ctx.db, at, { ...w, note: null })
    createStaff(ctx.db, at, { ...input.admin, role: 'admin', wardIds: [] })
    return { auditRecoveryCode: auditRecoveryCode(ctx.db) }
  },
  'setup:loadDemo'(input, ctx) {
    assertFresh(ctx)
    if (previouslyUsed(ctx.db)) throw ruleViolation('setup.no_demo_here')
    return { accounts: generateDemo(ctx.db, { people: input.people, seed: 1, clock: ctx.clock, onProgress: ctx.progress }) }
  },
} satisfies HandlersFor<typeof setupContract>
