import { Modal, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { WardSummary } from '@shared/contract'
import { useContractForm } from '../../lib/useContractForm'
import { REQUIRED } from '../../components/required'
import { FormActions } from '../../components/FormActions'
import { NumberField } from '../../components/NumberField'

interface Values {
  id: string
  name: string
  capacity: number | string
  note: string
  active: boolean
}

export function WardFormModal({ ward, onClose }: { ward: WardSummary | null; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues: Values = { id: ward?.id ?? '', name: ward?.name ?? '', capacity: ward?.capacity ?? 150, note: ward?.note ?? '', active: ward?.active ?? true }
  // A dialog is opened either to add or to edit, so the method is fixed for its life.
  const { form, mutation, submit } = useContractForm(ward ? 'wards:update' : 'wards:create', {
    initialValues,
    toInput: (v) => {
      const fields = { name: v.name.trim(), capacity: Number(v.capacity), note: v.note.trim() || undefined }
      return ward ? { id: ward.id, revision: ward.revision, ...fields, active: v.active } : fields
    },
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={ward ? t('settings.editWard') : t('settings.addWard')}>
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('settings.wardName')} labelProps={REQUIRED} data-autofocus {...form.getInputProps('name')} />
            <NumberField label={t('settings.capacity')} labelProps={REQUIRED} min={1} max={2000} {...form.getInputProps('capacity')} />
          </SimpleGrid>
          <TextInput label={t('settings.wardNote')} {...form.getInputProps('note')} />
          {ward && <Switch label={t('settings.wardActive')} {...form.getInputProps('active', { type: 'checkbox' })} />}
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
