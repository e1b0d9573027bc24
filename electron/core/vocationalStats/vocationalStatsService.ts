/**
 * Training statistics (培训统计): the course figures grouped by course, trade or start year, the headline figures of a
 * period, and the people behind each number. Figures are facility-wide counts (scope 'facility'); the lists name only
 * the people the caller may read and count the rest (`hidden`), so a number and its list never disagree unexplained.
 */
import type { vocationalStatsContract, FigureRow } from '../../shared/contract/vocationalStats'
import { STATS_YEARS } from '../../shared/contract/vocationalStats'
import { ratePercent, type CourseFigures } from '../../shared/domain/vocational'
import { readableWards } from '../auth/wardScope'
import { today } from '../context'
import { ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { courseCounts, figurePeople, groupLabels, courseGroups, headlineCounts, pairsPeopleBase, periodPeopleBase, type FigureCounts, type PairsFilter, type YearSpan } from './vocationalStatsQueries'

const ZERO: Omit<FigureCounts, 'key'> = { enrolled: 0, withdrawn: 0, unavoidableWithdrawn: 0, completed: 0, sat: 0, passed: 0, certified: 0 }

/** The counts with their two rates, as courseFigures defines them. */
export function withRates(c: Omit<FigureCounts, 'key'>): CourseFigures {
  return {
    enrolled: c.enrolled,
    withdrawn: c.withdrawn,
    unavoidableWithdrawn: c.unavoidableWithdrawn,
    completed: c.completed,
    sat: c.sat,
    passed: c.passed,
    certified: c.certified,
    passRate: ratePercent(c.passed, c.sat),
    certificationRate: ratePercent(c.certified, c.enrolled - c.unavoidableWithdrawn),
  }
}

/** A year range as the start dates it covers; no year given: every year a course may start in. */
export function yearSpan(i: { kind: YearSpan['kind']; fromYear?: number | undefined; toYear?: number | undefined }): YearSpan {
  return { kind: i.kind, from: `${i.fromYear ?? STATS_YEARS.min}-01-01`, to: `${i.toYear ?? STATS_YEARS.max}-12-31` }
}

function sumCounts(rows: readonly Omit<FigureCounts, 'key'>[]): Omit<FigureCounts, 'key'> {
  const total = { ...ZERO }
  for (const r of rows) for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r[k]
  return total
}

export const vocationalStatsHandlers = {
  'vocationalStats:figures'(input, ctx) {
    // Education classes have no trade: grouping them by trade would put every class in one nameless row.
    if (input.kind === 'education' && input.groupBy === 'trade') throw ruleViolation('stats.education_no_trade', 'groupBy')
    const span = yearSpan(input)
    // A trade's or year's figures are the sums over its courses (each person counted once per course).
    const labels = groupLabels(ctx.db, span, input.groupBy)
    const perCourse = courseCounts(ctx.db, span)
    const groupOf = input.groupBy === 'course' ? null : courseGroups(ctx.db, span, input.groupBy)
    const grouped = new Map<string, Array<Omit<FigureCounts, 'key'>>>()
    for (const c of perCourse) {
      const key = groupOf === null ? c.key : groupOf.get(c.key)
      if (key !== undefined) grouped.set(key, [...(grouped.get(key) ?? []), c])
    }
    const rows: FigureRow[] = labels.map((g) => ({ ...g, ...withRates(sumCounts(grouped.get(g.key) ?? [])) }))
    return { rows, total: withRates(sumCounts(perCourse)) }
  },

  'vocationalStats:headline'(input, ctx) {
    const c = headlineCounts(ctx.db, input)
    return { from: input.from, to: input.to, ...c, passRate: ratePercent(c.passed, c.sat) }
  },

  'vocationalStats:people'(input, ctx) {
    const wards = readableWards(ctx)
    if (input.group === 'period') {
      const period = { from: input.from ?? today(ctx), to: input.to ?? today(ctx) }
      return figurePeople(ctx.db, periodPeopleBase(period, input.figure), wards, input.offset, input.limit)
    }
    let span = yearSpan(input)
    let filter: PairsFilter = { by: 'all' }
    if (input.group === 'course' && input.courseId) filter = { by: 'course', id: input.courseId }
    if (input.group === 'trade' && input.tradeId) filter = { by: 'trade', id: input.tradeId }
    if (input.group === 'year' && input.year !== undefined) span = { ...span, from: `${input.year}-01-01`, to: `${input.year}-12-31` }
    return figurePeople(ctx.db, pairsPeopleBase(span, filter, input.figure), wards, input.offset, input.limit)
  },
} satisfies HandlersFor<typeof vocationalStatsContract>
