import { Button, Group, Paper, Skeleton, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { REQUIRED } from '../../components/required'
import { useContractForm } from '../../lib/useContractForm'
import { useLoadedVersion } from '../../lib/useLoadedVersion'
import { NumberField } from '../../components/NumberField'

/** The term-end warning window (setting people.termWarningDays): a facility choice, the law gives no figure. */
export function TermWarningCard() {
  const { t } = useTranslation()
  const settings = useApiQuery('people:termSettings', {})
  return (
    <Paper p="lg" data-testid="term-warning-card">
      <Text fw={600} mb={4}>
        {t('termWarning.settingsTitle')}
      </Text>
      <Text fz="sm" c="dimmed" mb="md">
        {t('termWarning.settingsHint')}
      </Text>
      {settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.isPending ? (
        <Skeleton h={36} maw={320} />
      ) : (
        <DaysForm days={settings.data.termWarningDays} version={settings.data.version} />
      )}
    </Paper>
  )
}

function DaysForm({ days, version }: { days: number; version: string }) {
  const { t } = useTranslation()
  const { form, mutation, submit } = useContractForm('people:setTermWarningDays', {
    initialValues: { termWarningDays: days as number | string, version },
    toInput: (v) => ({ termWarningDays: v.termWarningDays === '' ? Number.NaN : Number(v.termWarningDays), version: v.version }),
    check: 'input',
    success: t('termWarning.saved'),
    onSuccess: (_o, _input, f) => f.resetDirty(),
  })
  useLoadedVersion(form, { termWarningDays: days, version })
  return (
    <form onSubmit={submit}>
      <Group align="flex-start">
        <NumberField
          w={200}
          label={t('termWarning.days')}
          labelProps={REQUIRED}
          rightSection={<Text fz="sm" c="dimmed">{t('termWarning.daysUnit')}</Text>}
          rightSectionWidth={36}
          {...form.getInputProps('termWarningDays')}
        />
        <Button type="submit" mt={25} loading={mutation.isPending} disabled={!form.isDirty()}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  )
}
