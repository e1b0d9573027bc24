import { randomUUID } from 'node:crypto'
import type { ParsedInput, ScoredResult } from '../../shared/contract'
import type { assessmentsContract } from '../../shared/contract/psych/assessments'
import { scoreInstrument, ScoringInputError, type Instrument } from '../../shared/domain/instruments'
import type { AssessmentSetting, PsychSettings } from '../../shared/domain/psych'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { voidRow } from '../db/voidRepo'
import { AppError, notFound, ruleViolation } from '../errors'
import { personRef } from '../people/peopleQueries'
import type { HandlersFor } from '../handlerTypes'
import { assessmentDetail, personAssessments } from './assessmentQueries'
import { assessmentRepo } from './assessmentRepo'
import { getInstrument } from './instruments'
import { psychSettings } from './psychSettings'
import { assertStayDate } from './stayDates'
import { openTask } from './taskService'

function instrumentOr404(id: string): Instrument {
  const instrument = getInstrument(id)
  if (!instrument) throw new AppError('invalid_input', 'psych.unknown_instrument', { field: 'instrumentId' })
  return instrument
}

/** The facility's SCL-90 rule choice (domain-reference D3) as a flag override; other instruments use their own rules. */
function flagOverrides(instrument: Instrument, settings: PsychSettings) {
  if (instrument.id !== 'scl90' || settings.scl90FactorRule === '>=') return undefined
  return {
    screen_positive: {
      any: [
        { score: 'total', op: '>' as const, value: 160 },
        { score: 'positiveItems', op: '>' as const, value: 43 },
        { anyFactor: true as const, op: '>' as const, value: 2 },
      ],
    },
  }
}

export function scoreWithSettings(
  instrument: Instrument,
  answers: number[],
  settings: PsychSettings,
  choice: { cutoffSetId?: string | undefined; rounding?: PsychSettings['rounding'] } = {},
): ScoredResult {
  const cutoffSetId = choice.cutoffSetId ?? settings.cutoffSets[instrument.id]
  const overrides = flagOverrides(instrument, settings)
  const r = scoreInstrument(instrument, answers, {
    ...(cutoffSetId ? { cutoffSetId } : {}),
    rounding: choice.rounding ?? settings.rounding,
    ...(overrides ? { flagOverrides: overrides } : {}),
  })
  return { scores: r.scores, factors: r.factors, band: r.band, flags: r.flags, cutoffSetId: r.cutoffSetId, rounding: r.rounding }
}

function headlineOf(instrument: Instrument, result: ScoredResult | null): number | null {
  if (!result) return null
  const key = instrument.bandScore ?? 'total'
  return result.scores[key] ?? result.scores.total ?? null
}

function submit(ctx: Ctx, input: ParsedInput<'psych:submitAssessment'>) {
  const { db } = ctx
  const person = personRef(db, input.personId)
  if (!person) throw new AppError('invalid_input', 'err.not_found', { field: 'personId' })
  if (person.voided) throw ruleViolation('person.voided')
  assertStayDate(input.administeredOn, [person], today(ctx), 'administeredOn')
  const instrument = instrumentOr404(input.instrumentId)
  if (input.answers.length !== instrument.items.length) {
    throw new AppError('invalid_input', 'psych.answer_count', { field: 'answers', params: { expected: instrument.items.length, got: input.answers.length } })
  }
  const missing = input.answers.flatMap((a, i) => (a === null ? [i + 1] : []))
  if (missing.length > 0 && !input.incompleteReason) {
    throw new AppError('invalid_input', 'psych.incomplete_needs_reason', { field: 'incompleteReason', params: { items: missing.join('、') } })
  }
  const values = new Set(instrument.responseOptions.map((o) => o.value))
  const bad = input.answers.findIndex((a) => a !== null && !values.has(a))
  if (bad >= 0) throw new AppError('invalid_input', 'psych.answer_range', { field: `answers.${bad}`, params: { item: bad + 1 } })
  const settings = psychSettings(db)
  let result: ScoredResult | null = null
  if (missing.length === 0) {
    try {
      result = scoreWithSettings(instrument, input.answers as number[], settings)
    } catch (error) {
      // Answers were checked above; what is left is a broken facility setting (e.g. a cut-off set that no longer exists).
      if (error instanceof ScoringInputError) throw ruleViolation('psych.settings_invalid', undefined, { detail: error.message })
      throw error
    }
  }
  const recorded = recordAssessment(db, {
    personId: person.id, instrument, setting: input.setting, on: input.administeredOn, answers: input.answers,
    incompleteReason: missing.length > 0 ? input.incompleteReason : null, result, rounding: settings.rounding, actorId: actorOf(ctx).id, at: nowIso(ctx),
  })
  ctx.auditDetail = JSON.stringify({ personId: person.id, instrumentId: instrument.id, band: result?.band?.id ?? null, flags: result?.flags.map((f) => f.id) ?? [] })
  return { ...recorded, result }
}

/** Stores a scored (or incomplete) assessment and opens a task for every flag that asks for one. Also used by the demo. */
export function recordAssessment(
  db: Db,
  a: {
    personId: string
    instrument: Instrument
    setting: AssessmentSetting
    on: string
    answers: Array<number | null>
    incompleteReason: string | null
    result: ScoredResult | null
    rounding: PsychSettings['rounding']
    actorId: string
    at: string
  },
): { id: string; taskIds: string[] } {
  const { instrument, result, at } = a
  const id = randomUUID()
  assessmentRepo.insert(db, {
    id, personId: a.personId, instrumentId: instrument.id, instrumentVersion: instrument.version, setting: a.setting,
    administeredOn: a.on, administeredBy: a.actorId, answers: a.answers, incompleteReason: a.incompleteReason,
    cutoffSetId: result?.cutoffSetId ?? null, rounding: result?.rounding ?? a.rounding, result, headline: headlineOf(instrument, result),
    bandId: result?.band?.id ?? null, bandSeverity: result?.band?.severity ?? null, recordedAt: at, recordedBy: a.actorId,
  })
  const taskIds = (result?.flags ?? [])
    .filter((f) => f.createsTask)
    .map((f) => openTask(db, { personId: a.personId, kind: f.id, label: f.label, assessmentId: id, at }))
  return { id, taskIds }
}

export const assessmentHandlers = {
  'psych:submitAssessment': (input, ctx) => submit(ctx, input),
  'psych:getAssessment'(input, ctx) {
    const detail = assessmentDetail(ctx.db, input.id)
    if (!detail) throw notFound()
    return detail
  },
  'psych:personAssessments'(input, ctx) {
    if (!personRef(ctx.db, input.personId)) throw notFound()
    return personAssessments(ctx.db, input.personId)
  },
  'psych:rescore'(input, ctx) {
    const { db } = ctx
    const a = assessmentRepo.byId(db, input.id)
    if (!a) throw notFound()
    if (a.voided) throw ruleViolation('psych.assessment_voided')
    if (a.incompleteReason !== null) throw ruleViolation('psych.incomplete_not_scored')
    const instrument = instrumentOr404(a.instrumentId)
    if (!instrument.cutoffSets.some((c) => c.id === input.cutoffSetId)) throw ruleViolation('psych.unknown_cutoff_set', 'cutoffSetId')
    const result = scoreWithSettings(instrument, a.answers as number[], psychSettings(db), { cutoffSetId: input.cutoffSetId, rounding: input.rounding })
    assessmentRepo.insertRescore(db, {
      id: randomUUID(), assessmentId: input.id, cutoffSetId: input.cutoffSetId, rounding: input.rounding, result, note: input.note, at: nowIso(ctx), by: actorOf(ctx).id,
    })
    ctx.auditDetail = JSON.stringify({ cutoffSetId: input.cutoffSetId, rounding: input.rounding, band: result.band?.id ?? null })
    return { result }
  },
  'psych:voidAssessment'(input, ctx) {
    if (!voidRow(ctx.db, 'assessments', input.id, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) {
      throw assessmentRepo.byId(ctx.db, input.id) ? ruleViolation('psych.assessment_voided') : notFound()
    }
    return null
  },
} satisfies HandlersFor<typeof assessmentsContract>
