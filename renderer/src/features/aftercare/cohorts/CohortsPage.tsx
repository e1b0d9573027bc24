import { Button, Group, List, Paper, SegmentedControl, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core'
import { IconFileSpreadsheet } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CohortFigures, CohortTable } from '@shared/contract'
import { isValidIsoDate } from '@shared/domain/dates'
import { useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { todayIso } from '../../../lib/format'
import { useFacility } from '../../shell/useFacility'
import { percent } from '../aftercareUi'
import { CohortChart } from './CohortChart'
import { CohortPeopleDrawer } from './CohortPeopleDrawer'
import { COUNT_COLUMNS, type CohortDrill } from './cohortColumns'
import { exportCohorts } from './exportCohorts'

/** /aftercare/cohorts — follow-up cohorts by release year or quarter, the definitions on screen, every number → its people. */
export function CohortsPage() {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const [by, setBy] = useState<'year' | 'quarter'>('year')
  const [range, setRange] = useState(() => ({ from: `${Number(today.slice(0, 4)) - 4}-01-01`, to: today, asOf: today }))
  const [drill, setDrill] = useState<CohortDrill | null>(null)
  const valid = [range.from, range.to, range.asOf].every(isValidIsoDate) && range.from <= range.to && range.asOf <= today
  const table = useApiQuery('aftercare:cohorts', { by, ...range }, { enabled: valid, keepPrevious: true })
  const kinds = (table.data?.coveredKinds ?? []).map((k) => t(`aftercare.kind.${k}`)).join('、')
  const set = (key: 'from' | 'to' | 'asOf') => (value: string) => setRange((r) => ({ ...r, [key]: value }))

  return (
    <Stack gap="md" data-testid="aftercare-cohorts">
      <PageHeader
        title={t('aftercare.cohorts.title')}
        subtitle={t('aftercare.cohorts.subtitle')}
        actions={
          <>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} disabled={!table.data} onClick={() => table.data && void exportCohorts(t, table.data, kinds, range)} data-testid="aftercare-cohorts-export">
              {t('aftercare.cohorts.export')}
            </Button>
          </>
        }
      />
      <Paper p="lg">
        <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
          <SegmentedControl value={by} onChange={(v) => setBy(v as 'year' | 'quarter')} data={(['year', 'quarter'] as const).map((b) => ({ value: b, label: t(`aftercare.cohorts.by.${b}`) }))} data-testid="aftercare-cohorts-by" />
          <DateField label={t('aftercare.cohorts.from')} value={range.from} onChange={set('from')} w={150} data-testid="aftercare-cohorts-from" />
          <DateField label={t('aftercare.cohorts.to')} value={range.to} onChange={set('to')} w={150} error={range.from > range.to ? t('aftercare.cohorts.rangeOrder') : undefined} data-testid="aftercare-cohorts-to" />
          <DateField label={t('aftercare.cohorts.asOf')} value={range.asOf} onChange={set('asOf')} maxDate={today} w={150} data-testid="aftercare-cohorts-asof" />
        </Group>
        {table.isError && <ErrorAlert error={table.error} onRetry={() => void table.refetch()} />}
        {table.isPending && valid ? <TableSkeleton rows={5} /> : table.data && <Figures data={table.data} onOpen={setDrill} stale={table.isPlaceholderData} />}
        {table.data && table.data.total.released > 0 && (
          <Stack gap={4} mt="lg">
            <Text fz="sm" c="dimmed">{t('aftercare.cohorts.chart')}</Text>
            <CohortChart rows={table.data.rows} />
          </Stack>
        )}
      </Paper>
      <Paper p="lg" data-testid="aftercare-cohorts-definitions">
        <Title order={6} mb="xs">{t('aftercare.cohorts.definitionsTitle')}</Title>
        <List size="sm" spacing={4}>
          {(['cohort', 'classify', 'reached', 'rates'] as const).map((k) => (
            <List.Item key={k}>{t(`aftercare.cohorts.definitions.${k}`, { kinds })}</List.Item>
          ))}
        </List>
      </Paper>
      {drill && <CohortPeopleDrawer key={JSON.stringify(drill)} drill={drill} onClose={() => setDrill(null)} />}
    </Stack>
  )
}

function Figures({ data, onOpen, stale }: { data: CohortTable; onOpen: (d: CohortDrill) => void; stale: boolean }) {
  const { t } = useTranslation()
  if (data.total.released === 0) return <Text c="dimmed" data-testid="aftercare-cohorts-empty">{t('aftercare.cohorts.empty')}</Text>
  const row = (key: string, label: string, from: string, to: string, f: CohortFigures, bold = false) => (
    <Table.Tr key={key} data-testid="aftercare-cohort-row" data-label={label} fw={bold ? 700 : undefined}>
      <Table.Td>{label}</Table.Td>
      {COUNT_COLUMNS.map((c) => {
        const value = c.value(f)
        return (
          <Table.Td key={c.outcome} ta="right" className="tabular">
            {value === 0 ? (
              <Text span c="dimmed">0</Text>
            ) : (
              <UnstyledButton onClick={() => onOpen({ from, to, asOf: data.asOf, outcome: c.outcome, cohortLabel: label })} c="blue.8" fw={bold ? 700 : 500} data-testid={`aftercare-cohort-${c.outcome}`}>
                {value}
              </UnstyledButton>
            )}
          </Table.Td>
        )
      })}
      <Table.Td ta="right" className="tabular" data-testid="aftercare-cohort-rate-reached">{percent(f.abstinenceRateReached)}</Table.Td>
      <Table.Td ta="right" className="tabular" data-testid="aftercare-cohort-rate-all">{percent(f.abstinenceRateAll)}</Table.Td>
    </Table.Tr>
  )
  const first = data.rows[0]
  const last = data.rows.at(-1)
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder style={{ opacity: stale ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aftercare.cohorts.cohort')}</Table.Th>
            {COUNT_COLUMNS.map((c) => <Table.Th key={c.outcome} ta="right">{t(`aftercare.cohorts.cols.${c.outcome}`)}</Table.Th>)}
            <Table.Th ta="right">{t('aftercare.cohorts.cols.rateReached')}</Table.Th>
            <Table.Th ta="right">{t('aftercare.cohorts.cols.rateAll')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((r) => row(r.label, r.label, r.from, r.to, r.figures))}
          {first && last && row('total', t('aftercare.cohorts.total'), first.from, last.to, data.total, true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
