/**
 * Due work (issue 13): what each person is owed and by when, computed by the rules in domain/duework from the records
 * of every centre; the ward's day, the facility overview, drill-downs, exemptions and the rules' settings.
 */
import { z } from 'zod'
import { dueRulesSchema, type DueRules } from '../domain/duework/settings'
import {
  DUE_CENTRES,
  DUE_RULE_IDS,
  DUE_STATUSES,
  type DueCounts,
  type DueExemptionView,
  type DueItem,
  type Milestone,
} from '../domain/duework/vocabulary'
import { id, intAtLeast, isoDate, reason, text, tooLong } from './common'
import { method, noAudit } from './define'

export * from '../domain/duework/vocabulary'
export { dueRulesSchema, DEFAULT_DUE_RULES, type DueRules } from '../domain/duework/settings'

export interface PersonDueWork {
  /** Every item whose window has opened, done and exempt ones included. */
  items: DueItem[]
  milestones: Milestone[]
}

export interface WardDueWork {
  wardId: string
  wardName: string
  today: string
  /** Due and overdue items, and those done today. */
  items: DueItem[]
  milestones: Milestone[]
  counts: DueCounts
  openCrises: number
  openTasks: number
}

export interface FacilityDueWork {
  today: string
  wards: Array<{ wardId: string; wardName: string; residents: number; counts: DueCounts; openCrises: number }>
}

export interface DueSettingsView {
  rules: DueRules
  /** The fitness retest interval the fitness_retest rule uses (edited in the fitness settings: one source). */
  fitnessRetestIntervalDays: number
  /** The version a save must name (duework:setSettings). */
  version: string
}

/** Free text as an occurrence key: a date, 'admission', 'stage:detox', a record id… (made by the rules, echoed back). */
const occurrence = text(80)

export const dueworkContract = {
  'duework:person': method<PersonDueWork>()({
    input: z.object({ personId: id }),
    access: 'duework.read',
    scope: { person: (i) => i.personId },
    audit: noAudit,
  }),
  'duework:ward': method<WardDueWork>()({
    input: z.object({ wardId: id, date: isoDate.optional() }),
    access: 'duework.read',
    scope: { ward: (i) => i.wardId },
    audit: noAudit,
  }),
  /** Per ward in the caller's reach: residents and due/overdue counts per centre. */
  'duework:facility': method<FacilityDueWork>()({
    input: z.object({ date: isoDate.optional() }),
    access: 'duework.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** The people behind a count (drill-down): items of one status, optionally one ward, centre or rule. */
  'duework:people': method<DueItem[]>()({
    input: z.object({
      wardId: id.optional(),
      centre: z.enum(DUE_CENTRES).optional(),
      rule: z.enum(DUE_RULE_IDS).optional(),
      status: z.enum(DUE_STATUSES),
      date: isoDate.optional(),
    }),
    access: 'duework.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** Waives one occurrence of a rule for a person, with a reason; the service also checks the centre's record permission. */
  'duework:exempt': method<DueExemptionView>()({
    input: z.object({ personId: id, rule: z.enum(DUE_RULE_IDS), occurrence, reason }),
    access: 'duework.read',
    scope: { person: (i) => i.personId },
    audit: { kind: 'write', recordType: 'due_exemption', record: (_i, o) => o.id },
  }),
  'duework:voidExemption': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'duework.read',
    scope: { record: 'dueExemption', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'due_exemption', record: (i) => i.id },
  }),
  'duework:settings': method<DueSettingsView>()({ input: z.object({}), access: 'duework.configure', scope: 'facility', audit: noAudit }),
  'duework:setSettings': method<null>()({
    input: z.object({ rules: dueRulesSchema, version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'duework.configure',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'duework.rules' },
  }),
}
