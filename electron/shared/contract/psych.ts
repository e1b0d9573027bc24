import { z } from 'zod'
import type { Period } from '../domain/periods'
import {
  ASSESSMENT_SETTINGS,
  CRISIS_EVENT_KINDS,
  RISK_LEVELS,
  SESSION_KINDS,
  type AssessmentSetting,
  type DueStatus,
  type PsychSettings,
  type RiskLevel,
  type SessionKind,
  type TaskStatus,
} from '../domain/psych'
import { id, isoDate, optionalText, reason, text } from './common'
import { method, noAudit } from './define'

type Bilingual = { zh: string; en: string }

export interface InstrumentView {
  id: string
  version: string
  name: Bilingual
  shortName: string
  licenceNote: Bilingual
  itemTextsShipped: boolean
  /** Facility-loaded texts from its licensed copy, when the product ships none. */
  itemTextsLoaded: boolean
  recallPeriod: Bilingual | null
  instructions: Bilingual | null
  responseOptions: Array<{ value: number; label: Bilingual }>
  items: Array<{ number: number; text: Bilingual | null }>
  factors: Array<{ id: string; name: Bilingual }>
  cutoffSets: Array<{ id: string; name: Bilingual; isDefault: boolean }>
  activeCutoffSetId: string | null
  /** The score the bands apply to (its trend is charted). */
  bandScore: string | null
  bands: Array<{ id: string; label: Bilingual; severity: number; min: number; max: number | null }>
}

export interface ScoredResult {
  scores: Record<string, number>
  factors: Record<string, number>
  band: { id: string; label: Bilingual; severity: number; interpretation: Bilingual } | null
  flags: Array<{ id: string; label: Bilingual; createsTask: boolean }>
  cutoffSetId: string | null
  rounding: 'truncate' | 'round_half_up'
}

export interface AssessmentSummary {
  id: string
  personId: string
  instrumentId: string
  instrumentVersion: string
  setting: AssessmentSetting
  administeredOn: string
  administeredBy: string
  incomplete: boolean
  incompleteReason: string | null
  /** The band score's value (total, or standard score), for trends. */
  headline: number | null
  result: ScoredResult | null
  rescored: boolean
  voided: boolean
}

export interface AssessmentDetail extends AssessmentSummary {
  personName: string
  answers: Array<number | null>
  rescores: Array<{ id: string; at: string; by: string; note: string | null; result: ScoredResult }>
  recordedAt: string
  recordedBy: string
}

export interface PsychTask {
  id: string
  personId: string
  personName: string
  wardId: string | null
  kind: string
  label: Bilingual
  assessmentId: string | null
  createdAt: string
  status: TaskStatus
  handledAt: string | null
  handledBy: string | null
  handledNote: string | null
}

export interface CrisisSummary {
  id: string
  personId: string
  personName: string
  wardId: string | null
  riskLevel: RiskLevel
  reason: string
  raisedOn: string
  raisedBy: string
  status: 'open' | 'closed'
  closedOn: string | null
  outcome: string | null
  lastEventOn: string | null
  nextFollowUp: string | null
}

export interface CrisisDetail extends CrisisSummary {
  events: Array<{ id: string; kind: 'intervention' | 'follow_up'; on: string; by: string; note: string; nextFollowUp: string | null }>
}

export interface SessionSummary {
  id: string
  kind: SessionKind
  date: string
  durationMinutes: number
  counsellor: string
  topic: string
  participants: Array<{ personId: string; name: string }>
  riskObserved: boolean
}

export interface SessionDetail extends SessionSummary {
  note: { presentingIssue: string; intervention: string; response: string; riskObserved: string | null; plan: string | null }
  recordedAt: string
  recordedBy: string
}

export interface WardPsychRow {
  personId: string
  name: string
  idTail: string
  period: Period | null
  admissionDate: string
  screening: { kind: 'admission' | 'periodic'; dueOn: string; status: DueStatus; lastOn: string | null }
  latest: {
    assessmentId: string
    instrumentId: string
    on: string
    incomplete: boolean
    bandId: string | null
    bandLabel: Bilingual | null
    severity: number | null
  } | null
  openTasks: number
  openCrisis: RiskLevel | null
}

export interface WardPsychScreen {
  wardId: string
  wardName: string
  today: string
  rows: WardPsychRow[]
  tasks: PsychTask[]
  crises: CrisisSummary[]
  counts: { due: number; overdue: number; openTasks: number; openCrises: number }
}

const answer = z.number().int().nullable()

export const psychSettingsSchema = z.object({
  cutoffSets: z.record(z.string(), z.string()),
  rounding: z.enum(['truncate', 'round_half_up']),
  admissionScreeningDays: z.number({ error: 'v.number' }).int('v.integer').min(1, 'v.range').max(365, 'v.range'),
  reassessmentIntervalDays: z.number({ error: 'v.number' }).int('v.integer').min(7, 'v.range').max(730, 'v.range'),
  screeningInstruments: z.array(z.string()).min(1, 'v.required'),
  scl90FactorRule: z.enum(['>=', '>']),
}) satisfies z.ZodType<PsychSettings>

const sessionNote = z.object({
  presentingIssue: text(2000),
  intervention: text(2000),
  response: text(2000),
  riskObserved: optionalText(2000),
  plan: optionalText(2000),
})

export const psychContract = {
  'psych:instruments': method<InstrumentView[]>()({ input: z.object({}), access: 'psych.read', audit: noAudit }),
  'psych:submitAssessment': method<{ id: string; result: ScoredResult | null; taskIds: string[] }>()({
    input: z.object({
      personId: id,
      instrumentId: text(40),
      setting: z.enum(ASSESSMENT_SETTINGS, { error: 'v.required' }),
      administeredOn: isoDate,
      answers: z.array(answer).min(1).max(400),
      /** Saving with unanswered items needs a reason; the result is then not scored. */
      incompleteReason: optionalText(300),
    }),
    access: 'psych.assess',
    audit: { kind: 'write', recordType: 'assessment', record: (_i, o) => o.id },
  }),
  'psych:getAssessment': method<AssessmentDetail>()({
    input: z.object({ id }),
    access: 'psych.assess',
    audit: { kind: 'read', recordType: 'assessment', record: (i) => i.id },
  }),
  'psych:personAssessments': method<AssessmentSummary[]>()({
    input: z.object({ personId: id }),
    access: 'psych.read',
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'psych:rescore': method<{ result: ScoredResult }>()({
    input: z.object({ id, cutoffSetId: text(40), rounding: z.enum(['truncate', 'round_half_up']), note: optionalText(300) }),
    access: 'psych.assess',
    audit: { kind: 'write', recordType: 'assessment', record: (i) => i.id },
  }),
  'psych:voidAssessment': method<null>()({
    input: z.object({ id, reason }),
    access: 'psych.assess',
    audit: { kind: 'write', recordType: 'assessment', record: (i) => i.id },
  }),
  'psych:wardScreen': method<WardPsychScreen>()({ input: z.object({ wardId: id }), access: 'psych.read', audit: noAudit }),
  'psych:tasks': method<PsychTask[]>()({
    input: z.object({ wardId: id.optional(), personId: id.optional(), status: z.enum(['open', 'done', 'dismissed']).optional() }),
    access: 'psych.read',
    audit: noAudit,
  }),
  'psych:handleTask': method<null>()({
    input: z.object({ id, outcome: z.enum(['done', 'dismissed']), note: text(500) }),
    access: 'psych.assess',
    audit: { kind: 'write', recordType: 'psych_task', record: (i) => i.id },
  }),
  'psych:createSession': method<{ id: string }>()({
    input: z.object({
      kind: z.enum(SESSION_KINDS),
      date: isoDate,
      durationMinutes: z.number({ error: 'v.number' }).int('v.integer').min(5, 'v.range').max(480, 'v.range'),
      counsellorId: id.optional(),
      participantIds: z.array(id).min(1, 'v.required').max(60, 'v.too_many'),
      topic: text(100),
      note: sessionNote,
    }),
    access: 'psych.notes',
    audit: { kind: 'write', recordType: 'counselling_session', record: (_i, o) => o.id },
  }),
  'psych:sessions': method<SessionSummary[]>()({
    input: z.object({ personId: id }),
    access: 'psych.notes',
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'psych:getSession': method<SessionDetail>()({
    input: z.object({ id }),
    access: 'psych.notes',
    audit: { kind: 'read', recordType: 'counselling_session', record: (i) => i.id },
  }),
  'psych:raiseCrisis': method<{ id: string }>()({
    input: z.object({ personId: id, riskLevel: z.enum(RISK_LEVELS, { error: 'v.required' }), reason: text(1000), raisedOn: isoDate }),
    access: 'psych.assess',
    audit: { kind: 'write', recordType: 'crisis', record: (_i, o) => o.id },
  }),
  'psych:addCrisisEvent': method<null>()({
    input: z.object({ crisisId: id, kind: z.enum(CRISIS_EVENT_KINDS), on: isoDate, note: text(2000), nextFollowUp: isoDate.nullable().default(null) }),
    access: 'psych.assess',
    audit: { kind: 'write', recordType: 'crisis', record: (i) => i.crisisId },
  }),
  'psych:closeCrisis': method<null>()({
    input: z.object({ crisisId: id, closedOn: isoDate, outcome: text(1000) }),
    access: 'psych.assess',
    audit: { kind: 'write', recordType: 'crisis', record: (i) => i.crisisId },
  }),
  'psych:crises': method<CrisisSummary[]>()({
    input: z.object({ wardId: id.optional(), personId: id.optional(), status: z.enum(['open', 'closed']).optional() }),
    access: 'psych.read',
    audit: noAudit,
  }),
  'psych:getCrisis': method<CrisisDetail>()({
    input: z.object({ id }),
    access: 'psych.assess',
    audit: { kind: 'read', recordType: 'crisis', record: (i) => i.id },
  }),
  'psych:getSettings': method<PsychSettings>()({ input: z.object({}), access: 'psych.read', audit: noAudit }),
  'psych:updateSettings': method<null>()({
    input: z.object({ settings: psychSettingsSchema }),
    access: 'psych.configure',
    audit: { kind: 'write', recordType: 'facility', record: () => null },
  }),
  'psych:importItemTexts': method<{ items: number }>()({
    input: z.object({
      instrumentId: text(40),
      texts: z.array(z.object({ number: z.number().int().min(1), zh: text(300), en: optionalText(300) })).min(1, 'v.required').max(400),
    }),
    access: 'psych.configure',
    audit: { kind: 'write', recordType: 'instrument', record: (i) => i.instrumentId },
  }),
}
