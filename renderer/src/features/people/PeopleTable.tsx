import { Badge, Group, Paper, Table, Text } from '@mantine/core'
import { IconUsers } from '@tabler/icons-react'
import { memo, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import type { PersonListRow } from '@shared/contract'
import { DaysToLastDay } from '../../components/DaysToLastDay'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PERIOD_COLORS } from '../../components/PeriodBadge'
import { PERIODS, type Period } from '@shared/domain/periods'
import { SortableTh } from '../../components/SortableTh'
import { TableSkeleton } from '../../components/TableSkeleton'
import { VirtualTable, type VirtualRow } from '../../components/VirtualTable'
import { markRowsRendered } from '../../lib/perfMarks'
import { listFilters, PERIOD_SORTS, type RosterQuery, type RosterSort } from './rosterParams'
import { usePeopleBlocks } from './usePeopleBlocks'

/** Fixed: a Mantine badge and a line of text fit with room; any position in 53,000 rows is then known without loading. */
const ROW_HEIGHT = 40

interface Props {
  query: RosterQuery
  onChange: (patch: Partial<RosterQuery>) => void
  /** Set on a ward's roster; the all-people list shows a ward column instead. */
  wardId?: string
  emptyText: string
}

/** A file whose stay has ended: no current ward (it stays listed and searchable for years). */
const isPast = (row: PersonListRow) => row.wardId === null && !row.voided

/**
 * The people of a ward or of the whole facility, sorted by the server and fetched in blocks as they scroll into view
 * (usePeopleBlocks), in a virtualised table: 53,000 files scroll like 50.
 */
export function PeopleTable({ query, onChange, wardId, emptyText }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const location = useLocation()
  const filters = useMemo(() => listFilters(query, wardId), [query, wardId])
  const resetKey = JSON.stringify(filters)
  const list = usePeopleBlocks(filters)
  const texts = useCellTexts()
  // Past files only: no period to show or sort by, so those columns go (every cell would be "—").
  const pastOnly = !wardId && filters.stay === 'past'
  // The ward column says where each person is; on the past-only list every cell would say 已出所.
  const withWard = !wardId && !pastOnly

  useRenderedMarks(resetKey, wardId, filters.stay, list.stale ? [] : list.loadedBlocks)

  const sort = (column: RosterSort) => onChange({ sort: column, dir: query.sort === column && query.dir === 'asc' ? 'desc' : 'asc' })
  const th = (column: RosterSort, label: string, align?: 'right') => (
    <SortableTh column={column} sort={query.sort} dir={query.dir} onSort={sort} align={align}>
      {label}
    </SortableTh>
  )
  const shows = (column: RosterSort) => !(pastOnly && PERIOD_SORTS.includes(column))
  const colWidths = [undefined, 80, 120, ...(withWard ? [160] : []), ...(pastOnly ? [] : [120, 110]), 140, 130]
  const head = (
    <Table.Tr>
      {th('name', t('col.name'))}
      <Table.Th>{t('col.sex')}</Table.Th>
      <Table.Th>{t('col.idTail')}</Table.Th>
      {withWard && <Table.Th>{t('col.ward')}</Table.Th>}
      {shows('period') && th('period', t('col.period'))}
      {shows('daysInPeriod') && th('daysInPeriod', t('col.daysInPeriod'), 'right')}
      {th('daysToLastDay', pastOnly ? t('col.lastDay') : t('col.daysToLastDay'), 'right')}
      {th('decisionDate', t('col.decisionDate'))}
    </Table.Tr>
  )

  const rowAt = (index: number): VirtualRow | null => {
    const row = list.rowAt(index)
    // Memoised cells: a re-render of the table (a ward switch, a scroll) skips the rows whose data did not change.
    return row ? { key: row.id, cells: <PeopleCells row={row} pastOnly={pastOnly} withWard={withWard} texts={texts} />, dimmed: row.voided } : null
  }
  const open = (index: number) => {
    const row = list.rowAt(index)
    if (row) void navigate(`/people/${row.id}`)
  }

  const filtered = Boolean(query.q || query.period || query.sex || (!wardId && query.wardId))
  if (list.isPending) {
    return (
      <Paper p={0}>
        <TableSkeleton />
      </Paper>
    )
  }
  if (list.total === null) return <ErrorAlert error={list.error} onRetry={list.retry} />
  return (
    <>
      {list.error && <ErrorAlert error={list.error} onRetry={list.retry} />}
      <Group justify="space-between" mb={6} mt={list.error ? 'sm' : 0}>
        <Text fz="sm" c="dimmed" className="tabular" data-testid="people-total">
          {t('roster.count', { count: list.total })}
        </Text>
      </Group>
      <Paper p={0}>
        {list.total === 0 && !list.stale ? (
          <EmptyState icon={<IconUsers size={24} />} title={filtered ? t('roster.emptyFiltered') : emptyText} />
        ) : (
          <VirtualTable
            count={list.total}
            rowHeight={ROW_HEIGHT}
            colWidths={colWidths}
            head={head}
            row={rowAt}
            onOpen={open}
            onRangeChange={list.onRangeChange}
            restoreKey={location.key}
            resetKey={resetKey}
            stale={list.stale}
            testId="people-table"
          />
        )}
      </Paper>
    </>
  )
}

/** Texts every row shows, translated once per table rather than once per cell (i18next's t() is not free). */
function useCellTexts() {
  const { t } = useTranslation()
  return useMemo(
    () => ({
      sex: { M: t('sex.M'), F: t('sex.F') },
      period: Object.fromEntries(PERIODS.map((p) => [p, t(`period.${p}`)])) as Record<Period, string>,
      noPeriod: t('file.noPeriod'),
      past: t('roster.past'),
      voided: t('common.voided'),
    }),
    [t],
  )
}
type CellTexts = ReturnType<typeof useCellTexts>

const DASH = <span className="cell-dim">—</span>

/**
 * One person's cells, in plain elements (a roster renders some thirty rows on every ward switch; Mantine components
 * cost more per cell than the table can afford). Memoised on the row object (the same object while its block is cached).
 */
const PeopleCells = memo(function PeopleCells({ row, pastOnly, withWard, texts }: { row: PersonListRow; pastOnly: boolean; withWard: boolean; texts: CellTexts }) {
  const past = isPast(row)
  return (
    <>
      <td>
        <span className="cell-name" data-voided={row.voided || undefined}>
          {row.name}
        </span>
        {row.voided && (
          <Badge size="xs" color="red" variant="light" ml={6}>
            {texts.voided}
          </Badge>
        )}
      </td>
      <td>{texts.sex[row.sex]}</td>
      <td className="tabular">{row.idTail}</td>
      {withWard && (
        <td>
          {past ? (
            <span className="cell-chip" data-color="gray" data-testid="past-file">
              {texts.past}
            </span>
          ) : (
            (row.wardName ?? '—')
          )}
        </td>
      )}
      {!pastOnly && (
        <td>
          {past ? (
            DASH
          ) : (
            <span className="cell-chip" data-color={row.period ? PERIOD_COLORS[row.period] : 'gray'}>
              {row.period ? texts.period[row.period] : texts.noPeriod}
            </span>
          )}
        </td>
      )}
      {!pastOnly && <td className="tabular cell-right">{past || row.daysInPeriod === null ? DASH : row.daysInPeriod}</td>}
      <td className="tabular cell-right">
        {past ? (
          // Released: the last day is a date in the past, not a warning (the red badge is for people still inside).
          <span className="cell-dim">{row.lastDay ?? '—'}</span>
        ) : row.termWarning ? (
          <DaysToLastDay days={row.daysToLastDay} warning={row.termWarning} />
        ) : (
          (row.daysToLastDay ?? DASH)
        )}
      </td>
      <td className="tabular">{row.decisionDate}</td>
    </>
  )
})

/**
 * Performance marks for `npm run bench:ui` (tests/bench/ui.ts reads them back): each block of a list once its rows are
 * on screen, and for a ward's roster its first rows (`xinsheng:roster-rendered`, detail.wardId).
 */
function useRenderedMarks(listKey: string, wardId: string | undefined, stay: string, blocks: number[]) {
  const marked = useRef({ listKey: '', blocks: new Set<number>() })
  const blockList = blocks.join(',')
  useEffect(() => {
    if (marked.current.listKey !== listKey) marked.current = { listKey, blocks: new Set() }
    for (const block of blockList ? blockList.split(',').map(Number) : []) {
      if (marked.current.blocks.has(block)) continue
      marked.current.blocks.add(block)
      markRowsRendered(wardId ? { list: 'roster', wardId, block } : { list: 'people', stay, block })
    }
  }, [listKey, wardId, stay, blockList])
}
