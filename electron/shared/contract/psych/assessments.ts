/** Assessments: submitted answers scored by the instrument engine, re-scores under another cut-off set, voiding. */
import { z } from 'zod'
import type { Bilingual } from '../../domain/instruments'
import { ASSESSMENT_SETTINGS, type AssessmentSetting } from '../../domain/psych'
import { id, isoDate, optionalText, reason, text, tooMany } from '../common'
import { method } from '../define'

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

const answer = z.number({ error: 'v.number' }).int('v.integer').nullable()

export const assessmentsContract = {
  'psych:submitAssessment': method<{ id: string; result: ScoredResult | null; taskIds: string[] }>()({
    input: z.object({
      personId: id,
      instrumentId: text(40),
      setting: z.enum(ASSESSMENT_SETTINGS, { error: 'v.required' }),
      administeredOn: isoDate,
      answers: z.array(answer).min(1, 'v.required').max(400, tooMany(400)),
      /** Saving with unanswered items needs a reason; the result is then not scored. */
      incompleteReason: optionalText(300),
    }),
    access: 'psych.assess',
    scope: { person: (i) => i.personId },
    audit: { kind: 'write', recordType: 'assessment', record: (_i, o) => o.id },
  }),
  'psych:getAssessment': method<AssessmentDetail>()({
    input: z.object({ id }),
    access: 'psych.assess',
    scope: { record: 'assessment', id: (i) => i.id },
    audit: { kind: 'read', recordType: 'assessment', record: (i) => i.id },
  }),
  'psych:personAssessments': method<AssessmentSummary[]>()({
    input: z.object({ personId: id }),
    access: 'psych.read',
    scope: { person: (i) => i.personId },
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'psych:rescore': method<{ result: ScoredResult }>()({
    input: z.object({ id, cutoffSetId: text(40), rounding: z.enum(['truncate', 'round_half_up']), note: optionalText(300) }),
    access: 'psych.assess',
    scope: { record: 'assessment', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'assessment', record: (i) => i.id },
  }),
  'psych:voidAssessment': method<null>()({
    input: z.object({ id, reason }),
    access: 'psych.assess',
    scope: { record: 'assessment', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'assessment', record: (i) => i.id },
  }),
}
