import { Alert, Button, Chip, Group, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { IconNotebook } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { MAX_RECORDS_RANGE_DAYS, WARD_RECORD_TYPES, type WardRecordType } from '@shared/contract'
import { addDays, daysBetween, isValidIsoDate } from '@shared/domain/dates'
import { useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { translateFieldError } from '../../../i18n/errorText'
import { useFacility } from '../../shell/useFacility'
import { RecordTable, recordRows } from '../log/DayParts'
import { useListLabel, useWardworkLists } from '../wardworkUi'

/** /wards/:wardId/records?from=&to=&types= — the ward's records by date (talks, 奖惩, visits, medical visits, measures), filtered. */
export function WardRecordsPage() {
  const { t } = useTranslation()
  const { wardId = '' } = useParams()
  const [search, setSearch] = useSearchParams()
  const facility = useFacility()
  const today = facility.data?.today ?? ''
  const to = isValidIsoDate(search.get('to') ?? '') ? search.get('to')! : today
  const from = isValidIsoDate(search.get('from') ?? '') ? search.get('from')! : to ? addDays(to, -6) : ''
  const types = (search.get('types') ?? '').split(',').filter((x): x is WardRecordType => (WARD_RECORD_TYPES as readonly string[]).includes(x))
  const rangeProblem = from && to ? (to < from ? 'wardwork.range_order' : daysBetween(from, to) + 1 > MAX_RECORDS_RANGE_DAYS ? 'wardwork.range_too_long' : null) : null
  const records = useApiQuery('wardwork:wardRecords', { wardId, from, to, types }, { enabled: !!from && !!to && !rangeProblem, keepPrevious: true })
  const lists = useWardworkLists()
  const label = useListLabel(lists.data)
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(search)
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v)
      else next.delete(k)
    }
    setSearch(next, { replace: true })
  }
  const rows = records.data ? recordRows(records.data, label, t) : []

  return (
    <Stack gap="md" data-testid="ww-records-page">
      <PageHeader
        back={{ to: `/wards/${wardId}`, label: records.data?.wardName ?? '' }}
        title={t('wardwork.records.title', { ward: records.data?.wardName ?? '' })}
        actions={
          <Button component={Link} to={`/wards/${wardId}/log/${to || 'today'}`} variant="default" leftSection={<IconNotebook size={16} />}>
            {t('wardwork.records.openLog')}
          </Button>
        }
      />
      <Paper p="md">
        <Group align="flex-end" gap="md">
          <DateField label={t('wardwork.records.from')} w={150} value={from} onChange={(v) => isValidIsoDate(v) && set({ from: v })} />
          <DateField label={t('wardwork.records.to')} w={150} value={to} onChange={(v) => isValidIsoDate(v) && set({ to: v })} />
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              {t('wardwork.records.types')}
            </Text>
            <Chip.Group multiple value={types} onChange={(v) => set({ types: v.join(',') })}>
              <Group gap={6}>
                {WARD_RECORD_TYPES.map((type) => (
                  <Chip key={type} value={type} size="sm">
                    {t(`wardwork.types.${type}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
        </Group>
        {rangeProblem && (
          <Alert color="red" mt="sm">
            {translateFieldError(rangeProblem === 'wardwork.range_order' ? rangeProblem : `${rangeProblem}|${JSON.stringify({ max: MAX_RECORDS_RANGE_DAYS })}`)}
          </Alert>
        )}
      </Paper>
      <Paper p="md">
        {records.isError ? (
          <ErrorAlert error={records.error} onRetry={() => void records.refetch()} />
        ) : records.isPending ? (
          <Skeleton h={240} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('wardwork.records.empty')} />
        ) : (
          <RecordTable rows={rows} showDate />
        )}
      </Paper>
    </Stack>
  )
}
