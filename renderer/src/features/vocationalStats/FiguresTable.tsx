import { Table, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CourseFigures, CourseKind } from '@shared/domain/vocational'
import type { FigureRow, FiguresResult, StatsGrouping } from '@shared/contract/vocationalStats'
import { EmptyState } from '../../components/EmptyState'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate } from '../../lib/format'
import { percent, type DrillDown } from './statsUi'

type CountFigure = 'enrolled' | 'withdrawn' | 'completed' | 'sat' | 'passed' | 'failed' | 'certified'
const COUNTS: readonly CountFigure[] = ['enrolled', 'withdrawn', 'completed', 'sat', 'passed', 'failed', 'certified']
const countOf = (f: CourseFigures, figure: CountFigure) => (figure === 'failed' ? f.sat - f.passed : f[figure])

/** One row per course, trade or year and the total; every count opens the list of the people it counts. */
export function FiguresTable({ result, loading, groupBy, kind, years, onOpen }: {
  result: FiguresResult | undefined
  loading: boolean
  groupBy: StatsGrouping
  kind: CourseKind
  years: { fromYear?: number; toYear?: number }
  onOpen: (drill: DrillDown) => void
}) {
  const { t } = useTranslation()
  if (loading || !result) return <TableSkeleton rows={6} />
  if (result.rows.length === 0) return <EmptyState title={t('vstats.noRows')} hint={t('vstats.noRowsHint')} />
  // Education classes have no exams or certificates: their columns would be zeros and dashes.
  const figures = kind === 'education' ? COUNTS.filter((f) => f === 'enrolled' || f === 'withdrawn' || f === 'completed') : COUNTS
  const groupInput = (row: FigureRow | null): DrillDown['input'] => {
    const base = { kind, ...years }
    if (row === null) return { ...base, figure: 'enrolled', group: 'total' }
    if (groupBy === 'course') return { ...base, figure: 'enrolled', group: 'course', courseId: row.key }
    if (groupBy === 'trade') return { ...base, figure: 'enrolled', group: 'trade', tradeId: row.key }
    return { ...base, figure: 'enrolled', group: 'year', year: Number(row.key) }
  }
  const cell = (row: FigureRow | null, f: CourseFigures, figure: CountFigure) => {
    const value = countOf(f, figure)
    const label = row === null ? t('vstats.totalGroup', { kind: t(`vstats.kind.${kind}`) }) : row.label
    return (
      <Table.Td ta="right" key={figure}>
        {value === 0 ? (
          <Text c="dimmed" fz="sm" className="tabular">0</Text>
        ) : (
          <UnstyledButton
            className="tabular"
            c="blue.8"
            fw={row === null ? 700 : 500}
            style={{ textDecoration: 'underline dotted' }}
            onClick={() => onOpen({ figure, groupLabel: label, input: { ...groupInput(row), figure } })}
            data-testid={`vstats-cell-${figure}`}
            data-group={row?.key ?? 'total'}
          >
            {value}
          </UnstyledButton>
        )}
      </Table.Td>
    )
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover withTableBorder data-testid="vstats-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`vstats.cols.group.${groupBy}`)}</Table.Th>
            {groupBy === 'course' && <Table.Th>{kind === 'vocational' ? t('vstats.cols.trade') : ''}</Table.Th>}
            {groupBy === 'course' && <Table.Th>{t('vstats.cols.startDate')}</Table.Th>}
            {figures.map((f) => <Table.Th key={f} ta="right">{t(`vstats.cols.${f}`)}</Table.Th>)}
            {kind === 'vocational' && <Table.Th ta="right">{t('vstats.cols.passRate')}</Table.Th>}
            {kind === 'vocational' && <Table.Th ta="right">{t('vstats.cols.certificationRate')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.rows.map((row) => (
            <Table.Tr key={row.key} data-testid="vstats-row" data-key={row.key}>
              <Table.Td>{row.label}</Table.Td>
              {groupBy === 'course' && <Table.Td>{row.trade ?? ''}</Table.Td>}
              {groupBy === 'course' && <Table.Td className="tabular">{formatDate(row.startDate)}</Table.Td>}
              {figures.map((f) => cell(row, row, f))}
              {kind === 'vocational' && <Table.Td ta="right" className="tabular">{percent(row.passRate)}</Table.Td>}
              {kind === 'vocational' && <Table.Td ta="right" className="tabular">{percent(row.certificationRate)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t('vstats.total')}</Table.Td>
            {groupBy === 'course' && <Table.Td />}
            {groupBy === 'course' && <Table.Td />}
            {figures.map((f) => cell(null, result.total, f))}
            {kind === 'vocational' && <Table.Td ta="right" className="tabular" data-testid="vstats-total-passRate">{percent(result.total.passRate)}</Table.Td>}
            {kind === 'vocational' && <Table.Td ta="right" className="tabular">{percent(result.total.certificationRate)}</Table.Td>}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}
