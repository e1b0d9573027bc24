import { Alert, Button, Checkbox, Group, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AFTERCARE_RELEASE_KINDS, type AftercarePlanSettings } from '@shared/domain/aftercare/settings'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NumberField } from '../../../components/NumberField'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { translateFieldError } from '../../../i18n/errorText'
import { HelpKindsForm } from './HelpKindsForm'

/** The follow-up plan's settings (UNVERIFIED cadence, the facility's own): new releases get their plan from it. */
export function AftercareSettingsCard() {
  const { t } = useTranslation()
  const settings = useApiQuery('aftercare:settings', {})
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
  return (
    <Paper p="lg" data-testid="aftercare-settings">
      <Title order={5} mb={4}>{t('aftercare.settings.title')}</Title>
      <Text fz="sm" c="dimmed" mb="md">{t('aftercare.settings.hint')}</Text>
      {settings.isPending ? (
        <TableSkeleton rows={3} />
      ) : (
        <Stack gap="lg">
          <PlanForm key={settings.data.planVersion} plan={settings.data.plan} version={settings.data.planVersion} />
          <HelpKindsForm key={settings.data.helpVersion} kinds={settings.data.helpKinds} version={settings.data.helpVersion} />
        </Stack>
      )}
    </Paper>
  )
}

function PlanForm({ plan, version }: { plan: AftercarePlanSettings; version: string }) {
  const { t } = useTranslation()
  const [v, setV] = useState({ ...plan, firstContactDays: String(plan.firstContactDays), months: String(plan.months), leadDays: String(plan.leadDays) })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)
  const save = useApiMutation('aftercare:setPlan', { notifyError: false })
  const err = (name: string) => (errors[`plan.${name}`] ? translateFieldError(errors[`plan.${name}`]!) : undefined)
  const number = (s: string) => (s.trim() === '' ? NaN : Number(s))
  const submit = () => {
    setErrors({})
    setSaved(false)
    save.mutate(
      { version, plan: { coveredKinds: v.coveredKinds, releaseDayContact: v.releaseDayContact, cadence: v.cadence, firstContactDays: number(v.firstContactDays), months: number(v.months), leadDays: number(v.leadDays) } },
      { onSuccess: () => setSaved(true), onError: (error) => setErrors(isApiCallError(error) && error.fields ? error.fields : { _: error.message }) },
    )
  }
  return (
    <Stack gap="sm">
      {errors._ && <Alert color="red">{errors._}</Alert>}
      <Checkbox.Group label={t('aftercare.settings.coveredKinds')} value={v.coveredKinds} onChange={(kinds) => setV((o) => ({ ...o, coveredKinds: kinds as typeof o.coveredKinds }))} error={err('coveredKinds')}>
        <Group gap="md" mt={4}>
          {AFTERCARE_RELEASE_KINDS.map((k) => <Checkbox key={k} value={k} label={t(`aftercare.kind.${k}`)} />)}
        </Group>
      </Checkbox.Group>
      <Switch label={t('aftercare.settings.releaseDayContact')} checked={v.releaseDayContact} onChange={(e) => { const checked = e.currentTarget.checked; setV((o) => ({ ...o, releaseDayContact: checked })) }} />
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <NumberField label={t('aftercare.settings.firstContactDays')} value={v.firstContactDays} onChange={(x) => setV((o) => ({ ...o, firstContactDays: String(x) }))} error={err('firstContactDays')} />
        <Stack gap={4}>
          <Text fz="sm" fw={500}>{t('aftercare.settings.cadence')}</Text>
          <SegmentedControl value={v.cadence} onChange={(x) => setV((o) => ({ ...o, cadence: x as 'monthly' | 'quarterly' }))} data={(['monthly', 'quarterly'] as const).map((c) => ({ value: c, label: t(`aftercare.settings.cadenceOption.${c}`) }))} />
        </Stack>
        <NumberField label={t('aftercare.settings.months')} value={v.months} onChange={(x) => setV((o) => ({ ...o, months: String(x) }))} error={err('months')} />
        <NumberField label={t('aftercare.settings.leadDays')} value={v.leadDays} onChange={(x) => setV((o) => ({ ...o, leadDays: String(x) }))} error={err('leadDays')} />
      </SimpleGrid>
      <Group justify="flex-end">
        {saved && <Text c="teal" fz="sm">{t('aftercare.settings.saved')}</Text>}
        <Button onClick={submit} loading={save.isPending} data-testid="aftercare-settings-save">{t('aftercare.common.save')}</Button>
      </Group>
    </Stack>
  )
}
