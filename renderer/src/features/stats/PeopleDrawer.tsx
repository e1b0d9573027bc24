import { Anchor, Badge, Drawer, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { FigureRef } from '@shared/contract/stats'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Pager } from '../../components/Pager'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate } from '../../lib/format'
import { columnsOf, useDetail } from './statsUi'

const LIMIT = 50

/** The people behind one number, a page at a time (the count is the figure's own: they always agree). */
export function PeopleDrawer({ figure, title, onClose }: { figure: FigureRef; title: string; onClose: () => void }) {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const list = useApiQuery('stats:people', { figure, offset, limit: LIMIT }, { keepPrevious: true })
  const detail = useDetail(figure)
  const columns = columnsOf(figure)
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('stats.people.title', { figure: title })}>
      <Stack gap="sm" data-testid="stats-people">
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending && <TableSkeleton rows={6} />}
        {list.data && (
          <>
            <Text fw={600} data-testid="stats-people-count" data-value={list.data.total}>{t('stats.people.count', { count: list.data.total })}</Text>
            {list.data.rows.length === 0 ? (
              <Text c="dimmed">{t('stats.people.empty')}</Text>
            ) : (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('stats.people.name')}</Table.Th>
                    <Table.Th>{t('stats.people.idTail')}</Table.Th>
                    <Table.Th>{t('stats.people.ward')}</Table.Th>
                    <Table.Th>{t('stats.people.period')}</Table.Th>
                    {columns.detail && <Table.Th>{t(`stats.people.detailOf.${columns.detail}`)}</Table.Th>}
                    <Table.Th>{t(`stats.people.dateOf.${columns.date}`)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.rows.map((r, i) => (
                    <Table.Tr key={`${r.personId}/${i}`} data-testid="stats-person-row" data-person-id={r.personId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/people/${r.personId}`}>{r.name}</Anchor>
                      </Table.Td>
                      <Table.Td className="tabular">{r.idTail}</Table.Td>
                      <Table.Td>
                        {r.wardName ?? '—'}
                        {r.past && <Badge ml={6} size="xs" color="gray" variant="light">{t('stats.people.past')}</Badge>}
                      </Table.Td>
                      <Table.Td>{r.period ? t(`periodShort.${r.period}`) : '—'}</Table.Td>
                      {columns.detail && <Table.Td>{detail(r)}</Table.Td>}
                      <Table.Td className="tabular">{formatDate(r.date)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Pager offset={offset} limit={LIMIT} total={list.data.total} onChange={setOffset} />
          </>
        )}
      </Stack>
    </Drawer>
  )
}
