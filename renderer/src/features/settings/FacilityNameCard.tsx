import { Button, Group, Paper, Skeleton, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useContractForm } from '../../lib/useContractForm'
import { REQUIRED } from '../../components/required'

export function FacilityNameCard({ name }: { name: string | undefined }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg">
      <Text fw={600} mb="md">
        {t('settings.facility')}
      </Text>
      {name === undefined ? <Skeleton h={36} /> : <NameForm name={name} />}
    </Paper>
  )
}

function NameForm({ name }: { name: string }) {
  const { t } = useTranslation()
  const { form, mutation: update, submit } = useContractForm('facility:update', {
    initialValues: { name },
    toInput: (v) => ({ name: v.name.trim() }),
    onSuccess: (_o, input, form) => form.resetDirty({ name: input.name }),
  })
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
