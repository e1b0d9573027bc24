import { Group, Paper, Select, Skeleton, Stack } from '@mantine/core'
import { IconUsersGroup } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { DateField, parseDate } from '../../../components/DateField'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { todayIso } from '../../../lib/format'
import { useCan, useUser } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { useWards } from '../../wards/useWards'
import { useStandardLabel } from '../fitnessUi'
import { useStandards } from '../fitnessQueries'
import { TestDayEditor } from './TestDayEditor'

/**
 * /fitness?ward=…&date=…&standard=… — the trainers' main screen: one ward's test day as a grid. Ward, date and standard
 * live in the URL, so a day can be reopened or linked from the ward panel; the editor below is keyed by all three, so
 * switching starts from that day's saved results and draft (the editor asks first when something is unsaved).
 */
export function TestDayPage() {
  const { t } = useTranslation()
  const user = useUser()
  const can = useCan()
  const wards = useWards()
  const facility = useFacility()
  const standards = useStandards()
  const standardName = useStandardLabel()
  const [params, setParams] = useSearchParams()
  const today = facility.data?.today ?? todayIso()
  const wardId = params.get('ward') ?? user.wardIds[0] ?? wards.data?.[0]?.id ?? ''
  const dateText = params.get('date') ?? today
  const date = parseDate(dateText)
  const dateError = !date ? t('v.date') : date > today ? t('fitness.day.dateInFuture', { today }) : null
  const standardId = params.get('standard') ?? standards.data?.defaultStandardId ?? ''
  const standard = standards.data?.standards.find((s) => s.id === standardId) ?? null

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params)
    if (!next.get('ward') && wardId) next.set('ward', wardId)
    for (const [key, value] of Object.entries(patch)) next.set(key, value)
    setParams(next)
  }

  const error = wards.error ?? standards.error ?? facility.error
  const pickers = (
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('fitness.day.ward')}
            w={160}
            value={wardId || null}
            placeholder={t('fitness.day.pickWard')}
            onChange={(id) => id && update({ ward: id })}
            data={(wards.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
            allowDeselect={false}
            data-testid="fitness-ward"
          />
          <DateField label={t('fitness.day.date')} w={170} value={dateText} maxDate={today} onChange={(value) => update({ date: value })} error={dateError} data-testid="fitness-date" />
          <Select
            label={t('fitness.day.standard')}
            w={300}
            value={standard?.id ?? null}
            onChange={(id) => id && update({ standard: id })}
            data={(standards.data?.standards ?? []).map((s) => ({ value: s.id, label: standardName(s) }))}
            allowDeselect={false}
            data-testid="fitness-standard"
          />
        </Group>
  )
  const ready = !error && !wards.isPending && !standards.isPending && !facility.isPending && wardId && date && !dateError && standard
  return (
    <>
      <PageHeader title={`${t('fitness.title')} · ${t('fitness.day.title')}`} subtitle={can('fitness.record') ? t('fitness.day.subtitle') : undefined} />
      {ready ? (
        <TestDayEditor key={`${wardId}|${date}|${standard.id}`} wardId={wardId} date={date} standard={standard} pickers={pickers} />
      ) : (
        <Paper p="sm" mb="md">
          {pickers}
        </Paper>
      )}
      {error ? (
        <ErrorAlert error={error} />
      ) : wards.isPending || standards.isPending || facility.isPending ? (
        <Stack gap={6}>
          <Skeleton h={40} />
          <Skeleton h={320} />
        </Stack>
      ) : !wardId ? (
        <Paper>
          <EmptyState icon={<IconUsersGroup size={24} />} title={t('fitness.day.noWards')} />
        </Paper>
      ) : null}
    </>
  )
}
