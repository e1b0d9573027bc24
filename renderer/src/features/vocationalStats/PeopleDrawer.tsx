import { Alert, Anchor, Badge, Drawer, Stack, Table, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { StatsPersonRow } from '@shared/contract/vocationalStats'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Pager } from '../../components/Pager'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate } from '../../lib/format'
import type { DrillDown } from './statsUi'

const LIMIT = 50

/** The people behind one number, a page at a time; those outside the caller's wards are counted, not listed. */
export function PeopleDrawer({ drill, onClose }: { drill: DrillDown; onClose: () => void }) {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const list = useApiQuery('vocationalStats:people', { ...drill.input, offset, limit: LIMIT }, { keepPrevious: true })
  const figureName = figureLabel(t, drill.figure)
  const period = drill.input.group === 'period'
  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('vstats.people.title', { figure: figureName })} data-testid="vstats-people">
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">{t('vstats.people.of', { group: drill.groupLabel, figure: figureName })}</Text>
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending && <TableSkeleton rows={6} />}
        {list.data && (
          <>
            <Text fw={600} data-testid="vstats-people-count">{t('vstats.people.count', { count: list.data.total + list.data.hidden })}</Text>
            {list.data.hidden > 0 && (
              <Alert color="yellow" variant="light" data-testid="vstats-people-hidden">{t('vstats.people.hidden', { count: list.data.hidden })}</Alert>
            )}
            {list.data.rows.length === 0 ? (
              <Text c="dimmed">{t('vstats.people.empty')}</Text>
            ) : (
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('vstats.people.name')}</Table.Th>
                    <Table.Th>{t('vstats.people.ward')}</Table.Th>
                    <Table.Th>{period && drill.figure !== 'sat' && drill.figure !== 'passed' && drill.figure !== 'failed' ? (drill.figure === 'certified' ? t('vstats.people.course') : t('vstats.people.employer')) : t('vstats.people.course')}</Table.Th>
                    <Table.Th>{t('vstats.people.status')}</Table.Th>
                    <Table.Th>{t('vstats.people.date')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.rows.map((r) => (
                    <Table.Tr key={`${r.personId}/${r.courseId ?? ''}`} data-testid="vstats-person-row" data-person-id={r.personId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/people/${r.personId}?tab=vocational`}>{r.name}</Anchor>
                      </Table.Td>
                      <Table.Td>{r.wardName ?? <Badge color="gray" variant="light">{t('vstats.people.released')}</Badge>}</Table.Td>
                      <Table.Td>{r.employer ?? r.courseName ?? '—'}</Table.Td>
                      <Table.Td><RowStatus row={r} /></Table.Td>
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

/** What places the person in the figure: the certificate number, the exam result, the enrolment, the job outcome. */
function RowStatus({ row }: { row: StatsPersonRow }) {
  const { t } = useTranslation()
  const parts: string[] = []
  if (row.enrolmentStatus) parts.push(t(`vstats.status.${row.enrolmentStatus}`) + (row.withdrawReason ? `（${t(`vstats.withdraw.${row.withdrawReason}`)}）` : ''))
  if (row.examResult) parts.push(t(`vstats.result.${row.examResult}`))
  if (row.certificateNumber) parts.push(row.certificateNumber)
  if (row.jobTaken) parts.push(t(`vstats.jobTaken.${row.jobTaken}`))
  return <Text fz="sm" className="tabular">{parts.join(' · ') || '—'}</Text>
}

export function figureLabel(t: TFunction, figure: DrillDown['figure']): string {
  switch (figure) {
    case 'agreements':
      return t('vstats.cards.agreements')
    case 'referrals':
      return t('vstats.cards.referrals')
    case 'jobTaken':
      return t('vstats.cards.jobTaken')
    case 'enrolled':
    case 'withdrawn':
    case 'completed':
    case 'sat':
    case 'passed':
    case 'failed':
    case 'certified':
      return t(`vstats.cols.${figure}` as const)
  }
}
