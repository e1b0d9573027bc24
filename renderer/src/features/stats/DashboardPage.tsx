import { Alert, Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { IconFileSpreadsheet, IconInfoCircle, IconPrinter } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { FigureRef, StatsDashboard } from '@shared/contract/stats'
import { isValidIsoDate } from '@shared/domain/dates'
import { useApiQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { todayIso } from '../../lib/format'
import { useFacility } from '../shell/useFacility'
import { DueChart, FitnessChart, MonthsChart, WardPeriodChart } from './DashboardCharts'
import { DueTable, FitnessTable, FollowUpTable, MonthsTable, PsychTable, VocationalTable, WardPeriodTable, type RenderFigure } from './DashboardTables'
import { Definitions } from './Definitions'
import { exportDashboard } from './exportDashboard'
import { PeopleDrawer } from './PeopleDrawer'
import { FigureNumber, figureTitle, percent, readParams } from './statsUi'

const MONTH_CHOICES = [6, 12, 18, 24, 36]

/** /dashboard — the facility's figures (统计看板), each number a click away from the people behind it. */
export function DashboardPage() {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const [search, setSearch] = useSearchParams()
  const params = readParams(search)
  const [asOfText, setAsOfText] = useState(params.asOf ?? today)
  const asOfValid = isValidIsoDate(asOfText) && asOfText <= today
  const input = { asOf: params.asOf ?? today, months: params.months }
  const dashboard = useApiQuery('stats:dashboard', input, { keepPrevious: true })
  const data = dashboard.data

  const update = (next: { asOf?: string; months?: number; figure?: FigureRef | null }, replace = true) => {
    const s = new URLSearchParams(search)
    if (next.asOf !== undefined) s.set('asOf', next.asOf)
    if (next.months !== undefined) s.set('months', String(next.months))
    if (next.figure === null) s.delete('figure')
    else if (next.figure) s.set('figure', JSON.stringify(next.figure))
    setSearch(s, { replace })
  }
  // Opening a list pushes a history entry, so the back button closes it and keeps the dashboard as it was.
  const open = (figure: FigureRef) => update({ figure }, false)
  const num: RenderFigure = (f, strong) => <FigureNumber figure={f} onOpen={open} strong={strong} />
  const wardName = (id: string) => data?.wards.find((w) => w.id === id)?.name ?? ''
  const printQuery = `asOf=${input.asOf}&months=${input.months}`

  return (
    <Stack gap="md" data-testid="stats-page">
      <PageHeader
        title={t('stats.title')}
        subtitle={t('stats.subtitle')}
        actions={
          <Group gap="xs">
            <Button variant="default" leftSection={<IconPrinter size={16} />} component={Link} to={`/print/dashboard?${printQuery}`} data-testid="stats-print">
              {t('stats.print')}
            </Button>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} disabled={!data} onClick={() => data && void exportDashboard(t, data, wardName)} data-testid="stats-export">
              {t('stats.export')}
            </Button>
          </Group>
        }
      />
      <Paper p="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <DateField
            label={t('stats.asOf')}
            value={asOfText}
            onChange={(v) => {
              setAsOfText(v)
              if (isValidIsoDate(v) && v <= today) update({ asOf: v })
            }}
            error={asOfValid ? undefined : t('stats.badDate')}
            w={170}
            data-testid="stats-asof"
          />
          <Select
            label={t('stats.months')}
            w={150}
            allowDeselect={false}
            data={MONTH_CHOICES.map((m) => ({ value: String(m), label: t('stats.monthsOption', { count: m }) }))}
            value={String(params.months)}
            onChange={(v) => v && update({ months: Number(v) })}
            data-testid="stats-months"
          />
          {data && <Text fz="sm" c="dimmed" className="tabular" pb={8}>{t('stats.window', { from: data.from, to: data.to })}</Text>}
        </Group>
      </Paper>
      {dashboard.isError && <ErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {data?.limitedToWards && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="stats-limited">
          {t('stats.limited', { wards: data.wards.map((w) => w.name).join('、') || '—' })}
        </Alert>
      )}
      {!data ? (
        dashboard.isPending && <Loading />
      ) : (
        <>
          <Headline data={data} onOpen={open} />
          <Section title={t('stats.section.wardPeriod')} chart={<WardPeriodChart data={data} onOpen={open} />} table={<WardPeriodTable data={data} num={num} />} empty={data.current.wards.length === 0} />
          <Section title={t('stats.section.months')} chart={<MonthsChart data={data} onOpen={open} />} table={<MonthsTable data={data} num={num} />} stacked />
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Section title={t('stats.section.fitness')} chart={<FitnessChart data={data} onOpen={open} />} table={<FitnessTable data={data} num={num} />} stacked empty={data.current.total.value === 0} />
            <Section title={t('stats.section.due')} hint={t('stats.dueOn', { date: data.dueWork.on })} chart={<DueChart data={data} onOpen={open} />} table={<DueTable data={data} num={num} />} stacked />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Section title={t('stats.section.psych')} table={<PsychTable data={data} num={num} />} />
            <Section title={t('stats.section.vocational')} hint={t('stats.window', { from: data.vocational.from, to: data.vocational.to })} table={<VocationalTable data={data} num={num} />} />
            <Section title={t('stats.section.followUp')} table={<FollowUpTable data={data} num={num} />} />
          </SimpleGrid>
          <Definitions />
        </>
      )}
      {params.figure && <PeopleDrawer key={JSON.stringify(params.figure)} figure={params.figure} title={figureTitle(t, params.figure, wardName)} onClose={() => window.history.back()} />}
    </Stack>
  )
}

function Loading() {
  return (
    <Stack gap="md" aria-busy="true" data-testid="stats-loading">
      <SimpleGrid cols={{ base: 2, md: 4 }}>{Array.from({ length: 8 }, (_, i) => <Skeleton key={i} h={84} />)}</SimpleGrid>
      <Skeleton h={300} />
      <Skeleton h={300} />
    </Stack>
  )
}

function Section({ title, hint, chart, table, stacked, empty }: { title: string; hint?: string | undefined; chart?: ReactNode; table: ReactNode; stacked?: boolean; empty?: boolean }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{title}</Title>
        {hint && <Text fz="xs" c="dimmed">{hint}</Text>}
      </Group>
      {empty ? (
        <Text c="dimmed" py="lg" ta="center">{t('stats.empty')}</Text>
      ) : chart && !stacked ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          {chart}
          <div style={{ overflowX: 'auto' }}>{table}</div>
        </SimpleGrid>
      ) : (
        <Stack gap="md">
          {chart}
          <div style={{ overflowX: 'auto' }}>{table}</div>
        </Stack>
      )}
    </Paper>
  )
}

function Headline({ data, onOpen }: { data: StatsDashboard; onOpen: (ref: FigureRef) => void }) {
  const { t } = useTranslation()
  const cards: Array<{ key: string; label: string; value: string; ref: FigureRef | null; color: string }> = [
    { key: 'current', label: t('stats.cards.current'), value: String(data.current.total.value), ref: data.current.total.ref, color: 'blue' },
    { key: 'admissions', label: t('stats.cards.admissions'), value: String(data.windowTotals.admissions.value), ref: data.windowTotals.admissions.ref, color: 'blue' },
    { key: 'releases', label: t('stats.cards.releases'), value: String(data.windowTotals.releases.value), ref: data.windowTotals.releases.ref, color: 'orange' },
    { key: 'openTasks', label: t('stats.cards.openTasks'), value: String(data.psych.openTasks.value), ref: data.psych.openTasks.ref, color: 'violet' },
    { key: 'openCrises', label: t('stats.cards.openCrises'), value: String(data.psych.openCrises.value), ref: data.psych.openCrises.ref, color: 'red' },
    { key: 'flagged', label: t('stats.cards.flagged'), value: String(data.psych.flaggedScreening.value), ref: data.psych.flaggedScreening.ref, color: 'grape' },
    { key: 'overdue', label: t('stats.cards.overdue'), value: String(data.dueWork.overdue.value), ref: data.dueWork.overdue.ref, color: 'red' },
    { key: 'abstinence', label: t('stats.cards.abstinence'), value: data.followUp ? percent(data.followUp.abstinenceRateReached) : '—', ref: data.followUp?.cohort.abstinent.ref ?? null, color: 'teal' },
  ]
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="stats-cards">
      {cards.map((c) => (
        <Paper
          key={c.key}
          p="md"
          withBorder
          component={c.ref ? 'button' : 'div'}
          onClick={c.ref ? () => onOpen(c.ref!) : undefined}
          style={{ textAlign: 'left', cursor: c.ref ? 'pointer' : 'default', font: 'inherit' }}
          data-testid={`stats-card-${c.key}`}
        >
          <Text fz="sm" c="dimmed">{c.label}</Text>
          <Text fz={28} fw={700} className="tabular" c={`${c.color}.8`} data-testid={`stats-card-${c.key}-value`}>{c.value}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}
