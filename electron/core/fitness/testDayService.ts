/**
 * A ward's test day: the roster with what applies to each person, the dry-run check, the all-or-nothing save and the
 * drafts. The check and the save run the same rules; the save refuses the whole batch on any row error.
 */
import { randomUUID } from 'node:crypto'
import { maskIdNumber } from '../../shared/domain/idNumber'
import { keyWithParams } from '../../shared/contract/common'
import type { fitnessContract, FitnessGradingPreview, TestDay, TestDayCheck, TestDayErrorCode, TestDayRowError } from '../../shared/contract/fitness'
import type { HandlerForSpec } from '../handlerTypes'
import { ageOn } from '../../shared/domain/dates'
import { MEASURE_ITEM, MEASURE_UNITS, measureProblem, type FitnessItem, type FitnessMeasure, type FitnessStandard, type Measurements } from '../../shared/domain/fitness'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { AppError, FieldErrors, notFound } from '../errors'
import { personRefsByIds } from '../people/peopleQueries'
import { wardName } from '../wards/wardsRepo'
import { fitnessRepo } from './fitnessRepo'
import { activeContraindicationsOn, liveTestsOn, openDraftOf, peopleInWardOn, type RosterPerson } from './fitnessQueries'
import { gradePreview, storeGrading } from './grading'
import { timeOrderedId } from './timeOrderedId'
import { resolveStandard } from './standards'

interface DayRow {
  personId: string
  measurements: Measurements
}

/** A row that passed every rule, ready to store. */
interface ReadyRow {
  person: RosterPerson
  age: number
  exempt: FitnessItem[]
  measurements: Measurements
  grading: FitnessGradingPreview
}

function wardOr404(db: Db, wardId: string): string {
  const name = wardName(db, wardId)
  if (name === undefined) throw new AppError('invalid_input', 'err.not_found', { field: 'wardId' })
  return name
}

/** Items excluded on the date by the person's live contraindications, in the engine's item order. */
function exemptItemsOf(contraindications: ReadonlyArray<{ items: FitnessItem[] }> | undefined): FitnessItem[] {
  return [...new Set((contraindications ?? []).flatMap((c) => c.items))]
}

export function testDay(db: Db, input: { wardId: string; date: string; standardId?: string | undefined }): TestDay {
  const wardNameText = wardOr404(db, input.wardId)
  const draft = openDraftOf(db, input.wardId, input.date)
  const standard = resolveStandard(db, input.standardId ?? draft?.standardId, 'standardId')
  const roster = peopleInWardOn(db, input.wardId, input.date)
  const ids = roster.map((p) => p.id)
  const contraindications = activeContraindicationsOn(db, ids, input.date)
  const saved = liveTestsOn(db, ids, input.date)
  return {
    wardId: input.wardId,
    wardName: wardNameText,
    date: input.date,
    standardId: standard.id,
    people: roster.map((p) => {
      const age = ageOn(p.birthDate, input.date)
      const exempt = exemptItemsOf(contraindications.get(p.id))
      const shape = gradePreview(standard, { sex: p.sex, age }, {}, exempt)
      return {
        personId: p.id, name: p.name, idNumberMasked: maskIdNumber(p.idNumber), sex: p.sex, age, covered: shape.covered,
        applicable: shape.applicable, notApplicable: shape.notApplicable, exempt: shape.exempt,
        contraindications: contraindications.get(p.id) ?? [], saved: saved.get(p.id) ?? null,
      }
    }),
    draft,
  }
}

/** Every row-level problem of a day and the grading of each row that can be graded. Reads only. */
export function checkDay(db: Db, input: { wardId: string; date: string; standardId?: string | undefined; rows: DayRow[] }, todayDate: string) {
  wardOr404(db, input.wardId)
  const standard = resolveStandard(db, input.standardId, 'standardId')
  const errors: TestDayRowError[] = []
  const fail = (row: number | null, personId: string | null, field: string, code: TestDayErrorCode, key: string, params: Record<string, string | number> = {}) =>
    errors.push({ row, personId, field, code, message: Object.keys(params).length > 0 ? keyWithParams(key, params) : key, params })
  if (input.date > todayDate) fail(null, null, 'date', 'future_date', 'fitness.future_date')

  const roster = new Map(peopleInWardOn(db, input.wardId, input.date).map((p) => [p.id, p]))
  const strangers = personRefsByIds(db, input.rows.map((r) => r.personId).filter((id) => !roster.has(id)))
  const onRoster = input.rows.map((r) => r.personId).filter((id) => roster.has(id))
  const contraindications = activeContraindicationsOn(db, onRoster, input.date)
  const alreadySaved = fitnessRepo.liveTestIdsOn(db, onRoster, input.date)
  const firstRow = new Map<string, number>()
  const graded: TestDayCheck['rows'] = []
  const ready: ReadyRow[] = []

  input.rows.forEach((row, i) => {
    const at = `rows.${i}`
    const errorsBefore = errors.length
    const person = roster.get(row.personId)
    const seen = firstRow.get(row.personId)
    if (seen !== undefined) fail(i, row.personId, `${at}.personId`, 'duplicate_person', 'fitness.duplicate_person', { row: seen + 1 })
    else firstRow.set(row.personId, i)
    if (!person) {
      const known = strangers.get(row.personId)
      if (known && !known.voided) fail(i, row.personId, `${at}.personId`, 'not_in_ward', 'fitness.not_in_ward', { date: input.date })
      else fail(i, row.personId, `${at}.personId`, 'unknown_person', 'fitness.unknown_person')
      graded.push({ personId: row.personId, grading: null })
      return
    }
    if (input.date < person.admissionDate) fail(i, row.personId, `${at}.personId`, 'before_admission', 'fitness.before_admission', { admission: person.admissionDate })
    if (alreadySaved.has(row.personId)) fail(i, row.personId, `${at}.personId`, 'already_saved', 'fitness.already_saved')
    const measures = Object.entries(row.measurements) as Array<[FitnessMeasure, number]>
    if (measures.length === 0) fail(i, row.personId, `${at}.personId`, 'no_measurements', 'fitness.no_measurements')
    for (const [measure, value] of measures) {
      const problem = measureProblem(standard, measure, value)
      if (problem?.code === 'implausible') {
        fail(i, row.personId, `${at}.${measure}`, 'implausible', 'fitness.implausible', { min: problem.min, max: problem.max, unit: MEASURE_UNITS[measure] })
      } else if (problem?.code === 'decimals') {
        fail(i, row.personId, `${at}.${measure}`, 'decimals', 'fitness.decimals', { decimals: problem.decimals })
      }
    }
    const age = ageOn(person.birthDate, input.date)
    const exempt = exemptItemsOf(contraindications.get(row.personId))
    const grading = gradePreview(standard, { sex: person.sex, age }, row.measurements, exempt)
    if (grading.gradeWithheld === 'age_outside') {
      fail(i, row.personId, `${at}.personId`, 'age_not_covered', 'fitness.age_not_covered', { age, min: standard.ageRange.min, max: standard.ageRange.max })
    } else if (grading.gradeWithheld === 'sex_outside') {
      fail(i, row.personId, `${at}.personId`, 'sex_not_covered', 'fitness.sex_not_covered')
    }
    // A value typed in a column that does not apply to the person (push-ups for a woman) or that a contraindication
    // exempts is a slip, refused on its cell rather than stored unseen.
    if (grading.covered) {
      for (const [measure] of measures) {
        const item = MEASURE_ITEM[measure]
        if (grading.notApplicable.includes(item)) fail(i, row.personId, `${at}.${measure}`, 'not_applicable', 'fitness.not_applicable')
        else if (exempt.includes(item)) fail(i, row.personId, `${at}.${measure}`, 'exempt_item', 'fitness.exempt_item')
      }
    }
    graded.push({ personId: row.personId, grading })
    if (errors.length === errorsBefore) ready.push({ person, age, exempt, measurements: row.measurements, grading })
  })
  return { check: { ok: errors.length === 0, errors, rows: graded } satisfies TestDayCheck, ready, standard }
}

/**
 * Refuses the whole batch with every row's errors on its field (one message per field: the first found) and, on '_',
 * how many rows are wrong (nothing was saved).
 */
function refuse(errors: TestDayRowError[]): never {
  const rows = new Set(errors.map((e) => e.row ?? 'day'))
  const fields: Record<string, { key: string; params?: Record<string, string | number> }> = { _: { key: 'fitness.has_errors', params: { count: rows.size } } }
  for (const e of errors) {
    if (fields[e.field]) continue
    const bar = e.message.indexOf('|')
    fields[e.field] = { key: bar < 0 ? e.message : e.message.slice(0, bar), ...(Object.keys(e.params).length > 0 ? { params: e.params } : {}) }
  }
  throw new FieldErrors(fields)
}

function saveDay(ctx: Ctx, input: Parameters<HandlerForSpec<(typeof fitnessContract)['fitness:saveTestDay']>>[0]) {
  const { db } = ctx
  const { check, ready, standard } = checkDay(db, input, today(ctx))
  if (!check.ok) refuse(check.errors)
  const at = nowIso(ctx)
  const by = actorOf(ctx).id
  if (input.draftId !== undefined) closeNamedDraft(db, input, 'saved', at, by)
  const testIds = ready.map((r) => storeTest(db, standard, { wardId: input.wardId, date: input.date, at, by }, r))
  ctx.auditDetail = JSON.stringify({ date: input.date, standardId: standard.id, tests: testIds.length, draftId: input.draftId ?? null })
  return { testIds }
}

function storeTest(db: Db, standard: FitnessStandard, day: { wardId: string; date: string; at: string; by: string }, r: ReadyRow): string {
  const id = timeOrderedId(new Date(day.at))
  fitnessRepo.insertTest(
    db,
    {
      id, personId: r.person.id, wardId: day.wardId, date: day.date, sex: r.person.sex, age: r.age, standardId: standard.id, exemptItems: r.exempt,
      total: r.grading.total, grade: r.grading.grade, at: day.at, by: day.by,
    },
    r.measurements,
  )
  storeGrading(db, id, r.grading, { kind: 'original', at: day.at, by: day.by, note: null, testRowGraded: true })
  return id
}

function closeNamedDraft(db: Db, input: { wardId: string; date: string; draftId?: string | undefined; draftRevision?: number | undefined }, reason: 'saved' | 'discarded', at: string, by: string) {
  const draft = fitnessRepo.draftById(db, input.draftId!)
  if (!draft) throw new AppError('invalid_input', 'err.not_found', { field: 'draftId' })
  if (draft.wardId !== input.wardId || draft.date !== input.date) throw new AppError('invalid_input', 'fitness.draft_wrong_day', { field: 'draftId' })
  if (input.draftRevision === undefined || !fitnessRepo.closeDraft(db, draft.id, input.draftRevision, reason, at, by)) {
    throw new AppError('conflict', 'fitness.draft_stale')
  }
}

type TestDayHandlers = {
  [M in 'fitness:testDay' | 'fitness:checkTestDay' | 'fitness:saveTestDay' | 'fitness:saveDraft' | 'fitness:discardDraft']: HandlerForSpec<(typeof fitnessContract)[M]>
}

export const testDayHandlers: TestDayHandlers = {
  'fitness:testDay': (input, ctx) => testDay(ctx.db, input),
  'fitness:checkTestDay': (input, ctx) => checkDay(ctx.db, input, today(ctx)).check,
  'fitness:saveTestDay': (input, ctx) => saveDay(ctx, input),
  'fitness:saveDraft'(input, ctx) {
    const { db } = ctx
    wardOr404(db, input.wardId)
    const standard = resolveStandard(db, input.standardId, 'standardId')
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    const payload = { rows: input.rows }
    const open = fitnessRepo.openDraft(db, input.wardId, input.date)
    if (input.revision === undefined) {
      if (open) throw new AppError('conflict', 'fitness.draft_exists', { params: { by: openDraftOf(db, input.wardId, input.date)?.updatedBy ?? '' } })
      const id = randomUUID()
      fitnessRepo.insertDraft(db, { id, wardId: input.wardId, date: input.date, standardId: standard.id, payload, at, by })
      ctx.auditDetail = JSON.stringify({ date: input.date, rows: input.rows.length })
      return { id, revision: 1 }
    }
    if (!open || !fitnessRepo.updateDraft(db, { id: open.id, revision: input.revision, standardId: standard.id, payload, at, by })) {
      throw new AppError('conflict', 'fitness.draft_stale')
    }
    ctx.auditDetail = JSON.stringify({ date: input.date, rows: input.rows.length, revision: input.revision + 1 })
    return { id: open.id, revision: input.revision + 1 }
  },
  'fitness:discardDraft'(input, ctx) {
    const draft = fitnessRepo.draftById(ctx.db, input.id)
    if (!draft || draft.wardId !== input.wardId) throw notFound()
    if (!fitnessRepo.closeDraft(ctx.db, draft.id, input.revision, 'discarded', nowIso(ctx), actorOf(ctx).id)) throw new AppError('conflict', 'fitness.draft_stale')
    return null
  },
}
