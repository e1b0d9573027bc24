/**
 * The facility dashboard (统计看板): one set-based query per figure group (statsQueries.ts), each figure with the
 * FigureRef whose people `stats:people` lists (statsPeople.ts), every figure cut to the caller's readable wards.
 */
import type { DashboardFigure, FigureRef, MonthRow, StatsDashboard, StatsFitnessGrade, StatsPeriodKey, statsContract } from '../../shared/contract/stats'
import { STATS_FITNESS_GRADES, STATS_PERIOD_KEYS, STATS_RELEASE_KINDS, STATS_VOCATIONAL_FIGURES } from '../../shared/contract/stats'
import { addMonths, type IsoDate } from '../../shared/domain/dates'
import { DUE_CENTRES } from '../../shared/domain/duework/vocabulary'
import { readableWards } from '../auth/wardScope'
import { today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { AppError, ruleViolation } from '../errors'
import { facilityDueCounts } from '../duework/dueworkCounts'
import type { HandlersFor } from '../handlerTypes'
import { psychSettings } from '../psych/psychSettings'
import { withRates } from '../vocationalStats/vocationalStatsService'
import { wardsInOrder } from '../wards/wardsRepo'
import { followUpFigures } from './statsFollowUp'
import { figurePeoplePage, peopleBase } from './statsPeopleQueries'
import { admissionsByMonth, fitnessGradeCounts, psychCounts, releasesByMonth, vocationalCounts, wardPeriodCounts, type Wards } from './statsQueries'

const fig = (value: number, ref: FigureRef): DashboardFigure => ({ value, ref })
/** Aftercare's rates are fractions; the dashboard shows every rate in percent with one decimal. */
const asPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)
const sumOf = (figures: readonly DashboardFigure[]) => figures.reduce((s, f) => s + f.value, 0)

/** The months of the window, oldest first: `months` months ending with asOf's month. */
export function windowMonths(asOf: IsoDate, months: number): string[] {
  const first = addMonths(`${asOf.slice(0, 7)}-01`, -(months - 1))
  return Array.from({ length: months }, (_, i) => addMonths(first, i).slice(0, 7))
}

export function dashboard(db: Db, wards: Wards, input: { asOf: IsoDate; months: number; today: IsoDate; followUp: boolean }): StatsDashboard {
  const { asOf } = input
  const months = windowMonths(asOf, input.months)
  const from = `${months[0]}-01`
  const to = asOf

  const wardList = wardsInOrder(db).filter((w) => wards === null || wards.includes(w.id))
  const cells = wardPeriodCounts(db, wards)
  const shown = new Set(cells.map((c) => c.wardId))
  const wardRows = wardList
    .filter((w) => w.active || shown.has(w.id))
    .map((w) => {
      const byPeriod = Object.fromEntries(
        STATS_PERIOD_KEYS.map((period) => [period, fig(cells.find((c) => c.wardId === w.id && c.period === period)?.n ?? 0, { kind: 'ward_period', wardId: w.id, period })]),
      ) as Record<StatsPeriodKey, DashboardFigure>
      const total = Object.values(byPeriod).reduce((sum, f) => sum + f.value, 0)
      return { wardId: w.id, wardName: w.name, byPeriod, total: fig(total, { kind: 'ward_total', wardId: w.id }) }
    })

  const admissions = new Map(admissionsByMonth(db, wards, from, to).map((r) => [r.month, r.n]))
  const releases = releasesByMonth(db, wards, from, to)
  const perMonth: MonthRow[] = months.map((month) => {
    const ofMonth = releases.filter((r) => r.month === month)
    return {
      month,
      admissions: fig(admissions.get(month) ?? 0, { kind: 'admissions', month }),
      releases: fig(ofMonth.reduce((s, r) => s + r.n, 0), { kind: 'releases', month }),
      releasesByKind: Object.fromEntries(
        STATS_RELEASE_KINDS.map((kind) => [kind, fig(ofMonth.find((r) => r.kind === kind)?.n ?? 0, { kind: 'releases', month, releaseKind: kind })]),
      ) as MonthRow['releasesByKind'],
    }
  })

  const psych = psychCounts(db, wards, psychSettings(db).screeningInstruments)
  const grades = new Map(fitnessGradeCounts(db, wards).map((g) => [g.grade, g.n]))
  const vocational = vocationalCounts(db, wards, from, to)
  const rates = withRates(vocational)
  const dueCounts = facilityDueCounts(db, input.today, wards)
  const followUp = input.followUp ? followUpFigures(db, wards, { from, to, asOf, today: input.today }) : null

  return {
    asOf,
    months: input.months,
    from,
    to,
    limitedToWards: wards !== null,
    wards: wardList.map((w) => ({ id: w.id, name: w.name })),
    current: { total: fig(wardRows.reduce((s, w) => s + w.total.value, 0), { kind: 'current_total' }), wards: wardRows },
    perMonth,
    windowTotals: {
      admissions: fig(sumOf(perMonth.map((m) => m.admissions)), { kind: 'admissions', month: months[0]!, toMonth: months.at(-1)! }),
      releases: fig(sumOf(perMonth.map((m) => m.releases)), { kind: 'releases', month: months[0]!, toMonth: months.at(-1)! }),
    },
    psych: {
      openTasks: fig(psych.openTasks, { kind: 'psych_open_tasks' }),
      openCrises: fig(psych.openCrises, { kind: 'psych_open_crises' }),
      flaggedScreening: fig(psych.flagged, { kind: 'psych_flagged_screening' }),
    },
    fitness: {
      grades: Object.fromEntries(STATS_FITNESS_GRADES.map((grade) => [grade, fig(grades.get(grade) ?? 0, { kind: 'fitness_grade', grade })])) as Record<StatsFitnessGrade, DashboardFigure>,
    },
    vocational: {
      from,
      to,
      figures: Object.fromEntries(STATS_VOCATIONAL_FIGURES.map((f) => [f, fig(vocational[f], { kind: 'vocational', figure: f, from, to })])) as StatsDashboard['vocational']['figures'],
      passRate: rates.passRate,
      certificationRate: rates.certificationRate,
    },
    dueWork: {
      on: input.today,
      centres: DUE_CENTRES.map((centre) => ({
        centre,
        due: fig(dueCounts.byCentre[centre].due, { kind: 'due_work', centre, status: 'due', on: input.today }),
        overdue: fig(dueCounts.byCentre[centre].overdue, { kind: 'due_work', centre, status: 'overdue', on: input.today }),
      })),
      due: fig(dueCounts.due, { kind: 'due_work', status: 'due', on: input.today }),
      overdue: fig(dueCounts.overdue, { kind: 'due_work', status: 'overdue', on: input.today }),
    },
    followUp: followUp && {
      from,
      to,
      cohort: {
        released: fig(followUp.cohort.released, { kind: 'followup_cohort', outcome: 'released', from, to, asOf }),
        reached: fig(followUp.cohort.reached, { kind: 'followup_cohort', outcome: 'reached', from, to, asOf }),
        abstinent: fig(followUp.cohort.abstinent, { kind: 'followup_cohort', outcome: 'abstinent', from, to, asOf }),
        relapsed: fig(followUp.cohort.relapsed, { kind: 'followup_cohort', outcome: 'relapsed', from, to, asOf }),
        inCustody: fig(followUp.cohort.inCustody, { kind: 'followup_cohort', outcome: 'inCustody', from, to, asOf }),
        deceased: fig(followUp.cohort.deceased, { kind: 'followup_cohort', outcome: 'deceased', from, to, asOf }),
        lost: fig(followUp.cohort.lost, { kind: 'followup_cohort', outcome: 'lost', from, to, asOf }),
        notReached: fig(followUp.cohort.notReached, { kind: 'followup_cohort', outcome: 'notReached', from, to, asOf }),
      },
      abstinenceRateReached: asPercent(followUp.cohort.abstinenceRateReached),
      abstinenceRateAll: asPercent(followUp.cohort.abstinenceRateAll),
      due: fig(followUp.due.due, { kind: 'followup_due', status: 'due', on: input.today }),
      overdue: fig(followUp.due.overdue, { kind: 'followup_due', status: 'overdue', on: input.today }),
    },
  }
}

const canReadAftercare = (ctx: Ctx) => ctx.actor?.permissions.includes('aftercare.read') ?? false

export const statsHandlers = {
  'stats:dashboard': (input, ctx) => {
    const now = today(ctx)
    // Figures of days to come would read as zeros, not as "not yet known".
    if (input.asOf !== undefined && input.asOf > now) throw ruleViolation('stats.as_of_future', 'asOf', { today: now })
    return dashboard(ctx.db, readableWards(ctx), { asOf: input.asOf ?? now, months: input.months, today: now, followUp: canReadAftercare(ctx) })
  },
  'stats:people': (input, ctx) => {
    const followUp = input.figure.kind === 'followup_cohort' || input.figure.kind === 'followup_due'
    if (followUp && !canReadAftercare(ctx)) throw new AppError('forbidden', 'err.forbidden')
    return figurePeoplePage(ctx.db, peopleBase(ctx.db, input.figure, readableWards(ctx)), input.offset, input.limit)
  },
} satisfies HandlersFor<typeof statsContract>
