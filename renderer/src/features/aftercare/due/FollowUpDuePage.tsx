import { Anchor, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { IconAlertTriangle, IconBuildingCommunity, IconChartBar, IconClockExclamation } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { DueFollowUp } from '@shared/contract'
import { isValidIsoDate } from '@shared/domain/dates'
import { useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { StatCard } from '../../../components/StatCard'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { todayIso } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { STATUS_COLOR } from '../aftercareUi'

type Grouping = 'station' | 'month' | 'none'
type Filter = 'all' | 'due' | 'overdue'

/** /aftercare[?date=…]: the due and overdue follow-ups, like the ward's day — each row opens the person or records the contact. */
export function FollowUpDuePage() {
  const { t } = useTranslation()
  const can = useCan()
  const today = useFacility().data?.today ?? todayIso()
  const [params, setParams] = useSearchParams()
  const asked = params.get('date')
  const date = asked && isValidIsoDate(asked) ? asked : today
  const [grouping, setGrouping] = useState<Grouping>('station')
  const [filter, setFilter] = useState<Filter>('all')
  const [name, setName] = useState('')
  const screen = useApiQuery('aftercare:due', { date }, { keepPrevious: true })
  const setDate = (next: string) => {
    const search = new URLSearchParams(params)
    if (next && next !== today && isValidIsoDate(next)) search.set('date', next)
    else search.delete('date')
    setParams(search, { replace: true })
  }
  const rows = (screen.data?.rows ?? []).filter((r) => (filter === 'all' || r.state === filter) && (name.trim() === '' || r.personName.includes(name.trim())))
  const groups = groupRows(rows, grouping, t)

  return (
    <Stack gap="md" data-testid="aftercare-due">
      <PageHeader
        title={t('aftercare.due.title')}
        subtitle={t('aftercare.due.subtitle')}
        actions={
          <>
            <Button component={Link} to="/aftercare/cohorts" variant="default" leftSection={<IconChartBar size={16} />}>{t('aftercare.due.cohortsLink')}</Button>
            <Button component={Link} to="/aftercare/stations" variant="default" leftSection={<IconBuildingCommunity size={16} />}>{t('aftercare.due.stationsLink')}</Button>
          </>
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <DateField label={t('aftercare.due.date')} value={date} onChange={setDate} w={160} data-testid="aftercare-due-date" />
        {date !== today && <Button variant="light" onClick={() => setDate(today)}>{today}</Button>}
        <SegmentedControl value={grouping} onChange={(v) => setGrouping(v as Grouping)} data={(['station', 'month', 'none'] as const).map((g) => ({ value: g, label: t(`aftercare.due.group.${g}`) }))} />
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: t('aftercare.due.filterAll') },
            { value: 'due', label: t('aftercare.due.dueCount') },
            { value: 'overdue', label: t('aftercare.due.overdueCount') },
          ]}
          data-testid="aftercare-due-filter"
        />
        <TextInput label={t('aftercare.due.search')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={160} />
      </Group>
      {screen.isError && <ErrorAlert error={screen.error} onRetry={() => void screen.refetch()} />}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard testId="aftercare-count-overdue" label={t('aftercare.due.overdueCount')} value={screen.data?.overdue ?? 0} color="red" icon={<IconAlertTriangle size={22} />} toggle={{ active: filter === 'overdue', onClick: () => setFilter(filter === 'overdue' ? 'all' : 'overdue') }} />
        <StatCard testId="aftercare-count-due" label={t('aftercare.due.dueCount')} value={screen.data?.due ?? 0} color="yellow" icon={<IconClockExclamation size={22} />} toggle={{ active: filter === 'due', onClick: () => setFilter(filter === 'due' ? 'all' : 'due') }} />
      </SimpleGrid>
      {screen.isPending ? (
        <Paper p="lg"><TableSkeleton rows={6} /></Paper>
      ) : rows.length === 0 ? (
        <Paper p="lg"><Text c="dimmed" data-testid="aftercare-due-empty">{screen.data?.rows.length ? t('aftercare.due.emptyFiltered') : t('aftercare.due.empty')}</Text></Paper>
      ) : (
        groups.map((g) => (
          <Paper key={g.key} p="md" style={{ opacity: screen.isPlaceholderData ? 0.6 : 1 }}>
            {grouping !== 'none' && (
              <Group gap="xs" mb="xs">
                <Title order={6}>{g.label}</Title>
                <Badge variant="light" color="gray">{g.rows.length}</Badge>
              </Group>
            )}
            <DueTable rows={g.rows} writable={can('aftercare.record')} />
          </Paper>
        ))
      )}
    </Stack>
  )
}

function groupRows(rows: DueFollowUp[], grouping: Grouping, t: TFunction) {
  if (grouping === 'none') return [{ key: 'all', label: '', rows }]
  const map = new Map<string, { key: string; label: string; rows: DueFollowUp[] }>()
  for (const r of rows) {
    const key = grouping === 'station' ? (r.stationId ?? '') : r.releaseDate.slice(0, 7)
    const label = grouping === 'station' ? (r.stationName ?? t('aftercare.due.noStation')) : t('aftercare.due.releaseMonth', { month: key })
    if (!map.has(key)) map.set(key, { key, label, rows: [] })
    map.get(key)!.rows.push(r)
  }
  return [...map.values()].sort((a, b) => (grouping === 'month' ? b.key.localeCompare(a.key) : a.key === '' ? 1 : b.key === '' ? -1 : a.label.localeCompare(b.label, 'zh-CN')))
}

function DueTable({ rows, writable }: { rows: DueFollowUp[]; writable: boolean }) {
  const { t } = useTranslation()
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('aftercare.common.person')}</Table.Th>
          <Table.Th>{t('aftercare.due.released')}</Table.Th>
          <Table.Th>{t('aftercare.due.slot')}</Table.Th>
          <Table.Th>{t('aftercare.due.dueOn')}</Table.Th>
          <Table.Th>{t('aftercare.due.state')}</Table.Th>
          <Table.Th>{t('aftercare.due.last')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.slotId} data-testid="aftercare-due-row" data-person-id={r.personId} data-state={r.state}>
            <Table.Td>
              <Anchor component={Link} to={`/people/${r.personId}?tab=aftercare`}>{r.personName}</Anchor>
            </Table.Td>
            <Table.Td className="tabular">
              {r.releaseDate}
              <Text fz="xs" c="dimmed">{t(`aftercare.kind.${r.releaseKind}`)}</Text>
            </Table.Td>
            <Table.Td>{r.seq}. {t(`aftercare.slotKind.${r.slotKind}`)}</Table.Td>
            <Table.Td className="tabular">{r.dueOn}</Table.Td>
            <Table.Td>
              {r.state === 'overdue' ? (
                <Badge color="red" variant="light">{t('aftercare.due.overdueBy', { days: r.daysOverdue })}</Badge>
              ) : (
                <Badge color="yellow" variant="light">{t('aftercare.slotState.due')}</Badge>
              )}
            </Table.Td>
            <Table.Td>
              {r.lastContactOn ? (
                <Group gap={4}>
                  <Text fz="sm" className="tabular">{r.lastContactOn}</Text>
                  {r.lastStatus && <Badge size="sm" variant="light" color={STATUS_COLOR[r.lastStatus]}>{t(`aftercare.status.${r.lastStatus}`)}</Badge>}
                </Group>
              ) : (
                <Text fz="sm" c="dimmed">{t('aftercare.due.lastNone')}</Text>
              )}
            </Table.Td>
            <Table.Td>
              {writable && (
                <Button size="compact-xs" variant="light" component={Link} to={`/people/${r.personId}?tab=aftercare&record=${r.slotId}`} data-testid="aftercare-due-record">
                  {t('aftercare.due.record')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
