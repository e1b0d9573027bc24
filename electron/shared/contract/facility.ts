import { z } from 'zod'
import { PERIODS, type Period, type PeriodTemplate } from '../domain/periods'
import { id, optionalText, text } from './common'
import { method, noAudit } from './define'
import { password, username } from './auth'

export interface WardSummary {
  id: string
  name: string
  capacity: number
  note: string | null
  occupancy: number
  byPeriod: Record<Period, number>
  active: boolean
}

export interface FacilityInfo {
  name: string
  periodTemplate: PeriodTemplate
  today: string
}

export interface DemoAccount {
  username: string
  password: string
  role: string
  displayName: string
}

const wardFields = {
  name: text(20),
  capacity: z.number({ error: 'v.number' }).int('v.integer').min(1, 'v.capacity').max(2000, 'v.capacity'),
  note: optionalText(200),
}

export const periodTemplateSchema = z.object({
  id: text(40),
  name: text(60),
  moves: z.array(z.tuple([z.enum(PERIODS), z.enum(PERIODS)])).min(1, 'v.required'),
  minDwellDays: z.object({
    detox: z.number().int().min(0).max(1000).nullable(),
    education: z.number().int().min(0).max(1000).nullable(),
    rehabilitation: z.number().int().min(0).max(1000).nullable(),
    return: z.number().int().min(0).max(1000).nullable(),
  }),
})

export const setupContract = {
  'setup:status': method<{ initialized: boolean; facilityName: string | null }>()({
    input: z.object({}),
    access: 'public',
    audit: noAudit,
  }),
  'setup:initialize': method<null>()({
    input: z.object({
      facilityName: text(60),
      wards: z
        .array(z.object({ name: wardFields.name, capacity: wardFields.capacity }))
        .min(1, 'v.wards_required')
        .max(50, 'v.too_many'),
      admin: z.object({ username, displayName: text(40), password }),
    }),
    access: 'public',
    audit: { kind: 'write', recordType: 'facility', record: () => null },
  }),
  'setup:loadDemo': method<{ accounts: DemoAccount[] }>()({
    input: z.object({ people: z.number().int().min(0).max(5000).default(240) }),
    access: 'public',
    audit: { kind: 'write', recordType: 'facility', record: () => null },
  }),
}

export const wardsContract = {
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
  'wards:list': method<WardSummary[]>()({ input: z.object({}), access: 'wards.read', audit: noAudit }),
  'wards:create': method<{ id: string }>()({
    input: z.object(wardFields),
    access: 'facility.manage',
    audit: { kind: 'write', recordType: 'ward', record: (_i, o) => o.id },
  }),
  'wards:update': method<null>()({
    input: z.object({ id, ...wardFields, active: z.boolean().default(true) }),
    access: 'facility.manage',
    audit: { kind: 'write', recordType: 'ward', record: (i) => i.id },
  }),
}
