import { Alert, Button, Group, List, Paper, Select, Skeleton, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { fitnessSettingsSchema, type FitnessSettings } from '@shared/contract'
import type { FitnessStandard } from '@shared/domain/fitness'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NumberField } from '../../../components/NumberField'
import { useContractForm } from '../../../lib/useContractForm'
import { useStandardLabel } from '../fitnessUi'
import { useFitnessSettings, useStandards } from '../fitnessQueries'

/** Settings → 体质测试 (facility.manage): the retest interval and the default standard of a new test day. */
export function FitnessSettingsCard() {
  const { t } = useTranslation()
  const settings = useFitnessSettings()
  const standards = useStandards()
  return (
    <Paper p="lg" data-testid="fitness-settings">
      <Text fw={600} mb="sm">
        {t('fitness.settings.title')}
      </Text>
      {(settings.isError || standards.isError) && <ErrorAlert error={settings.error ?? standards.error} onRetry={() => void settings.refetch()} />}
      {(settings.isPending || standards.isPending) && <Skeleton h={120} />}
      {standards.data && standards.data.refusedFiles.length > 0 && (
        // A facility's own standard file that failed its check is left out: say which and why, so it can be fixed.
        <Alert color="red" mb="md" title={t('fitness.settings.refusedFiles')} data-testid="fitness-refused-norms">
          <List size="sm">
            {standards.data.refusedFiles.map((f) => (
              <List.Item key={f.file}>{f.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {settings.data && standards.data && <SettingsForm key={settings.data.version} settings={settings.data} standards={standards.data.standards} />}
    </Paper>
  )
}

function SettingsForm({ settings, standards }: { settings: FitnessSettings & { version: string }; standards: FitnessStandard[] }) {
  const { t } = useTranslation()
  const standardName = useStandardLabel()
  const { form, mutation, submit } = useContractForm('fitness:updateSettings', {
    initialValues: { retestIntervalDays: settings.retestIntervalDays as number | string, defaultStandardId: settings.defaultStandardId },
    schema: fitnessSettingsSchema,
    rename: (path) => path.replace(/^settings\./, ''),
    toInput: (v) => ({ version: settings.version, settings: { retestIntervalDays: Number(v.retestIntervalDays), defaultStandardId: v.defaultStandardId } }),
    onSuccess: (_o, _i, f) => f.resetDirty(),
  })
  return (
    <form onSubmit={submit}>
      <Stack maw={520}>
        <NumberField label={t('fitness.settings.retestDays')} description={t('fitness.settings.retestDaysHint')} min={7} max={730} w={220} {...form.getInputProps('retestIntervalDays')} />
        <Select
          label={t('fitness.settings.defaultStandard')}
          data={standards.map((s) => ({ value: s.id, label: standardName(s) }))}
          allowDeselect={false}
          {...form.getInputProps('defaultStandardId')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
