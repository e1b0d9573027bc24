import { Button, Group, Paper, Skeleton, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { applyServerErrors, zodValidate } from '../../lib/forms'
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
  const form = useForm({ initialValues: { name }, validate: zodValidate<{ name: string }>(contract['facility:update'].input) })
  const update = useApiMutation('facility:update', { onSuccess: (_o, input) => form.resetDirty({ name: input.name }) })
  return (
    <form onSubmit={form.onSubmit((v) => update.mutate({ name: v.name.trim() }, { onError: (e) => applyServerErrors(form, e) }))}>
      <Group align="flex-end">
        <TextInput flex={1} maw={520} label={t('settings.facilityName')} labelProps={REQUIRED} {...form.getInputProps('name')} />
        <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  )
}
