import { randomUUID } from 'node:crypto'
import type { AssessmentDetail, AssessmentSummary, ScoredResult } from '../../shared/contract'
import { scoreInstrument, ScoringInputError, type Instrument } from '../../shared/domain/instruments'
import type { AssessmentSetting, PsychSettings } from '../../shared/domain/psych'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import type { Handlers } from '../dispatch'
import { AppError, notFound, ruleViolation } from '../errors'
import { peopleRepo } from '../people/peopleRepo'
import { getInstrument } from './instruments'
import { psychSettings } from './psychSettings'
import { openTask } from './taskService'

interface AssessmentRow {
  id: string
  person_id: string
  instrument_id: string
  instrument_version: string
  setting: AssessmentSetting
  administered_on: string
  administered_by: string
  answers: string
  incomplete_reason: string | null
  cutoff_set_id: string | null
  rounding: string
  result: string | null
  headline: number | null
  recorded_at: string
  recorded_by: string
  voided_at: string | null
  rescored: number
}

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

function toSummary(r: AssessmentRow): AssessmentSummary {
  return {
    id: r.id,
    personId: r.person_id,
    instrumentId: r.instrument_id,
    instrumentVersion: r.instrument_version,
    setting: r.setting,
    administeredOn: r.administered_on,
    administeredBy: r.administered_by,
    incomplete: r.incomplete_reason !== null,
    incompleteReason: r.incomplete_reason,
    headline: r.headline,
    result: r.result ? (JSON.parse(r.result) as ScoredResult) : null,
    rescored: r.rescored > 0,
    voided: r.voided_at !== null,
  }
}

const SELECT = `
  SELECT a.id, a.person_id, a.instrument_id, a.instrument_version, a.setting, a.administered_on, s.display_name AS administered_by,
         a.answers, a.incomplete_reason, a.cutoff_set_id, a.rounding, a.result, a.headline, a.recorded_at, r.display_name AS recorded_by,
         a.voided_at, (SELECT count(*) FROM assessment_rescores x WHERE x.assessment_id = a.id) AS rescored
  FROM assessments a JOIN staff s ON s.id = a.administered_by JOIN staff r ON r.id = a.recorded_by`

function submit(ctx: Ctx, input: Parameters<Handlers['psych:submitAssessment']>[0]) {
  const { db } = ctx
  const person = peopleRepo.byId(db, input.personId)
  if (!person) throw new AppError('invalid_input', 'err.not_found', { field: 'personId' })
  if (person.voided_at) throw ruleViolation('person.voided')
  if (input.administeredOn > today(ctx)) throw ruleViolation('v.date_in_future', 'administeredOn')
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
  db.prepare(
    `INSERT INTO assessments (id, person_id, instrument_id, instrument_version, setting, administered_on, administered_by, answers,
      incomplete_reason, cutoff_set_id, rounding, result, headline, band_id, band_severity, recorded_at, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, a.personId, instrument.id, instrument.version, a.setting, a.on, a.actorId, JSON.stringify(a.answers),
    a.incompleteReason, result?.cutoffSetId ?? null, result?.rounding ?? a.rounding,
    result ? JSON.stringify(result) : null, headlineOf(instrument, result), result?.band?.id ?? null, result?.band?.severity ?? null, at, a.actorId)
  const taskIds = (result?.flags ?? [])
    .filter((f) => f.createsTask)
    .map((f) => openTask(db, { personId: a.personId, kind: f.id, label: f.label, assessmentId: id, at }))
  return { id, taskIds }
}

function detail(db: Db, id: string): AssessmentDetail {
  const r = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as (AssessmentRow & { person_name?: string }) | undefined
  if (!r) throw notFound()
  const person = peopleRepo.byId(db, r.person_id)!
  const rescores = db
    .prepare(
      `SELECT x.id, x.rescored_at, s.display_name AS by_name, x.note, x.result FROM assessment_rescores x JOIN staff s ON s.id = x.rescored_by
       WHERE x.assessment_id = ? ORDER BY x.rescored_at`,
    )
    .all(id) as Array<{ id: string; rescored_at: string; by_name: string; note: string | null; result: string }>
  return {
    ...toSummary(r),
    personName: person.name,
    answers: JSON.parse(r.answers) as Array<number | null>,
    rescores: rescores.map((x) => ({ id: x.id, at: x.rescored_at, by: x.by_name, note: x.note, result: JSON.parse(x.result) as ScoredResult })),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }
}

export function personAssessments(db: Db, personId: string): AssessmentSummary[] {
  const rows = db.prepare(`${SELECT} WHERE a.person_id = ? ORDER BY a.administered_on DESC, a.recorded_at DESC, a.rowid DESC`).all(personId) as AssessmentRow[]
  return rows.map(toSummary)
}

export const assessmentHandlers: Pick<
  Handlers,
  'psych:submitAssessment' | 'psych:getAssessment' | 'psych:personAssessments' | 'psych:rescore' | 'psych:voidAssessment'
> = {
  'psych:submitAssessment': (input, ctx) => submit(ctx, input),
  'psych:getAssessment': (input, ctx) => detail(ctx.db, input.id),
  'psych:personAssessments'(input, ctx) {
    if (!peopleRepo.byId(ctx.db, input.personId)) throw notFound()
    return personAssessments(ctx.db, input.personId)
  },
  'psych:rescore'(input, ctx) {
    const { db } = ctx
    const a = db.prepare('SELECT instrument_id, answers, incomplete_reason, voided_at FROM assessments WHERE id = ?').get(input.id) as
      | { instrument_id: string; answers: string; incomplete_reason: string | null; voided_at: string | null }
      | undefined
    if (!a) throw notFound()
    if (a.voided_at) throw ruleViolation('psych.assessment_voided')
    if (a.incomplete_reason !== null) throw ruleViolation('psych.incomplete_not_scored')
    const instrument = instrumentOr404(a.instrument_id)
    if (!instrument.cutoffSets.some((c) => c.id === input.cutoffSetId)) throw ruleViolation('psych.unknown_cutoff_set', 'cutoffSetId')
    const result = scoreWithSettings(instrument, JSON.parse(a.answers) as number[], psychSettings(db), { cutoffSetId: input.cutoffSetId, rounding: input.rounding })
    db.prepare(
      'INSERT INTO assessment_rescores (id, assessment_id, cutoff_set_id, rounding, result, note, rescored_at, rescored_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(randomUUID(), input.id, input.cutoffSetId, input.rounding, JSON.stringify(result), input.note, nowIso(ctx), actorOf(ctx).id)
    ctx.auditDetail = JSON.stringify({ cutoffSetId: input.cutoffSetId, rounding: input.rounding, band: result.band?.id ?? null })
    return { result }
  },
  'psych:voidAssessment'(input, ctx) {
    const a = ctx.db.prepare('SELECT voided_at FROM assessments WHERE id = ?').get(input.id) as { voided_at: string | null } | undefined
    if (!a) throw notFound()
    if (a.voided_at) throw ruleViolation('psych.assessment_voided')
    ctx.db.prepare('UPDATE assessments SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?').run(nowIso(ctx), actorOf(ctx).id, input.reason, input.id)
    return null
  },
}
