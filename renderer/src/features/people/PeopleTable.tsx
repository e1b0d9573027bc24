import { Badge, Group, Paper, Table, Text } from '@mantine/core'
import { IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { PersonListRow } from '@shared/contract'
import { DaysToLastDay } from '../../components/DaysToLastDay'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Pager } from '../../components/Pager'
import { PeriodBadge } from '../../components/PeriodBadge'
import { SortableTh } from '../../components/SortableTh'
import { TableSkeleton } from '../../components/TableSkeleton'
import { useApiQuery } from '../../api/hooks'
import { listInput, PAGE_SIZE, type RosterQuery, type RosterSort } from './rosterParams'

interface Props {
  query: RosterQuery
  onChange: (patch: Partial<RosterQuery>) => void
  /** Set on a ward's roster; the all-wards list shows a ward column instead. */
  wardId?: string
  emptyText: string
}

/** Server-side paged, sorted roster of people. */
export function PeopleTable({ query, onChange, wardId, emptyText }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const list = useApiQuery('people:list', listInput(query, wardId), { keepPrevious: true })
  const sort = (column: RosterSort) =>
    onChange({ sort: column, dir: query.sort === column && query.dir === 'asc' ? 'desc' : 'asc' })
  const th = (column: RosterSort, label: string, align?: 'right') => (
    <SortableTh column={column} sort={query.sort} dir={query.dir} onSort={sort} align={align}>
      {label}
    </SortableTh>
  )
  const filtered = Boolean(query.q || query.period || query.sex || (!wardId && query.wardId))
  const open = (row: PersonListRow) => void navigate(`/people/${row.id}`)

  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
  return (
    <>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {list.isPending ? (
          <TableSkeleton />
        ) : list.data.rows.length === 0 ? (
          <EmptyState icon={<IconUsers size={24} />} title={filtered ? t('roster.emptyFiltered') : emptyText} />
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover stickyHeader striped="even" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} data-testid="people-table">
              <Table.Thead>
                <Table.Tr>
                  {th('name', t('col.name'))}
                  <Table.Th w={64}>{t('col.sex')}</Table.Th>
                  <Table.Th w={120}>{t('col.idTail')}</Table.Th>
                  {!wardId && <Table.Th>{t('col.ward')}</Table.Th>}
                  {th('period', t('col.period'))}
                  {th('daysInPeriod', t('col.daysInPeriod'), 'right')}
                  {th('daysToLastDay', t('col.daysToLastDay'), 'right')}
                  {th('decisionDate', t('col.decisionDate'))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((row) => (
                  <Table.Tr
                    key={row.id}
                    className="clickable-row"
                    tabIndex={0}
                    onClick={() => open(row)}
                    onKeyDown={(e) => e.key === 'Enter' && open(row)}
                    c={row.voided ? 'dimmed' : undefined}
                  >
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text fz="sm" fw={500} td={row.voided ? 'line-through' : undefined}>
                          {row.name}
                        </Text>
                        {row.voided && (
                          <Badge size="xs" color="red" variant="light">
                            {t('common.voided')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`sex.${row.sex}`)}</Table.Td>
                    <Table.Td className="tabular">{row.idTail}</Table.Td>
                    {!wardId && <Table.Td>{row.wardName ?? '—'}</Table.Td>}
                    <Table.Td>
                      <PeriodBadge period={row.period} />
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {row.daysInPeriod ?? '—'}
                    </Table.Td>
                    <Table.Td ta="right">
                      <DaysToLastDay days={row.daysToLastDay} warning={row.termWarning} />
                    </Table.Td>
                    <Table.Td className="tabular">{row.decisionDate}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {list.data && (list.data.total ?? 0) > 0 && (
        <Pager offset={query.offset} limit={PAGE_SIZE} total={list.data.total ?? 0} onChange={(offset) => {
            onChange({ offset })
            window.scrollTo({ top: 0 })
          }} />
      )}
    </>
  )
}
