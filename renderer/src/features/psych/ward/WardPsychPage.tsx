import { Badge, Button, Grid, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconClipboardList, IconClockExclamation, IconListCheck, IconSearch, IconUrgent, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { WardPsychRow, WardPsychScreen } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { StatCard } from '../../../components/StatCard'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { PERIOD_COLORS, PeriodBadge, usePeriodLabel } from '../../../components/PeriodBadge'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { isApiCallError } from '../../../api/errors'
import { isValidUuid } from '../../../lib/ids'
import { useCan } from '../../auth/UserContext'
import { CrisisList } from '../CrisisList'
import { DueBadge, instrumentMap, RiskBadge, useInstruments } from '../psychUi'
import { WardResultChips } from './WardResultChips'
import { WardTasksPanel } from './WardTasksPanel'

const FILTERS = ['all', 'due', 'overdue', 'tasks', 'crisis'] as const
type Filter = (typeof FILTERS)[number]

function matches(row: WardPsychRow, filter: Filter): boolean {
  switch (filter) {
    case 'due':
      return row.screening.status === 'due'
    case 'overdue':
      return row.screening.status === 'overdue'
    case 'tasks':
      return row.openTasks > 0
    case 'crisis':
      return row.openCrisis !== null
    default:
      return true
  }
}

export function WardPsychPage() {
  const { wardId = '' } = useParams()
  if (!isValidUuid(wardId)) return <NotFound />
  return <WardPsychView key={wardId} wardId={wardId} />
}

function WardPsychView({ wardId }: { wardId: string }) {
  const { t } = useTranslation()
  const can = useCan()
  const screen = useApiQuery('psych:wardScreen', { wardId })
  if (screen.isError && isApiCallError(screen.error) && screen.error.code === 'not_found') return <NotFound />
  const data = screen.data
  return (
    <>
      <PageHeader
        back={{ to: '/psych', label: t('psych.title') }}
        title={data ? `${data.wardName} · ${t('psych.wardTitle')}` : <Skeleton h={28} w={220} />}
        subtitle={t('psych.ward.subtitle')}
        actions={
          <>
            {can('people.read') && (
              <Button component={Link} to={`/wards/${wardId}`} variant="default" leftSection={<IconUsers size={16} />}>
                {t('roster.title')}
              </Button>
            )}
            {can('psych.assess') && (
              <Button component={Link} to={`/wards/${wardId}/psych/batch`} leftSection={<IconClipboardList size={16} />} data-testid="batch-entry">
                {t('psych.batch.open')}
              </Button>
            )}
          </>
        }
      />
      {screen.isError && <ErrorAlert error={screen.error} onRetry={() => void screen.refetch()} />}
      {screen.isPending && (
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} h={76} />
            ))}
          </SimpleGrid>
          <Paper>
            <TableSkeleton />
          </Paper>
        </Stack>
      )}
      {data && <ScreenContent data={data} />}
    </>
  )
}

function ScreenContent({ data }: { data: WardPsychScreen }) {
  const { t } = useTranslation()
  const [filter, setFilter] = useState<Filter>('all')
  const [q, setQ] = useState('')
  const toggle = (f: Filter) => setFilter((cur) => (cur === f ? 'all' : f))
  const openCrises = data.crises.filter((c) => c.status === 'open')
  return (
    <Stack gap="md">
      <Paper
        p="md"
        data-testid="psych-crises"
        bg={openCrises.length > 0 ? 'red.0' : undefined}
        style={{ borderColor: openCrises.length > 0 ? 'var(--mantine-color-red-4)' : undefined, borderLeftWidth: openCrises.length > 0 ? 4 : undefined }}
      >
        <Group gap="xs" mb={openCrises.length > 0 ? 4 : 0}>
          <ThemeIcon size={26} radius="xl" color={openCrises.length > 0 ? 'red' : 'gray'} variant={openCrises.length > 0 ? 'filled' : 'light'}>
            <IconUrgent size={16} />
          </ThemeIcon>
          <Text fw={600} c={openCrises.length > 0 ? 'red.9' : 'dimmed'}>
            {openCrises.length > 0 ? t('psych.ward.crisesOpen', { count: openCrises.length }) : t('psych.ward.noCrises')}
          </Text>
        </Group>
        {openCrises.length > 0 && <CrisisList crises={openCrises} today={data.today} />}
      </Paper>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard testId="count-due" label={t('psych.ward.countDue')} value={data.counts.due} color="yellow" icon={<IconClockExclamation size={22} />} toggle={{ active: filter === 'due', onClick: () => toggle('due') }} />
        <StatCard testId="count-overdue" label={t('psych.ward.countOverdue')} value={data.counts.overdue} color="red" icon={<IconAlertTriangle size={22} />} toggle={{ active: filter === 'overdue', onClick: () => toggle('overdue') }} />
        <StatCard testId="count-tasks" label={t('psych.ward.countTasks')} value={data.counts.openTasks} color="orange" icon={<IconListCheck size={22} />} toggle={{ active: filter === 'tasks', onClick: () => toggle('tasks') }} />
        <StatCard testId="count-crises" label={t('psych.ward.countCrises')} value={data.counts.openCrises} color="red" icon={<IconUrgent size={22} />} toggle={{ active: filter === 'crisis', onClick: () => toggle('crisis') }} />
      </SimpleGrid>
      <Grid gutter="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper p={0} style={{ overflow: 'hidden' }}>
            <Group justify="space-between" p="sm" gap="sm">
              <SegmentedControl
                size="xs"
                value={filter}
                onChange={(v) => setFilter(v as Filter)}
                data={FILTERS.map((f) => ({ value: f, label: t(`psych.ward.filter.${f}`) }))}
              />
              <TextInput
                size="xs"
                w={200}
                leftSection={<IconSearch size={14} />}
                placeholder={t('psych.ward.searchName')}
                aria-label={t('psych.ward.searchName')}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
              />
            </Group>
            <Roster rows={data.rows.filter((r) => matches(r, filter) && (!q.trim() || r.name.includes(q.trim()) || r.idTail.includes(q.trim())))} total={data.rows.length} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <WardTasksPanel wardId={data.wardId} openTasks={data.tasks} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

function Roster({ rows, total }: { rows: WardPsychRow[]; total: number }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const periodLabel = usePeriodLabel()
  const instruments = instrumentMap(useInstruments().data)
  if (rows.length === 0) {
    return <EmptyState icon={<IconUsers size={24} />} title={total === 0 ? t('roster.empty') : t('roster.emptyFiltered')} />
  }
  const open = (row: WardPsychRow) => void navigate(`/people/${row.personId}?tab=psych`)
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover striped="even" data-testid="psych-roster" className="psych-roster">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('col.name')}</Table.Th>
            <Table.Th w={110} style={{ whiteSpace: 'nowrap' }}>
              {t('col.idTail')}
            </Table.Th>
            <Table.Th>{t('col.period')}</Table.Th>
            <Table.Th>{t('psych.ward.screening')}</Table.Th>
            <Table.Th>{t('psych.wardResults.header')}</Table.Th>
            <Table.Th ta="center" w={70}>
              {t('psych.ward.tasks')}
            </Table.Th>
            <Table.Th w={90}>{t('psych.ward.crisis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.personId}
              className="clickable-row"
              tabIndex={0}
              onClick={() => open(row)}
              onKeyDown={(e) => e.key === 'Enter' && open(row)}
              data-testid="psych-roster-row"
              data-status={row.screening.status}
            >
              <Table.Td fw={500}>{row.name}</Table.Td>
              <Table.Td className="tabular">{row.idTail}</Table.Td>
              <Table.Td>
                {row.period ? (
                  <Badge color={PERIOD_COLORS[row.period]} variant="light" size="sm">
                    {periodLabel(row.period, true)}
                  </Badge>
                ) : (
                  <PeriodBadge period={null} size="sm" />
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <DueBadge status={row.screening.status} kind={row.screening.kind} size="sm" />
                  <Text fz="xs" c={row.screening.status === 'overdue' ? 'red.7' : 'dimmed'} className="tabular">
                    {row.screening.status === 'done' && row.screening.lastOn
                      ? t('psych.ward.lastOn', { on: row.screening.lastOn })
                      : t('psych.ward.dueOn', { on: row.screening.dueOn })}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <WardResultChips row={row} instruments={instruments} />
              </Table.Td>
              <Table.Td ta="center">
                {row.openTasks > 0 ? (
                  <Badge color="orange" variant="filled" size="sm" circle>
                    {row.openTasks}
                  </Badge>
                ) : (
                  <Text fz="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{row.openCrisis ? <RiskBadge level={row.openCrisis} size="sm" /> : <Text fz="sm" c="dimmed">—</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
