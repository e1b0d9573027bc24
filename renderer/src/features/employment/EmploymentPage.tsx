import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Tabs, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Pager } from '../../components/Pager'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate, todayIso } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { useFacility } from '../shell/useFacility'
import { EventModal } from './EventModal'
import { ReferralTable } from './ReferralTable'

const LIMIT = 50

/** /employment — job fairs and employer visits, and the signed agreements whose outcome after release is still unknown. */
export function EmploymentPage() {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const can = useCan()
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  return (
    <Stack gap="md">
      <PageHeader
        title={t('employment.title')}
        subtitle={t('employment.subtitle')}
        actions={can('vocational.record') && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-event">{t('employment.newEvent')}</Button>
        )}
      />
      <Tabs defaultValue="events" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="events">{t('employment.tabs.events')}</Tabs.Tab>
          <Tabs.Tab value="awaiting" data-testid="tab-awaiting">{t('employment.tabs.awaiting')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="events" pt="md"><EventList today={today} /></Tabs.Panel>
        <Tabs.Panel value="awaiting" pt="md"><Awaiting today={today} /></Tabs.Panel>
      </Tabs>
      {creating && <EventModal today={today} onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/employment/events/${id}`)} />}
    </Stack>
  )
}

function EventList({ today }: { today: string }) {
  const { t } = useTranslation()
  const thisYear = Number(today.slice(0, 4))
  const [year, setYear] = useState<number | undefined>(thisYear)
  const [offset, setOffset] = useState(0)
  const events = useApiQuery('employment:events', { ...(year === undefined ? {} : { year }), offset, limit: LIMIT }, { keepPrevious: true })
  return (
    <Paper p="lg">
      <Group mb="md">
        <Select
          w={140}
          aria-label={t('employment.year')}
          placeholder={t('employment.allYears')}
          clearable
          data={Array.from({ length: 10 }, (_, i) => String(thisYear - i))}
          value={year === undefined ? null : String(year)}
          onChange={(v) => {
            setYear(v ? Number(v) : undefined)
            setOffset(0)
          }}
        />
      </Group>
      {events.isError && <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />}
      {events.isPending && <TableSkeleton rows={5} />}
      {events.data && events.data.total === 0 && <EmptyState title={t('employment.noEvents')} hint={t('employment.noEventsHint')} />}
      {events.data && events.data.total > 0 && (
        <>
          <Table striped highlightOnHover withTableBorder data-testid="event-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('employment.eventDate')}</Table.Th>
                <Table.Th>{t('employment.kindLabel')}</Table.Th>
                <Table.Th>{t('employment.employer')}</Table.Th>
                <Table.Th>{t('employment.positions')}</Table.Th>
                <Table.Th ta="right">{t('employment.positionsOffered')}</Table.Th>
                <Table.Th ta="right">{t('employment.referred')}</Table.Th>
                <Table.Th ta="right">{t('employment.agreements')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.rows.map((e) => (
                <Table.Tr key={e.id} data-testid="event-row">
                  <Table.Td className="tabular">{formatDate(e.eventDate)}</Table.Td>
                  <Table.Td><Badge variant="light" color={e.kind === 'job_fair' ? 'blue' : 'grape'}>{t(`employment.kind.${e.kind}`)}</Badge></Table.Td>
                  <Table.Td><Anchor component={Link} to={`/employment/events/${e.id}`}>{e.employer}</Anchor></Table.Td>
                  <Table.Td><Text fz="sm" lineClamp={1} maw={320}>{e.positions ?? '—'}</Text></Table.Td>
                  <Table.Td ta="right" className="tabular">{e.positionsOffered ?? '—'}</Table.Td>
                  <Table.Td ta="right" className="tabular">{e.referred}</Table.Td>
                  <Table.Td ta="right" className="tabular">{e.agreements}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager offset={offset} limit={LIMIT} total={events.data.total} onChange={setOffset} />
        </>
      )}
    </Paper>
  )
}

function Awaiting({ today }: { today: string }) {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const list = useApiQuery('employment:awaitingOutcome', { offset, limit: LIMIT }, { keepPrevious: true })
  return (
    <Paper p="lg">
      <Text fz="sm" c="dimmed" mb="sm">{t('employment.awaitingHint')}</Text>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton rows={5} />}
      {list.data && list.data.hidden > 0 && <Alert color="yellow" variant="light" mb="sm">{t('employment.hidden', { count: list.data.hidden })}</Alert>}
      {list.data && list.data.total === 0 && <EmptyState title={t('employment.noAwaiting')} />}
      {list.data && list.data.total > 0 && (
        <>
          <ReferralTable rows={list.data.rows} today={today} columns={['person', 'employer', 'event']} />
          <Pager offset={offset} limit={LIMIT} total={list.data.total} onChange={setOffset} />
        </>
      )}
    </Paper>
  )
}
