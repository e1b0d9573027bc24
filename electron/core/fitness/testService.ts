/** One saved test: edit (version-checked, graded again, every revision kept), void, re-grade; a person's history; the ward summary. */
import { randomUUID } from 'node:crypto'
import type { fitnessContract, FitnessGradingPreview, FitnessGradingView, FitnessWardSummary } from '../../shared/contract/fitness'
import { addDays } from '../../shared/domain/dates'
import { FITNESS_ITEMS, MEASURE_ITEM, MEASURE_UNITS, measureProblem, type FitnessItem, type FitnessMeasure, type Measurements } from '../../shared/domain/fitness'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { voidRow } from '../db/voidRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlerForSpec } from '../handlerTypes'
import { wardResidents } from '../people/peopleQueries'
import { wardName } from '../wards/wardsRepo'
import { fitnessRepo, type StoredTest } from './fitnessRepo'
import { contraindicationsOf, originalPoints, personFacts, personTests, residentTestDates, wardGradeDistribution } from './fitnessQueries'
import { fitnessSettings } from './fitnessSettings'
import { gradePreview, storeGrading } from './grading'
import { getFitnessStandard } from './norms'

/** The person's live test, or not found (a test named under another person is not found either: scoping names the person). */
function liveTestOf(db: Db, personId: string, testId: string): StoredTest {
  const test = fitnessRepo.testById(db, testId)
  if (!test || test.personId !== personId) throw notFound()
  if (test.voided) throw ruleViolation('fitness.test_voided')
  return test
}

function standardOf(id: string, field: string) {
  const standard = getFitnessStandard(id)
  if (!standard) throw new AppError('invalid_input', 'fitness.unknown_standard', { field })
  return standard
}

const viewOf = (preview: FitnessGradingPreview, g: { id: string; kind: 'original' | 'regrade'; at: string; by: string; note: string | null }): FitnessGradingView => ({
  ...preview, id: g.id, kind: g.kind, gradedAt: g.at, gradedBy: g.by, note: g.note,
})

function assertPlausible(standardId: string, measurements: Measurements): void {
  const standard = standardOf(standardId, '_')
  const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
  for (const [measure, value] of Object.entries(measurements) as Array<[FitnessMeasure, number]>) {
    const problem = measureProblem(standard, measure, value)
    if (problem?.code === 'implausible') fields[`measurements.${measure}`] = { key: 'fitness.implausible', params: { min: problem.min, max: problem.max, unit: MEASURE_UNITS[measure] } }
    else if (problem?.code === 'decimals') fields[`measurements.${measure}`] = { key: 'fitness.decimals', params: { decimals: problem.decimals } }
  }
  if (Object.keys(measurements).length === 0) fields.measurements = { key: 'fitness.no_measurements' }
  if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
}

/** A value for an item that does not apply to the person, or that a contraindication exempts, is refused on its field. */
function assertApplicable(preview: FitnessGradingPreview, measurements: Measurements, exempt: readonly FitnessItem[]): void {
  if (!preview.covered) return
  const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
  for (const measure of Object.keys(measurements) as FitnessMeasure[]) {
    const item = MEASURE_ITEM[measure]
    if (preview.notApplicable.includes(item)) fields[`measurements.${measure}`] = { key: 'fitness.not_applicable' }
    else if (exempt.includes(item)) fields[`measurements.${measure}`] = { key: 'fitness.exempt_item' }
  }
  if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
}

function updateTest(ctx: Ctx, input: Parameters<HandlerForSpec<(typeof fitnessContract)['fitness:updateTest']>>[0]) {
  const { db } = ctx
  const test = liveTestOf(db, input.personId, input.id)
  assertPlausible(test.standardId, input.measurements)
  const subject = { sex: test.sex, age: test.age }
  const preview = gradePreview(standardOf(test.standardId, '_'), subject, input.measurements, test.exemptItems)
  assertApplicable(preview, input.measurements, test.exemptItems)
  const at = nowIso(ctx)
  const actor = actorOf(ctx)
  const before = fitnessRepo.measurementsOf(db, test.id)
  // Revision 1 (as first saved) is stored by the first edit, so every revision can be shown.
  if (test.revision === input.revision && !fitnessRepo.hasRevisions(db, test.id)) {
    const first = fitnessRepo.testRecorded(db, test.id)
    fitnessRepo.insertRevision(db, { id: randomUUID(), testId: test.id, revision: 1, measurements: before, at: first.at, by: first.by, note: null })
  }
  if (!fitnessRepo.bumpTestRevision(db, test.id, input.revision, at, actor.id)) throw new AppError('conflict', 'fitness.stale_revision')
  const revision = input.revision + 1
  fitnessRepo.replaceMeasurements(db, test.id, input.measurements)
  fitnessRepo.insertRevision(db, { id: randomUUID(), testId: test.id, revision, measurements: input.measurements, at, by: actor.id, note: input.changeNote })
  // Grade again: the earlier gradings stay, superseded; re-gradings under other standards are made again beside the new original.
  const regrades = fitnessRepo.currentRegradeStandards(db, test.id)
  fitnessRepo.supersedeGradings(db, test.id, at)
  const id = storeGrading(db, test.id, preview, { kind: 'original', at, by: actor.id, note: null })
  for (const r of regrades) {
    const standard = getFitnessStandard(r.standardId)
    if (standard) storeGrading(db, test.id, gradePreview(standard, subject, input.measurements, test.exemptItems), { kind: 'regrade', at, by: actor.id, note: r.note })
  }
  ctx.auditDetail = JSON.stringify({ revision, before, after: input.measurements, grade: preview.grade })
  return { revision, grading: viewOf(preview, { id, kind: 'original', at, by: actor.displayName, note: null }) }
}

function regrade(ctx: Ctx, input: { personId: string; id: string; standardId: string; note: string | null }) {
  const { db } = ctx
  const test = liveTestOf(db, input.personId, input.id)
  const standard = standardOf(input.standardId, 'standardId')
  if (standard.id === test.standardId) throw ruleViolation('fitness.same_standard', 'standardId')
  const preview = gradePreview(standard, { sex: test.sex, age: test.age }, fitnessRepo.measurementsOf(db, test.id), test.exemptItems)
  const at = nowIso(ctx)
  const actor = actorOf(ctx)
  const id = storeGrading(db, test.id, preview, { kind: 'regrade', at, by: actor.id, note: input.note })
  ctx.auditDetail = JSON.stringify({ standardId: standard.id, version: standard.version, grade: preview.grade, total: preview.total })
  return { grading: viewOf(preview, { id, kind: 'regrade', at, by: actor.displayName, note: input.note }) }
}

function personHistory(db: Db, personId: string) {
  const person = personFacts(db, personId)
  if (!person) throw notFound()
  const tests = personTests(db, personId)
  const live = tests.filter((t) => t.voided === null)
  return {
    personId, name: person.name, sex: person.sex, admissionDate: person.admissionDate, tests,
    latestId: live.at(-1)?.id ?? null, previousId: live.at(-2)?.id ?? null, contraindications: contraindicationsOf(db, personId),
  }
}

export function wardSummary(db: Db, wardId: string, todayDate: string): FitnessWardSummary {
  const name = wardName(db, wardId)
  if (name === undefined) throw notFound()
  const { retestIntervalDays } = fitnessSettings(db)
  const { date, counts } = wardGradeDistribution(db, wardId)
  const tests = residentTestDates(db, wardId)
  const firstAndLast = new Map<string, { first: { testId: string; date: string }; last: { testId: string; date: string } }>()
  for (const t of tests) {
    const entry = firstAndLast.get(t.personId)
    if (entry) entry.last = t
    else firstAndLast.set(t.personId, { first: t, last: t })
  }
  const compared = [...firstAndLast.values()].filter((e) => e.first.testId !== e.last.testId)
  const points = originalPoints(db, compared.flatMap((e) => [e.first.testId, e.last.testId]))
  const changes = FITNESS_ITEMS.flatMap((item: FitnessItem) => {
    const deltas = compared.flatMap((e) => {
      const a = points.get(e.first.testId)?.[item]
      const b = points.get(e.last.testId)?.[item]
      return a === undefined || b === undefined ? [] : [b - a]
    })
    return deltas.length === 0 ? [] : [{ item, people: deltas.length, meanChange: Math.round((deltas.reduce((s, d) => s + d, 0) / deltas.length) * 100) / 100 }]
  })
  const due = wardResidents(db, wardId).flatMap((p): FitnessWardSummary['due'] => {
    const last = firstAndLast.get(p.id)?.last.date ?? null
    if (last === null) return [{ personId: p.id, name: p.name, lastTestDate: null, dueDate: null }]
    const dueDate = addDays(last, retestIntervalDays)
    return dueDate <= todayDate ? [{ personId: p.id, name: p.name, lastTestDate: last, dueDate }] : []
  })
  // Never tested first, then the longest overdue.
  due.sort((a, b) => (a.dueDate === null ? (b.dueDate === null ? 0 : -1) : b.dueDate === null ? 1 : a.dueDate.localeCompare(b.dueDate)))
  return { wardId, wardName: name, today: todayDate, latestTestDate: date, distribution: counts, changes, retestIntervalDays, due }
}

type TestHandlers = {
  [M in 'fitness:updateTest' | 'fitness:voidTest' | 'fitness:regrade' | 'fitness:personHistory' | 'fitness:wardSummary']: HandlerForSpec<(typeof fitnessContract)[M]>
}

export const testHandlers: TestHandlers = {
  'fitness:updateTest': (input, ctx) => updateTest(ctx, input),
  'fitness:voidTest'(input, ctx) {
    liveTestOf(ctx.db, input.personId, input.id)
    voidRow(ctx.db, 'fitness_tests', input.id, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },
  'fitness:regrade': (input, ctx) => regrade(ctx, input),
  'fitness:personHistory': (input, ctx) => personHistory(ctx.db, input.personId),
  'fitness:wardSummary': (input, ctx) => wardSummary(ctx.db, input.wardId, today(ctx)),
}
