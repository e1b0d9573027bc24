/**
 * The facility dashboard (统计看板, issue 14): people by ward and period, admissions and releases per month, psychology
 * flags, fitness grades, vocational pass and certification rates, due and overdue work, follow-up rates — each number
 * with the `FigureRef` that names the people behind it (`stats:people`), so a list always holds exactly the people its
 * number counts. A ward officer's figures cover their own wards only (`limitedToWards` says so on screen).
 */
import { z } from 'zod'
import { PERIODS, type Period } from '../domain/periods'
import type { DueCentre } from '../domain/duework/vocabulary'
import { DUE_CENTRES } from '../domain/duework/vocabulary'
import { id, intRange, isoDate, page, type Paged } from './common'
import { method, noAudit } from './define'

/** Release kinds as migration 019 stores them (the release domain's RELEASE_KINDS, repeated here for the contract). */
export const STATS_RELEASE_KINDS = ['on_time', 'early', 'community_conversion', 'transfer', 'medical', 'death'] as const
export type StatsReleaseKind = (typeof STATS_RELEASE_KINDS)[number]

export const STATS_FITNESS_GRADES = ['excellent', 'good', 'pass', 'fail', 'ungraded', 'untested'] as const
/** A current person's latest live test: its grade, `ungraded` (tested, no grade: withheld or incomplete), `untested` (未测). */
export type StatsFitnessGrade = (typeof STATS_FITNESS_GRADES)[number]

/** Person-course pairs of the vocational courses started in the window (vocationalStats' course figures). */
export const STATS_VOCATIONAL_FIGURES = ['enrolled', 'sat', 'passed', 'failed', 'certified'] as const
export type StatsVocationalFigure = (typeof STATS_VOCATIONAL_FIGURES)[number]

export const STATS_FOLLOWUP_OUTCOMES = ['released', 'reached', 'abstinent', 'relapsed', 'inCustody', 'deceased', 'lost', 'notReached'] as const
export type StatsFollowUpOutcome = (typeof STATS_FOLLOWUP_OUTCOMES)[number]

/** Ward × period cell: `none` = a current file with no period set. */
export type StatsPeriodKey = Period | 'none'
export const STATS_PERIOD_KEYS = [...PERIODS, 'none'] as const

/** Months the dashboard's window may cover. */
export const STATS_MONTHS = { min: 6, max: 36, default: 12 } as const

/**
 * The figure a number stands for; `stats:people` lists its people. Figures of a time window carry the window (its
 * months as YYYY-MM — one month, or month … toMonth — or from/to dates), so a list opened from a dashboard stays the
 * same list when the URL is reopened.
 */
export type FigureRef =
  | { kind: 'ward_period'; wardId: string; period: StatsPeriodKey }
  | { kind: 'ward_total'; wardId: string }
  | { kind: 'current_total' }
  | { kind: 'admissions'; month: string; toMonth?: string | undefined }
  | { kind: 'releases'; month: string; toMonth?: string | undefined; releaseKind?: StatsReleaseKind | undefined }
  | { kind: 'psych_open_tasks' }
  | { kind: 'psych_open_crises' }
  | { kind: 'psych_flagged_screening' }
  | { kind: 'fitness_grade'; grade: StatsFitnessGrade }
  | { kind: 'vocational'; figure: StatsVocationalFigure; from: string; to: string }
  | { kind: 'due_work'; centre?: DueCentre | undefined; status: 'due' | 'overdue'; on: string }
  | { kind: 'followup_cohort'; outcome: StatsFollowUpOutcome; from: string; to: string; asOf: string }
  | { kind: 'followup_due'; status: 'due' | 'overdue'; on: string }

const month = z.string({ error: 'v.required' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'stats.month')
const due = z.enum(['due', 'overdue'])
export const figureRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ward_period'), wardId: id, period: z.enum(STATS_PERIOD_KEYS) }),
  z.object({ kind: z.literal('ward_total'), wardId: id }),
  z.object({ kind: z.literal('current_total') }),
  z.object({ kind: z.literal('admissions'), month, toMonth: month.optional() }),
  z.object({ kind: z.literal('releases'), month, toMonth: month.optional(), releaseKind: z.enum(STATS_RELEASE_KINDS).optional() }),
  z.object({ kind: z.literal('psych_open_tasks') }),
  z.object({ kind: z.literal('psych_open_crises') }),
  z.object({ kind: z.literal('psych_flagged_screening') }),
  z.object({ kind: z.literal('fitness_grade'), grade: z.enum(STATS_FITNESS_GRADES) }),
  z.object({ kind: z.literal('vocational'), figure: z.enum(STATS_VOCATIONAL_FIGURES), from: isoDate, to: isoDate }),
  z.object({ kind: z.literal('due_work'), centre: z.enum(DUE_CENTRES).optional(), status: due, on: isoDate }),
  z.object({ kind: z.literal('followup_cohort'), outcome: z.enum(STATS_FOLLOWUP_OUTCOMES), from: isoDate, to: isoDate, asOf: isoDate }),
  z.object({ kind: z.literal('followup_due'), status: due, on: isoDate }),
], { error: 'v.required' })

/** A number with the people behind it. */
export interface DashboardFigure {
  value: number
  ref: FigureRef
}

export interface WardPeriodRow {
  wardId: string
  wardName: string
  byPeriod: Record<StatsPeriodKey, DashboardFigure>
  total: DashboardFigure
}

export interface MonthRow {
  /** YYYY-MM */
  month: string
  admissions: DashboardFigure
  releases: DashboardFigure
  releasesByKind: Record<StatsReleaseKind, DashboardFigure>
}

export interface DueCentreRow {
  centre: DueCentre
  due: DashboardFigure
  overdue: DashboardFigure
}

export interface StatsDashboard {
  asOf: string
  months: number
  /** First and last day of the window (first day of the first month, asOf). */
  from: string
  to: string
  /** True when the caller reads only some wards: every figure covers those wards only (said on screen). */
  limitedToWards: boolean
  /** The wards the figures cover, in order (all wards for a facility-wide reader). */
  wards: Array<{ id: string; name: string }>
  current: { total: DashboardFigure; wards: WardPeriodRow[] }
  perMonth: MonthRow[]
  /** Admissions and releases of the whole window (month … toMonth). */
  windowTotals: { admissions: DashboardFigure; releases: DashboardFigure }
  psych: { openTasks: DashboardFigure; openCrises: DashboardFigure; flaggedScreening: DashboardFigure }
  fitness: { grades: Record<StatsFitnessGrade, DashboardFigure> }
  /**
   * Vocational courses started in the window, as the training statistics count them (one row per person and course):
   * passRate = passed ÷ sat, certificationRate = certified ÷ (enrolled − unavoidable withdrawals), percent, null ÷ 0.
   */
  vocational: { from: string; to: string; figures: Record<StatsVocationalFigure, DashboardFigure>; passRate: number | null; certificationRate: number | null }
  dueWork: { on: string; centres: DueCentreRow[]; due: DashboardFigure; overdue: DashboardFigure }
  /**
   * Releases of the window followed up (aftercare's cohort arithmetic and definitions; rates in percent, null ÷ 0) and
   * the follow-ups open today; null when the caller may not read aftercare (aftercare.read).
   */
  followUp: {
    from: string
    to: string
    cohort: Record<StatsFollowUpOutcome, DashboardFigure>
    abstinenceRateReached: number | null
    abstinenceRateAll: number | null
    due: DashboardFigure
    overdue: DashboardFigure
  } | null
}

export interface DashboardPersonRow {
  personId: string
  name: string
  /** Masked ID number: the last four characters only. */
  idTail: string
  /** The current ward, or for a released person the ward they left from; null when unknown. */
  wardName: string | null
  period: Period | null
  /** True for a file whose stay has ended (no ward). */
  past: boolean
  /** The figure's own column: admission date, release date and kind, grade and test date, task label, due rule… */
  detail: string | null
  /** The date that puts the person in the figure. */
  date: string | null
}

export type DashboardPeoplePage = Paged<DashboardPersonRow>

export const statsContract = {
  'stats:dashboard': method<StatsDashboard>()({
    input: z.object({ asOf: isoDate.optional(), months: intRange(STATS_MONTHS.min, STATS_MONTHS.max).default(STATS_MONTHS.default) }),
    access: 'stats.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** The people behind one figure of the dashboard (in the caller's wards, as the figure counts them). */
  'stats:people': method<DashboardPeoplePage>()({
    input: z.object({ figure: figureRefSchema, ...page }),
    access: 'stats.read',
    scope: 'filtered',
    audit: noAudit,
  }),
}
