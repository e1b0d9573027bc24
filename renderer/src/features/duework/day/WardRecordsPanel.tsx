import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconNotebook } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ListEntry, WardDay } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useCan } from '../../auth/UserContext'
import { wardDayInput } from './dayQueries'

const LISTS_INPUT = {}

/** The day's ward records (wardwork:wardDay): talks planned and held, visits, outside medical visits, measures in force. */
export function WardRecordsPanel({ wardId, date }: { wardId: string; date: string }) {
  const can = useCan()
  if (!can('wardwork.read')) return null
  return <RecordsPanel wardId={wardId} date={date} />
}

function RecordsPanel({ wardId, date }: { wardId: string; date: string }) {
  const { t } = useTranslation()
  const day = useApiQuery('wardwork:wardDay', wardDayInput(wardId, date))
  return (
    <Paper p="md" data-testid="day-records">
      <Group justify="space-between" mb={6}>
        <Group gap="xs">
          <ThemeIcon size={26} radius="xl" variant="light" color="orange">
            <IconNotebook size={15} />
          </ThemeIcon>
          <Text fw={600}>{t('duework.records.title')}</Text>
        </Group>
        <Button component={Link} to={`/wards/${wardId}/log/${date}`} size="compact-sm" variant="subtle">
          {t('duework.records.openLog')}
        </Button>
      </Group>
      {day.isPending && <Skeleton h={120} />}
      {day.isError && <ErrorAlert error={day.error} onRetry={() => void day.refetch()} />}
      {day.data && <RecordsContent day={day.data} />}
    </Paper>
  )
}

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0} data-testid={testId} data-value={value}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" className="tabular" c={value > 0 ? undefined : 'dimmed'}>
        {value}
      </Text>
    </Stack>
  )
}

function RecordsContent({ day }: { day: WardDay }) {
  const { t, i18n } = useTranslation()
  const lists = useApiQuery('wardwork:lists', LISTS_INPUT)
  const name = (entries: readonly ListEntry[] | undefined, id: string) => {
    const entry = entries?.find((e) => e.id === id)
    return entry ? (i18n.language === 'en' ? entry.en : entry.zh) : id
  }
  const people = (label: string, rows: ReactNode[]) =>
    rows.length > 0 && (
      <Stack gap={2}>
        <Text fz="xs" c="dimmed">
          {label}
        </Text>
        <Group gap={6}>{rows}</Group>
      </Stack>
    )
  const link = (personId: string, text: string, key: string) => (
    <Anchor key={key} component={Link} to={`/people/${personId}?tab=wardwork`} fz="sm">
      {text}
    </Anchor>
  )
  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="xs">
        <Figure label={t('duework.records.talksPlanned')} value={day.talksPlanned.length} testId="rec-talks-planned" />
        <Figure label={t('duework.records.talksDone')} value={day.talksDone.length} testId="rec-talks-done" />
        <Figure label={t('duework.records.visits')} value={day.visits.length} testId="rec-visits" />
        <Figure label={t('duework.records.medical')} value={day.medical.length} testId="rec-medical" />
        <Figure label={t('duework.records.measures')} value={day.measures.length} testId="rec-measures" />
      </SimpleGrid>
      {people(
        t('duework.records.talksPlanned'),
        day.talksPlanned.map((r) => link(r.personId, `${r.personName}（${name(lists.data?.talkKinds, r.kind)}）`, r.id)),
      )}
      {people(
        t('duework.records.talksDone'),
        day.talksDone.map((r) => link(r.personId, `${r.personName}（${name(lists.data?.talkKinds, r.kind)}）`, r.id)),
      )}
      {people(
        t('duework.records.medical'),
        day.medical.map((r) => link(r.personId, `${r.personName}（${r.hospital}）`, r.id)),
      )}
      {people(
        t('duework.records.measures'),
        day.measures.map((r) => (
          <Badge key={r.id} component={Link} to={`/people/${r.personId}?tab=wardwork`} variant="light" color="orange" style={{ cursor: 'pointer' }}>
            {r.personName} · {name(lists.data?.measureKinds, r.kind)}
          </Badge>
        )),
      )}
    </Stack>
  )
}
