import { ActionIcon, Alert, Button, Group, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TrainingSettings } from '@shared/contract'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { REQUIRED } from '../../../components/required'
import { useContractForm } from '../../../lib/useContractForm'
import { useIntensityGroups } from '../trainingUi'

/** Settings → 训练强度分组 (administrators): the facility's list of intensity groups (setting fitness.intensityGroups). */
export function IntensitySettingsCard() {
  const { t } = useTranslation()
  const { settings } = useIntensityGroups()
  return (
    <Paper p="lg" data-testid="intensity-settings">
      <Text fw={600} mb="sm">{t('training.settings.title')}</Text>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="md">{t('training.settings.hint')}</Alert>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isPending && <Skeleton h={160} />}
      {settings.data && <IntensityForm key={settings.data.version} settings={settings.data} />}
    </Paper>
  )
}

interface Values {
  intensityGroups: Array<{ key: string; name: string; description: string }>
  version: string
}

function IntensityForm({ settings }: { settings: TrainingSettings }) {
  const { t } = useTranslation()
  const { form, submit, mutation } = useContractForm('training:updateSettings', {
    initialValues: { version: settings.version, intensityGroups: settings.intensityGroups.map((g) => ({ ...g, description: g.description ?? '' })) } satisfies Values,
    check: 'input',
    toInput: (v: Values) => ({ version: v.version, intensityGroups: v.intensityGroups.map((g) => ({ key: g.key.trim(), name: g.name.trim(), description: g.description.trim() || null })) }),
    success: t('training.settings.saved'),
  })
  return (
    <form onSubmit={submit}>
      <Stack>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={180}>{t('training.settings.key')}</Table.Th>
              <Table.Th w={180}>{t('training.settings.name')}</Table.Th>
              <Table.Th>{t('training.settings.description')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.values.intensityGroups.map((_g, i) => (
              <Table.Tr key={i}>
                <Table.Td><TextInput aria-label={t('training.settings.key')} labelProps={REQUIRED} {...form.getInputProps(`intensityGroups.${i}.key`)} /></Table.Td>
                <Table.Td><TextInput aria-label={t('training.settings.name')} {...form.getInputProps(`intensityGroups.${i}.name`)} /></Table.Td>
                <Table.Td><TextInput aria-label={t('training.settings.description')} {...form.getInputProps(`intensityGroups.${i}.description`)} /></Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" aria-label={t('training.settings.remove')} onClick={() => form.removeListItem('intensityGroups', i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text fz="xs" c="dimmed">{t('training.settings.keyHint')}</Text>
        {typeof form.errors.intensityGroups === 'string' && <Text c="red" fz="sm">{form.errors.intensityGroups}</Text>}
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('intensityGroups', { key: '', name: '', description: '' })}>
            {t('training.settings.add')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
