import { Alert, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack } from '@mantine/core'
import { IconAlertTriangle, IconBuildingCommunity, IconCheck, IconClockExclamation, IconListCheck, IconListDetails, IconNotebook, IconUrgent, IconUsers } from '@tabler/icons-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { WardDueWork } from '@shared/contract'
import { isApiCallError } from '../../../api/errors'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { todayIso } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useCan } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { markWardDayRendered } from '../perfMark'
import { DateSwitcher } from './DateSwitcher'
import { dayDate, wardDueInput } from './dayQueries'
import { DueGroups } from './DueGroups'
import { CrisesPanel, MilestonesPanel } from './SidePanels'
import { StatCard } from '../../../components/StatCard'
import { WardRecordsPanel } from './WardRecordsPanel'

/** /wards/:wardId/day[?date=…]: the ward's day (大队一日工作), the ward officer's landing page. */
export function WardDayPage() {
  const { wardId = '' } = useParams()
  if (!isValidUuid(wardId)) return <NotFound />
  return <WardDayView key={wardId} wardId={wardId} />
}

function WardDayView({ wardId }: { wardId: string }) {
  const { t } = useTranslation()
  const can = useCan()
  const [params, setParams] = useSearchParams()
  const date = dayDate(params)
  // The facility's today (the core's clock and time zone); the screen's `today` is the day it shows.
  const today = useFacility().data?.today ?? todayIso()
  const screen = useApiQuery('duework:ward', wardDueInput(wardId, date), { keepPrevious: true })
  if (screen.isError && isApiCallError(screen.error) && screen.error.code === 'not_found') return <NotFound />
  const data = screen.data
  const setDate = (next: string | null) => {
    const search = new URLSearchParams(params)
    if (next && next !== today) search.set('date', next)
    else search.delete('date')
    setParams(search, { replace: true })
  }
  return (
    <>
      <PageHeader
        title={data ? `${data.wardName} · ${t('duework.day.title')}` : <Skeleton h={28} w={260} />}
        subtitle={t('duework.day.subtitle')}
        actions={
          <>
            {can('people.read') && (
              <Button component={Link} to={`/wards/${wardId}`} variant="default" leftSection={<IconUsers size={16} />}>
                {t('duework.day.roster')}
              </Button>
            )}
            {can('wardwork.read') && (
              <Button component={Link} to={`/wards/${wardId}/records`} variant="default" leftSection={<IconListDetails size={16} />}>
                {t('duework.day.records')}
              </Button>
            )}
            {can('wardwork.read') && (
              <Button component={Link} to={`/wards/${wardId}/log/${data?.today ?? date ?? today}`} variant="default" leftSection={<IconNotebook size={16} />} disabled={!data} data-testid="ward-log-link">
                {t('duework.day.log')}
              </Button>
            )}
            <Button component={Link} to="/duework" variant="default" leftSection={<IconBuildingCommunity size={16} />}>
              {t('duework.day.overview')}
            </Button>
          </>
        }
      />
      {screen.isError && <ErrorAlert error={screen.error} onRetry={() => void screen.refetch()} />}
      {screen.isPending && <DaySkeleton />}
      {data && <DayContent data={data} today={today} onDate={setDate} stale={screen.isPlaceholderData} />}
    </>
  )
}

function DaySkeleton() {
  return (
    <Stack>
      <Skeleton h={36} w={360} />
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} h={76} />
        ))}
      </SimpleGrid>
      <Paper>
        <TableSkeleton />
      </Paper>
    </Stack>
  )
}

function DayContent({ data, today, onDate, stale }: { data: WardDueWork; today: string; onDate: (date: string | null) => void; stale: boolean }) {
  const { t } = useTranslation()
  const lookingBack = data.today !== today
  const open = data.items.filter((i) => i.status === 'due' || i.status === 'overdue')
  const overdue = open.filter((i) => i.status === 'overdue').length
  const doneToday = data.items.filter((i) => i.status === 'done').length
  useEffect(() => {
    if (!stale) markWardDayRendered(data.wardId, data.items.length)
  }, [data, stale])
  return (
    <Stack gap="md" style={{ opacity: stale ? 0.6 : 1 }} data-testid="ward-day" data-date={data.today}>
      <DateSwitcher date={data.today} today={today} onChange={onDate} />
      {lookingBack && (
        <Alert color="blue" variant="light" data-testid="look-back">
          <Group justify="space-between">
            <span>{t('duework.day.lookBack', { date: data.today })}</span>
            <Button size="compact-sm" variant="light" onClick={() => onDate(null)}>
              {t('duework.day.backToToday')}
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <StatCard testId="count-overdue" label={t('duework.day.overdue')} value={overdue} color="red" icon={<IconAlertTriangle size={22} />} />
        <StatCard testId="count-due" label={lookingBack ? t('duework.day.dueThatDay') : t('duework.day.due')} value={open.length - overdue} color="yellow" icon={<IconClockExclamation size={22} />} />
        <StatCard testId="count-done" label={lookingBack ? t('duework.day.doneThatDay') : t('duework.day.doneToday')} value={doneToday} color="teal" icon={<IconCheck size={22} />} />
        <StatCard testId="count-crises" label={t('duework.day.openCrises')} value={data.openCrises} color="red" icon={<IconUrgent size={22} />} />
        <StatCard testId="count-tasks" label={t('duework.day.openTasks')} value={data.openTasks} color="orange" icon={<IconListCheck size={22} />} />
      </SimpleGrid>
      <Grid gutter="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <DueGroups data={data} readOnly={lookingBack} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <CrisesPanel wardId={data.wardId} openCrises={data.openCrises} openTasks={data.openTasks} />
            <MilestonesPanel milestones={data.milestones} today={data.today} />
            <WardRecordsPanel wardId={data.wardId} date={data.today} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
