import { Modal, NumberInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract, type WardSummary } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { applyServerErrors, zodValidate } from '../../lib/forms'
import { REQUIRED } from '../../components/required'
import { FormActions } from '../../components/FormActions'

interface Values {
  id: string
  name: string
  capacity: number | string
  note: string
  active: boolean
}

export function WardFormModal({ ward, onClose }: { ward: WardSummary | null; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useForm<Values>({
    initialValues: { id: ward?.id ?? '', name: ward?.name ?? '', capacity: ward?.capacity ?? 150, note: ward?.note ?? '', active: ward?.active ?? true },
    validate: zodValidate<Values>(ward ? contract['wards:update'].input : contract['wards:create'].input),
  })
  const create = useApiMutation('wards:create', { onSuccess: onClose })
  const update = useApiMutation('wards:update', { onSuccess: onClose })
  const submit = form.onSubmit((v) => {
    const onError = (e: Error) => applyServerErrors(form, e)
    const fields = { name: v.name.trim(), capacity: Number(v.capacity), note: v.note.trim() || undefined }
    if (ward) update.mutate({ id: ward.id, ...fields, active: v.active }, { onError })
    else create.mutate(fields, { onError })
  })
  return (
    <Modal opened onClose={onClose} title={ward ? t('settings.editWard') : t('settings.addWard')}>
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('settings.wardName')} labelProps={REQUIRED} data-autofocus {...form.getInputProps('name')} />
            <NumberInput label={t('settings.capacity')} labelProps={REQUIRED} min={1} max={2000} allowDecimal={false} {...form.getInputProps('capacity')} />
          </SimpleGrid>
          <TextInput label={t('settings.wardNote')} {...form.getInputProps('note')} />
          {ward && <Switch label={t('settings.wardActive')} {...form.getInputProps('active', { type: 'checkbox' })} />}
          <FormActions onCancel={onClose} loading={create.isPending || update.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
