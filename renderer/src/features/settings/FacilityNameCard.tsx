import { Button, Group, Paper, Skeleton, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FacilityInfo } from '@shared/contract'
import { useContractForm } from '../../lib/useContractForm'
import { useLoadedVersion } from '../../lib/useLoadedVersion'
import { REQUIRED } from '../../components/required'

export function FacilityNameCard({ facility }: { facility: FacilityInfo | undefined }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg">
      <Text fw={600} mb="md">
        {t('settings.facility')}
      </Text>
      {facility === undefined ? <Skeleton h={36} /> : <NameForm name={facility.name} version={facility.versions.name} />}
    </Paper>
  )
}

function NameForm({ name, version }: { name: string; version: string }) {
  const { t } = useTranslation()
  const { form, mutation: update, submit } = useContractForm('facility:update', {
    initialValues: { name, version },
    toInput: (v) => ({ name: v.name.trim(), version: v.version }),
    onSuccess: (_o, _input, form) => form.resetDirty(),
  })
  useLoadedVersion(form, { name, version })
  return (
    <form onSubmit={submit}>
      <Group align="flex-end">
        <TextInput flex={1} maw={520} label={t('settings.facilityName')} labelProps={REQUIRED} {...form.getInputProps('name')} />
        <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  )
}
