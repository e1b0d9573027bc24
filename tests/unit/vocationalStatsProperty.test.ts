/**
 * The statistics' SQL counts exactly what `courseFigures` counts: random courses (both kinds, voided ones, several
 * trades and years), enrolments (waiting, enrolled, completed, withdrawn for every reason, withdrawn from the waiting
 * list), exam sittings (passed, failed, absent, voided) and certificates (of the course, of another, voided, none) on a
 * real database; the figures per course, trade and year and the total must equal courseFigures over the same facts, and
 * every drill-down list must hold exactly as many people as its figure.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import type { FiguresResult, StatsPeoplePage } from '../../electron/shared/contract/vocationalStats'
import { COURSE_GROUP_FIGURES } from '../../electron/shared/contract/vocationalStats'
import { courseFigures, type CourseFigures, type CoursePersonFacts, type ExamResult, type WithdrawReason } from '../../electron/shared/domain/vocational'
import { call, makeWorld, ok } from './helpers'
import { makePeople } from './vocationalStatsPeople'
import { insertAttempt, insertCertificate, insertCourse, insertEnrolment, insertTrade } from './vocationalStatsFixtures'

const world = makeWorld()
afterAll(() => world.close())
const admin = world.sessions.admin!
const people = makePeople(world, 6)
const trades = [insertTrade(world.db, '电工'), insertTrade(world.db, '中式面点师')]

const pairArb = fc.record({
  enrolment: fc.option(
    fc.record({
      status: fc.constantFrom('waiting' as const, 'enrolled' as const, 'withdrawn' as const, 'completed' as const),
      everEnrolled: fc.boolean(),
      reason: fc.constantFrom<WithdrawReason>('released', 'transferred', 'medical', 'refused', 'other'),
    }),
    { nil: null },
  ),
  attempts: fc.array(fc.record({ result: fc.constantFrom<ExamResult>('passed', 'failed', 'absent'), voided: fc.boolean() }), { maxLength: 3 }),
  certificate: fc.constantFrom('none' as const, 'course' as const, 'voided' as const, 'manual' as const),
})
const courseArb = fc.record({
  kind: fc.constantFrom('vocational' as const, 'vocational' as const, 'education' as const),
  trade: fc.integer({ min: 0, max: 1 }),
  year: fc.constantFrom(2024, 2025, 2026),
  voided: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  pairs: fc.array(pairArb, { minLength: people.length, maxLength: people.length }),
})

type Generated = typeof courseArb extends fc.Arbitrary<infer T> ? T : never

/** Writes the facts and returns, per course id, the facts courseFigures reads (live courses only) with its groups. */
function write(courses: Generated[]): Array<{ id: string; kind: string; tradeId: string | null; year: string; facts: CoursePersonFacts[] }> {
  const db = world.db
  for (const table of ['certificates', 'exam_attempts', 'enrolments', 'courses']) db.prepare(`DELETE FROM ${table}`).run()
  return courses.map((c, ci) => {
    const tradeId = c.kind === 'vocational' ? trades[c.trade]! : null
    const id = insertCourse(db, { name: `课程${ci}`, kind: c.kind, tradeId, startDate: `${c.year}-03-0${(ci % 9) + 1}`, voided: c.voided })
    const facts: CoursePersonFacts[] = []
    c.pairs.forEach((p, pi) => {
      const personId = people[pi]!
      p.attempts.forEach((a, ai) => insertAttempt(db, { courseId: id, personId, attempt: ai + 1, result: a.result, examDate: `${c.year}-06-01`, voided: a.voided }))
      if (p.certificate !== 'none') insertCertificate(db, { personId, courseId: p.certificate === 'manual' ? null : id, issuedOn: `${c.year}-07-01`, voided: p.certificate === 'voided' })
      if (!p.enrolment) return
      const enrolledOn = p.enrolment.status === 'waiting' || (p.enrolment.status === 'withdrawn' && !p.enrolment.everEnrolled) ? null : `${c.year}-03-01`
      const withdrawReason = p.enrolment.status === 'withdrawn' ? p.enrolment.reason : null
      insertEnrolment(db, { courseId: id, personId, status: p.enrolment.status, enrolledOn, withdrawReason })
      facts.push({
        status: p.enrolment.status,
        enrolledOn,
        withdrawReason,
        attempts: p.attempts.filter((a) => !a.voided).map((a) => a.result),
        certified: p.certificate === 'course',
      })
    })
    return { id, kind: c.kind, tradeId, year: String(c.year), facts, voided: c.voided }
  }).filter((c) => !(c as { voided: boolean }).voided)
}

const FIELDS: Array<keyof CourseFigures> = ['enrolled', 'withdrawn', 'unavoidableWithdrawn', 'completed', 'sat', 'passed', 'certified', 'passRate', 'certificationRate']
const pick = (f: CourseFigures) => Object.fromEntries(FIELDS.map((k) => [k, f[k]]))

describe('figures = courseFigures over the same facts', () => {
  it('per course, trade, year and the total, and each list holds its figure', () => {
    fc.assert(
      fc.property(fc.array(courseArb, { minLength: 1, maxLength: 5 }), (generated) => {
        const courses = write(generated)
        for (const kind of ['vocational', 'education'] as const) {
          const ofKind = courses.filter((c) => c.kind === kind)
          const groupings = kind === 'vocational' ? (['course', 'trade', 'year'] as const) : (['course', 'year'] as const)
          for (const groupBy of groupings) {
            const result = ok(call(world.dispatch, 'vocationalStats:figures', { groupBy, kind }, admin)) as FiguresResult
            const keyOf = (c: (typeof courses)[number]) => (groupBy === 'course' ? c.id : groupBy === 'trade' ? c.tradeId! : c.year)
            const expected = new Map<string, CoursePersonFacts[]>()
            for (const c of ofKind) expected.set(keyOf(c), [...(expected.get(keyOf(c)) ?? []), ...c.facts])
            expect(result.rows.map((r) => r.key).sort()).toEqual([...expected.keys()].sort())
            for (const row of result.rows) expect(pick(row)).toEqual(pick(courseFigures(expected.get(row.key)!)))
            expect(pick(result.total)).toEqual(pick(courseFigures(ofKind.flatMap((c) => c.facts))))
          }
          // Every course figure's list, for each course and the total, holds exactly the people it counts.
          const total = courseFigures(ofKind.flatMap((c) => c.facts))
          for (const figure of COURSE_GROUP_FIGURES) {
            const count = figure === 'failed' ? total.sat - total.passed : total[figure as keyof CourseFigures]
            const page = ok(call(world.dispatch, 'vocationalStats:people', { figure, group: 'total', kind, limit: 500 }, admin)) as StatsPeoplePage
            expect(page.total + page.hidden, `${kind} ${figure}`).toBe(count)
            expect(page.rows).toHaveLength(count as number)
          }
          for (const c of ofKind) {
            const figures = courseFigures(c.facts)
            const page = ok(call(world.dispatch, 'vocationalStats:people', { figure: 'passed', group: 'course', courseId: c.id, kind, limit: 500 }, admin)) as StatsPeoplePage
            expect(page.total).toBe(figures.passed)
          }
        }
      }),
      { numRuns: 60, seed: 20261130 },
    )
  })
})
