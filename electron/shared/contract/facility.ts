import { z } from 'zod'
import { PERIODS, type PeriodTemplate } from '../domain/periods'
import { intRange, text } from './common'
import { method, noAudit } from './define'

export interface FacilityInfo {
  name: string
  periodTemplate: PeriodTemplate
  today: string
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

export const facilityContract = {
  'facility:get': method<FacilityInfo>()({ input: z.object({}), access: 'authenticated', audit: noAudit }),
  'facility:update': method<null>()({
    input: z.object({ name: text(60) }),
    access: 'facility.manage',
    audit: { kind: 'write', recordType: 'facility', record: () => null },
  }),
  'facility:setPeriodTemplate': method<null>()({
    input: z.object({ template: periodTemplateSchema }),
    access: 'facility.manage',
    audit: { kind: 'write', recordType: 'facility', record: () => null },
  }),
}
