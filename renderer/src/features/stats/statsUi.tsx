import { UnstyledButton } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { figureRefSchema, STATS_MONTHS, type DashboardFigure, type DashboardPersonRow, type FigureRef } from '@shared/contract/stats'
import { isValidIsoDate } from '@shared/domain/dates'

/** A rate as "98.1%", or "—" when nobody was there to divide by. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`)

/** The dashboard's state in its URL (as-of date, months, the open list), so back and a reload keep it. */
export interface DashboardParams {
  asOf: string | undefined
  months: number
  figure: FigureRef | null
}

export function readParams(search: URLSearchParams): DashboardParams {
  const asOf = search.get('asOf')
  const months = Number(search.get('months'))
  let figure: FigureRef | null = null
  const raw = search.get('figure')
  if (raw) {
    try {
      const parsed = figureRefSchema.safeParse(JSON.parse(raw))
      if (parsed.success) figure = parsed.data as FigureRef
    } catch {
      figure = null
    }
  }
  return {
    asOf: asOf && isValidIsoDate(asOf) ? asOf : undefined,
    months: Number.isInteger(months) && months >= STATS_MONTHS.min && months <= STATS_MONTHS.max ? months : STATS_MONTHS.default,
    figure,
  }
}

/** A stable test id of a figure (its ref, flattened). */
export const figureTestId = (ref: FigureRef) => `fig-${Object.values(ref).join('-')}`

/** One clickable number: opens the list of people behind it. */
export function FigureNumber({ figure, onOpen, strong }: { figure: DashboardFigure; onOpen: (ref: FigureRef) => void; strong?: boolean }) {
  return (
    <UnstyledButton
      onClick={() => onOpen(figure.ref)}
      className="tabular stats-figure"
      data-testid={figureTestId(figure.ref)}
      data-value={figure.value}
      style={{ fontWeight: strong ? 700 : 500, color: figure.value > 0 ? 'var(--mantine-color-blue-8)' : 'var(--mantine-color-dimmed)', textDecoration: figure.value > 0 ? 'underline dotted' : 'none' }}
    >
      {figure.value}
    </UnstyledButton>
  )
}

const monthLabel = (ref: { month: string; toMonth?: string | undefined }) => (ref.toMonth && ref.toMonth !== ref.month ? `${ref.month} – ${ref.toMonth}` : ref.month)

/** What a list is of, in words (the drawer's title). */
export function figureTitle(t: TFunction, ref: FigureRef, wardName: (id: string) => string): string {
  switch (ref.kind) {
    case 'ward_period':
      return t('stats.figure.ward_period', { ward: wardName(ref.wardId), period: ref.period === 'none' ? t('stats.periodNone') : t(`period.${ref.period}`) })
    case 'ward_total':
      return t('stats.figure.ward_total', { ward: wardName(ref.wardId) })
    case 'current_total':
      return t('stats.figure.current_total')
    case 'admissions':
      return t('stats.figure.admissions', { month: monthLabel(ref) })
    case 'releases':
      return ref.releaseKind ? t('stats.figure.releasesKind', { month: monthLabel(ref), kind: t(`stats.releaseKind.${ref.releaseKind}`) }) : t('stats.figure.releases', { month: monthLabel(ref) })
    case 'psych_open_tasks':
      return t('stats.psych.openTasks')
    case 'psych_open_crises':
      return t('stats.psych.openCrises')
    case 'psych_flagged_screening':
      return t('stats.psych.flaggedScreening')
    case 'fitness_grade':
      return t('stats.figure.fitness_grade', { grade: t(`stats.grade.${ref.grade}`) })
    case 'vocational':
      return t('stats.figure.vocational', { figure: t(`stats.vocational.${ref.figure}`), from: ref.from, to: ref.to })
    case 'due_work':
      return t('stats.figure.due_work', { centre: ref.centre ? t(`duework.centre.${ref.centre}`) : t('stats.figure.due_all'), status: t(`duework.status.${ref.status}`), on: ref.on })
    case 'followup_cohort':
      return t('stats.figure.followup_cohort', { outcome: t(`stats.followUp.${ref.outcome}`), from: ref.from, to: ref.to })
    case 'followup_due':
      return t('stats.figure.followup_due', { status: t(`duework.status.${ref.status}`), on: ref.on })
  }
}

/** The figure's own column of a row, in words. */
export function useDetail(ref: FigureRef): (row: DashboardPersonRow) => string {
  const { t } = useTranslation()
  return (row) => {
    const d = row.detail
    if (d === null) return ref.kind === 'followup_cohort' ? t('stats.noStatus') : '—'
    switch (ref.kind) {
      case 'releases':
        return t(`stats.releaseKind.${d as 'on_time'}`)
      case 'fitness_grade':
        return t(`stats.grade.${d as 'good'}`)
      case 'psych_open_crises':
        return t(`psych.risk.${d as 'high'}`)
      case 'psych_flagged_screening':
        return d.toUpperCase()
      case 'due_work':
        return t(`duework.rule.${d as 'fitness_retest'}`)
      case 'followup_cohort':
        return t(`stats.contactStatus.${d as 'abstinent'}`)
      case 'followup_due':
        return t(`stats.slotKind.${d as 'periodic'}`)
      default:
        return d
    }
  }
}

type DateColumn = 'ward' | 'admissions' | 'releases' | 'psych_open_tasks' | 'psych_open_crises' | 'psych_flagged_screening' | 'fitness_grade' | 'vocational' | 'due_work' | 'followup'
type DetailColumn = Exclude<DateColumn, 'ward' | 'admissions'>

/** The headers of a list's own two columns (its detail, if it has one, and the date that puts a person in it). */
export function columnsOf(ref: FigureRef): { date: DateColumn; detail: DetailColumn | null } {
  switch (ref.kind) {
    case 'ward_period':
    case 'ward_total':
    case 'current_total':
      return { date: 'ward', detail: null }
    case 'admissions':
      return { date: 'admissions', detail: null }
    case 'followup_cohort':
    case 'followup_due':
      return { date: 'followup', detail: 'followup' }
    default:
      return { date: ref.kind, detail: ref.kind }
  }
}
