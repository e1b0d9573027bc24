/**
 * Training statistics (培训统计, issue 12): the course figures per course, trade or year, the headline figures of a
 * period ("848 人获得职业资格证书", "资格证书通过率达 98.1%", "108 名戒毒人员现场签订就业协议书"), and the people behind
 * every number. The figures are facility-wide counts; the lists name only the people in the caller's reach and say how
 * many others were counted.
 */
import { z } from 'zod'
import { COURSE_KINDS, type CourseFigures, type CourseKind, type EnrolmentStatus, type ExamResult, type WithdrawReason } from '../domain/vocational'
import { id, intRange, isoDate, page, type Paged } from './common'
import { method, noAudit } from './define'

export const STATS_GROUPINGS = ['course', 'trade', 'year'] as const
export type StatsGrouping = (typeof STATS_GROUPINGS)[number]

/** Years a statistics range may name. */
export const STATS_YEARS = { min: 2000, max: 2100 } as const

export interface FigureRow extends CourseFigures {
  /** Course id, trade id or the year ("2026"). */
  key: string
  label: string
  /** Course rows: the course's trade name and start date, for the table. */
  trade: string | null
  startDate: string | null
}

export interface FiguresResult {
  rows: FigureRow[]
  /** Sums over the rows, rates recomputed from the sums. */
  total: CourseFigures
}

/**
 * The headline figures of a period (each defined on the screen, 口径说明):
 * - certifiedPeople: distinct people with a live certificate issued in the period, of any source;
 * - exams: person-courses whose last sitting (not absent) falls in the period: sat, passed (passed any sitting of the
 *   course, as courseFigures counts), rate = passed ÷ sat;
 * - agreements: distinct people with a live referral whose agreement was signed in the period;
 * - referrals: distinct people referred in the period;
 * - jobTaken / jobKnown: of the people with an agreement signed in the period, those recorded as having taken the job
 *   after release, and those whose outcome is recorded at all.
 */
export interface HeadlineFigures {
  from: string
  to: string
  certifiedPeople: number
  sat: number
  passed: number
  passRate: number | null
  agreements: number
  referrals: number
  jobTaken: number
  jobKnown: number
}

/** The figures a list of people can be asked for. */
export const STATS_PEOPLE_FIGURES = ['enrolled', 'withdrawn', 'completed', 'sat', 'passed', 'failed', 'certified', 'agreements', 'referrals', 'jobTaken'] as const
export type StatsPeopleFigure = (typeof STATS_PEOPLE_FIGURES)[number]
/** Course figures (a course, trade, year or the total of the table) and period figures (the headline cards). */
export const COURSE_GROUP_FIGURES: readonly StatsPeopleFigure[] = ['enrolled', 'withdrawn', 'completed', 'sat', 'passed', 'failed', 'certified']
export const PERIOD_FIGURES: readonly StatsPeopleFigure[] = ['certified', 'sat', 'passed', 'failed', 'agreements', 'referrals', 'jobTaken']

export const STATS_GROUPS = ['course', 'trade', 'year', 'total', 'period'] as const
export type StatsGroup = (typeof STATS_GROUPS)[number]

export interface StatsPersonRow {
  personId: string
  name: string
  /** Null: a past file (已出所). */
  wardName: string | null
  courseId: string | null
  courseName: string | null
  enrolmentStatus: EnrolmentStatus | null
  withdrawReason: WithdrawReason | null
  /** Best live exam result on the course (passed over failed over absent). */
  examResult: ExamResult | null
  certificateNumber: string | null
  /** The date that puts the person in the figure: certificate issued, last sitting, agreement signed, referred. */
  date: string | null
  employer: string | null
  jobTaken: 'yes' | 'no' | null
}

export interface StatsPeoplePage extends Paged<StatsPersonRow> {
  /** Counted in the figure but in wards the caller cannot read: not listed, said. */
  hidden: number
}

const yearBound = intRange(STATS_YEARS.min, STATS_YEARS.max)
const yearRange = {
  kind: z.enum(COURSE_KINDS, { error: 'v.required' }).default('vocational' as CourseKind),
  fromYear: yearBound.optional(),
  toYear: yearBound.optional(),
}
const yearOrder = (i: { fromYear?: number | undefined; toYear?: number | undefined }) => i.fromYear === undefined || i.toYear === undefined || i.fromYear <= i.toYear
const period = { from: isoDate, to: isoDate }

export const vocationalStatsContract = {
  'vocationalStats:figures': method<FiguresResult>()({
    input: z
      .object({ groupBy: z.enum(STATS_GROUPINGS, { error: 'v.required' }), ...yearRange })
      .refine(yearOrder, { path: ['toYear'], message: 'stats.year_order' }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'vocationalStats:headline': method<HeadlineFigures>()({
    input: z.object(period).refine((i) => i.from <= i.to, { path: ['to'], message: 'stats.range_order' }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  /**
   * The people behind one number: a course figure of a course, trade, year or the table's total (with the table's kind
   * and years), or a headline figure of a period. Lists people in the caller's wards; `hidden` counts the others.
   */
  'vocationalStats:people': method<StatsPeoplePage>()({
    input: z
      .object({
        figure: z.enum(STATS_PEOPLE_FIGURES, { error: 'v.required' }),
        group: z.enum(STATS_GROUPS, { error: 'v.required' }),
        courseId: id.optional(),
        tradeId: id.optional(),
        year: yearBound.optional(),
        ...yearRange,
        from: isoDate.optional(),
        to: isoDate.optional(),
        ...page,
      })
      .superRefine((i, ctx) => {
        const need = (field: 'courseId' | 'tradeId' | 'year' | 'from' | 'to') => {
          if (i[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'v.required' })
        }
        if (i.group === 'course') need('courseId')
        if (i.group === 'trade') need('tradeId')
        if (i.group === 'year') need('year')
        if (i.group === 'period') {
          need('from')
          need('to')
          if (i.from !== undefined && i.to !== undefined && i.from > i.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'stats.range_order' })
          if (!PERIOD_FIGURES.includes(i.figure)) ctx.addIssue({ code: 'custom', path: ['figure'], message: 'stats.figure_group' })
        } else if (!COURSE_GROUP_FIGURES.includes(i.figure)) ctx.addIssue({ code: 'custom', path: ['figure'], message: 'stats.figure_group' })
        if (!yearOrder(i)) ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'stats.year_order' })
      }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),
}
