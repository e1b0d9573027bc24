import { z } from 'zod'
import { PERIODS, type PeriodTemplate } from '../domain/periods'
import type { WardScopePolicy } from '../domain/wardScope'
import { intRange, settingVersionInput, text, tooLong } from './common'
import { method, noAudit } from './define'

export interface FacilityInfo {
  name: string
  periodTemplate: PeriodTemplate
  today: string
  /** The versions the settings forms send back (facility:update, facility:setPeriodTemplate): a stale one is refused. */
  versions: { name: string; periodTemplate: string }
}

export const periodTemplateSchema = z.object({
  id: text(40),
  name: text(60),
  moves: z.array(z.tuple([z.enum(PERIODS), z.enum(PERIODS)])).min(1, 'v.required'),
  minDwellDays: z.object({
    detox: intRange(0, 1000, 'v.range_days').nullable(),
    education: intRange(0, 1000, 'v.range_days').nullable(),
    rehabilitation: intRange(0, 1000, 'v.range_days').nullable(),
    return: intRange(0, 1000, 'v.range_days').nullable(),
  }),
})

/** One role's reach under ward scoping (包队责任制): every ward, or only the wards its staff are responsible for. */
const reach = z.object({ read: z.enum(['all', 'own'], { error: 'v.required' }), write: z.enum(['all', 'own'], { error: 'v.required' }) })
/** The policy a facility sets, per staff role (administrators always reach every ward and are not part of it). */
export const staffWardScopeSchema = z.object({ ward_officer: reach, counsellor: reach, trainer: reach, vocational: reach })
export const wardScopeSchema = staffWardScopeSchema.extend({ admin: reach })

export interface WardScopeSetting {
  policy: WardScopePolicy
  /** The version a change must name, so a change made meanwhile by another administrator is not overwritten. */
  version: string
}

export const facilityContract = {
  'facility:get': method<FacilityInfo>()({ input: z.object({}), access: 'authenticated', audit: noAudit }),
  // Each setting's audit rows name it, so a stale save is told who saved it last (dispatch.ts, staleConflict).
  'facility:update': method<null>()({
    input: z.object({ name: text(60), version: settingVersionInput }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'facility.name' },
  }),
  'facility:setPeriodTemplate': method<null>()({
    input: z.object({ template: periodTemplateSchema, version: settingVersionInput }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'periodTemplate' },
  }),
  /** Ward scoping (包队责任制): how far each role reaches beyond its own wards, for reading and for writing. */
  'facility:wardScope': method<WardScopeSetting>()({ input: z.object({}), access: 'facility.manage', audit: noAudit, scope: 'facility' }),
  'facility:setWardScope': method<null>()({
    input: z.object({ policy: staffWardScopeSchema, version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'access.wardScope' },
  }),
}
