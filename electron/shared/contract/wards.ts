import { z } from 'zod'
import type { Period } from '../domain/periods'
import { id, intAtLeast, intRange, optionalText, text } from './common'
import { method, noAudit } from './define'

export interface WardSummary {
  id: string
  name: string
  capacity: number
  note: string | null
  occupancy: number
  byPeriod: Record<Period, number>
  active: boolean
  /** The version an edit must name (wards:update). */
  revision: number
}

/** A ward's editable fields; set-up reuses the name and capacity rules. */
export const wardFields = {
  name: text(20),
  capacity: intRange(1, 2000, 'v.range'),
  note: optionalText(200),
}

export const wardsContract = {
  'wards:list': method<WardSummary[]>()({ input: z.object({}), access: 'wards.read', audit: noAudit, scope: 'filtered' }),
  'wards:create': method<{ id: string }>()({
    input: z.object(wardFields),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'ward', record: (_i, o) => o.id },
  }),
  'wards:update': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), ...wardFields, active: z.boolean().default(true) }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'ward', record: (i) => i.id },
  }),
}
