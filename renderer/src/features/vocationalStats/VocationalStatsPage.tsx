import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { IconFileSpreadsheet } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CourseKind } from '@shared/domain/vocational'
import type { HeadlineFigures, StatsGrouping } from '@shared/contract/vocationalStats'
import { useApiQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { todayIso } from '../../lib/format'
import { useFacility } from '../shell/useFacility'
import { Definitions } from './Definitions'
import { FiguresTable } from './FiguresTable'
import { PeopleDrawer } from './PeopleDrawer'
import { StatsChart } from './StatsChart'
import { exportFigures } from './exportFigures'
import { percent, yearOf, type DrillDown } from './statsUi'

/** /vocational-stats — the figures a monthly or yearly report quotes, each a click away from the people behind it. */
export function VocationalStatsPage() {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const [period, setPeriod] = useState(() => ({ from: yearOf(today).from, to: today }))
  const [kind, setKind] = useState<CourseKind>('vocational')
  const [groupBy, setGroupBy] = useState<StatsGrouping>('course')
  const [years, setYears] = useState<{ fromYear?: number; toYear?: number }>({})
  const [drill, setDrill] = useState<DrillDown | null>(null)
  const periodValid = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to
  const headline = useApiQuery('vocationalStats:headline', period, { enabled: periodValid, keepPrevious: true })
  const effectiveGroup = kind === 'education' && groupBy === 'trade' ? 'course' : groupBy
  const figures = useApiQuery('vocationalStats:figures', { groupBy: effectiveGroup, kind, ...years }, { keepPrevious: true })
  const thisYear = Number(today.slice(0, 4))
  const yearOptions = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i))
  const periodLabel = t('vstats.periodGroup', { from: period.from, to: period.to })
  const openPeriod = (figure: DrillDown['figure']) => setDrill({ figure, groupLabel: periodLabel, input: { figure, group: 'period', from: period.from, to: period.to } })

  return (
    <Stack gap="md" data-testid="vstats-page">
      <PageHeader title={t('vstats.title')} subtitle={t('vstats.subtitle')} />

      <Paper p="lg">
        <Group justify="space-between" align="flex-end" mb="md" wrap="wrap">
          <Title order={5}>{t('vstats.headlineTitle')}</Title>
          <Group gap="xs" align="flex-end">
            <DateField label={t('vstats.from')} value={period.from} onChange={(from) => setPeriod((p) => ({ ...p, from }))} w={150} data-testid="vstats-from" />
            <DateField label={t('vstats.to')} value={period.to} onChange={(to) => setPeriod((p) => ({ ...p, to }))} w={150} error={period.from > period.to ? t('vstats.rangeOrder') : undefined} data-testid="vstats-to" />
            <Button variant="default" onClick={() => setPeriod({ from: yearOf(today).from, to: today })}>{t('vstats.thisYear')}</Button>
            <Button variant="default" onClick={() => setPeriod(yearOf(today, -1))}>{t('vstats.lastYear')}</Button>
          </Group>
        </Group>
        {headline.isError && <ErrorAlert error={headline.error} onRetry={() => void headline.refetch()} />}
        <HeadlineCards data={headline.data} loading={headline.isPending} onOpen={openPeriod} />
      </Paper>

      <Paper p="lg">
        <Group justify="space-between" mb="md" wrap="wrap">
          <Title order={5}>{t('vstats.table')}</Title>
          <Group gap="xs" align="flex-end">
            <SegmentedControl value={kind} onChange={(v) => setKind(v as CourseKind)} data={(['vocational', 'education'] as const).map((k) => ({ value: k, label: t(`vstats.kind.${k}`) }))} data-testid="vstats-kind" />
            <SegmentedControl
              value={effectiveGroup}
              onChange={(v) => setGroupBy(v as StatsGrouping)}
              data={(['course', 'trade', 'year'] as const).map((g) => ({ value: g, label: t(`vstats.groupBy.${g}`), disabled: kind === 'education' && g === 'trade' }))}
              data-testid="vstats-group"
            />
            <Select w={120} placeholder={t('vstats.allYears')} aria-label={t('vstats.fromYear')} clearable data={yearOptions} value={years.fromYear ? String(years.fromYear) : null} onChange={(v) => setYears((y) => ({ ...y, fromYear: v ? Number(v) : undefined }))} />
            <Text c="dimmed">—</Text>
            <Select w={120} placeholder={t('vstats.allYears')} aria-label={t('vstats.toYear')} clearable data={yearOptions} value={years.toYear ? String(years.toYear) : null} onChange={(v) => setYears((y) => ({ ...y, toYear: v ? Number(v) : undefined }))} />
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} disabled={!figures.data || figures.data.rows.length === 0} onClick={() => figures.data && void exportFigures(t, figures.data, { kind, groupBy: effectiveGroup })} data-testid="vstats-export">
              {t('vstats.export')}
            </Button>
          </Group>
        </Group>
        {figures.isError && <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />}
        <FiguresTable result={figures.data} loading={figures.isPending} groupBy={effectiveGroup} kind={kind} years={years} onOpen={setDrill} />
        {figures.data && figures.data.rows.length > 0 && (
          <Stack gap={4} mt="lg">
            <Text fz="sm" c="dimmed">{t('vstats.chart')}</Text>
            <StatsChart rows={figures.data.rows} />
          </Stack>
        )}
      </Paper>

      <Definitions />
      {drill && <PeopleDrawer key={JSON.stringify(drill.input)} drill={drill} onClose={() => setDrill(null)} />}
    </Stack>
  )
}

function HeadlineCards({ data, loading, onOpen }: { data: HeadlineFigures | undefined; loading: boolean; onOpen: (figure: DrillDown['figure']) => void }) {
  const { t } = useTranslation()
  if (loading || !data) return <SimpleGrid cols={{ base: 2, md: 5 }}>{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} h={96} />)}</SimpleGrid>
  const cards: Array<{ key: string; label: string; figure: DrillDown['figure']; value: string; hint: string }> = [
    { key: 'certified', label: t('vstats.cards.certified'), figure: 'certified', value: String(data.certifiedPeople), hint: t('vstats.cardHints.certified') },
    { key: 'passRate', label: t('vstats.cards.passRate'), figure: 'passed', value: percent(data.passRate), hint: t('vstats.cardHints.passRate', { passed: data.passed, sat: data.sat }) },
    { key: 'agreements', label: t('vstats.cards.agreements'), figure: 'agreements', value: String(data.agreements), hint: t('vstats.cardHints.agreements') },
    { key: 'referrals', label: t('vstats.cards.referrals'), figure: 'referrals', value: String(data.referrals), hint: t('vstats.cardHints.referrals') },
    { key: 'jobTaken', label: t('vstats.cards.jobTaken'), figure: 'jobTaken', value: String(data.jobTaken), hint: t('vstats.cardHints.jobTaken', { known: data.jobKnown }) },
  ]
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }}>
      {cards.map((c) => (
        <UnstyledButton key={c.key} onClick={() => onOpen(c.figure)} data-testid={`vstats-card-${c.key}`} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, padding: 14 }}>
          <Text fz="sm" c="dimmed">{c.label}</Text>
          <Text fz={30} fw={700} className="tabular" c="blue.8" data-testid={`vstats-card-${c.key}-value`}>{c.value}</Text>
          <Text fz="xs" c="dimmed">{c.hint}</Text>
        </UnstyledButton>
      ))}
    </SimpleGrid>
  )
}
