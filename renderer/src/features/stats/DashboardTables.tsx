import { Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { STATS_FITNESS_GRADES, STATS_FOLLOWUP_OUTCOMES, STATS_PERIOD_KEYS, STATS_RELEASE_KINDS, STATS_VOCATIONAL_FIGURES, type DashboardFigure, type StatsDashboard } from '@shared/contract/stats'
import { percent } from './statsUi'

/** How a number is shown: a button on screen, plain text on paper. */
export type RenderFigure = (figure: DashboardFigure, strong?: boolean) => ReactNode

interface Props {
  data: StatsDashboard
  num: RenderFigure
}

const tableProps = { withTableBorder: true, withColumnBorders: true, striped: true, fz: 'sm' } as const
const right = { textAlign: 'right' } as const

export function WardPeriodTable({ data, num }: Props) {
  const { t } = useTranslation()
  const sum = (p: (typeof STATS_PERIOD_KEYS)[number]) => data.current.wards.reduce((s, w) => s + w.byPeriod[p].value, 0)
  return (
    <Table {...tableProps} data-testid="stats-table-wards">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('stats.cols.ward')}</Table.Th>
          {STATS_PERIOD_KEYS.map((p) => <Table.Th key={p} style={right}>{p === 'none' ? t('stats.periodNone') : t(`periodShort.${p}`)}</Table.Th>)}
          <Table.Th style={right}>{t('stats.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.current.wards.map((w) => (
          <Table.Tr key={w.wardId}>
            <Table.Td>{w.wardName}</Table.Td>
            {STATS_PERIOD_KEYS.map((p) => <Table.Td key={p} style={right}>{num(w.byPeriod[p])}</Table.Td>)}
            <Table.Td style={right}>{num(w.total, true)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={700}>{t('stats.total')}</Table.Td>
          {STATS_PERIOD_KEYS.map((p) => <Table.Td key={p} style={right} className="tabular">{sum(p)}</Table.Td>)}
          <Table.Td style={right}>{num(data.current.total, true)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}

export function MonthsTable({ data, num }: Props) {
  const { t } = useTranslation()
  return (
    <Table {...tableProps} data-testid="stats-table-months">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('stats.cols.month')}</Table.Th>
          <Table.Th style={right}>{t('stats.cols.admissions')}</Table.Th>
          <Table.Th style={right}>{t('stats.cols.releases')}</Table.Th>
          {STATS_RELEASE_KINDS.map((k) => <Table.Th key={k} style={right}>{t(`stats.releaseKind.${k}`)}</Table.Th>)}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.perMonth.map((m) => (
          <Table.Tr key={m.month}>
            <Table.Td className="tabular">{m.month}</Table.Td>
            <Table.Td style={right}>{num(m.admissions, true)}</Table.Td>
            <Table.Td style={right}>{num(m.releases, true)}</Table.Td>
            {STATS_RELEASE_KINDS.map((k) => <Table.Td key={k} style={right}>{num(m.releasesByKind[k])}</Table.Td>)}
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={700}>{t('stats.total')}</Table.Td>
          <Table.Td style={right} className="tabular" fw={700}>{data.perMonth.reduce((s, m) => s + m.admissions.value, 0)}</Table.Td>
          <Table.Td style={right} className="tabular" fw={700}>{data.perMonth.reduce((s, m) => s + m.releases.value, 0)}</Table.Td>
          {STATS_RELEASE_KINDS.map((k) => <Table.Td key={k} style={right} className="tabular">{data.perMonth.reduce((s, m) => s + m.releasesByKind[k].value, 0)}</Table.Td>)}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}

function FigureRows({ rows, num }: { rows: Array<{ key: string; label: string; figure?: DashboardFigure; text?: string }>; num: RenderFigure }) {
  return (
    <>
      {rows.map((r) => (
        <Table.Tr key={r.key}>
          <Table.Td>{r.label}</Table.Td>
          <Table.Td style={right}>{r.figure ? num(r.figure, true) : <Text span fw={700} fz="inherit" className="tabular">{r.text}</Text>}</Table.Td>
        </Table.Tr>
      ))}
    </>
  )
}

function TwoColumn({ testId, rows, num }: { testId: string; rows: Array<{ key: string; label: string; figure?: DashboardFigure; text?: string }>; num: RenderFigure }) {
  const { t } = useTranslation()
  return (
    <Table {...tableProps} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('stats.cols.figure')}</Table.Th>
          <Table.Th style={right}>{t('stats.cols.count')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <FigureRows rows={rows} num={num} />
      </Table.Tbody>
    </Table>
  )
}

export function PsychTable({ data, num }: Props) {
  const { t } = useTranslation()
  const rows = (['openTasks', 'openCrises', 'flaggedScreening'] as const).map((k) => ({ key: k, label: t(`stats.psych.${k}`), figure: data.psych[k] }))
  return <TwoColumn testId="stats-table-psych" rows={rows} num={num} />
}

export function FitnessTable({ data, num }: Props) {
  const { t } = useTranslation()
  const rows = STATS_FITNESS_GRADES.map((g) => ({ key: g, label: t(`stats.grade.${g}`), figure: data.fitness.grades[g] }))
  return <TwoColumn testId="stats-table-fitness" rows={rows} num={num} />
}

export function VocationalTable({ data, num }: Props) {
  const { t } = useTranslation()
  const v = data.vocational
  const rows = [
    ...STATS_VOCATIONAL_FIGURES.map((f) => ({ key: f, label: t(`stats.vocational.${f}`), figure: v.figures[f] })),
    { key: 'passRate', label: t('stats.vocational.passRate'), text: percent(v.passRate) },
    { key: 'certificationRate', label: t('stats.vocational.certificationRate'), text: percent(v.certificationRate) },
  ]
  return <TwoColumn testId="stats-table-vocational" rows={rows} num={num} />
}

export function DueTable({ data, num }: Props) {
  const { t } = useTranslation()
  return (
    <Table {...tableProps} data-testid="stats-table-due">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('stats.cols.centre')}</Table.Th>
          <Table.Th style={right}>{t('stats.cols.due')}</Table.Th>
          <Table.Th style={right}>{t('stats.cols.overdue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.dueWork.centres.map((c) => (
          <Table.Tr key={c.centre}>
            <Table.Td>{t(`duework.centre.${c.centre}`)}</Table.Td>
            <Table.Td style={right}>{num(c.due)}</Table.Td>
            <Table.Td style={right}>{num(c.overdue)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={700}>{t('stats.total')}</Table.Td>
          <Table.Td style={right}>{num(data.dueWork.due, true)}</Table.Td>
          <Table.Td style={right}>{num(data.dueWork.overdue, true)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  )
}

export function FollowUpTable({ data, num }: Props) {
  const { t } = useTranslation()
  const f = data.followUp
  if (!f) return <Text c="dimmed" fz="sm" data-testid="stats-followup-none">{t('stats.followUp.none')}</Text>
  const rows = [
    ...STATS_FOLLOWUP_OUTCOMES.map((o) => ({ key: o, label: t(`stats.followUp.${o}`), figure: f.cohort[o] })),
    { key: 'rateReached', label: t('stats.followUp.rateReached'), text: percent(f.abstinenceRateReached) },
    { key: 'rateAll', label: t('stats.followUp.rateAll'), text: percent(f.abstinenceRateAll) },
    { key: 'due', label: t('stats.followUp.due'), figure: f.due },
    { key: 'overdue', label: t('stats.followUp.overdue'), figure: f.overdue },
  ]
  return <TwoColumn testId="stats-table-followup" rows={rows} num={num} />
}
