import { Modal, Select, Stack, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../../../components/DateField'
import { useContractForm } from '../../../../lib/useContractForm'
import { useWards } from '../../../wards/useWards'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'

interface Values {
  id: string
  wardId: string
  effectiveDate: string
  note: string
  /** The ward as the page showed it: a transfer saved meanwhile by someone else is refused, not replaced (issue 15). */
  seen: string | null
}

export function AssignWardModal({ personId, currentWardId, today, onClose }: { personId: string; currentWardId: string | null; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const wards = useWards()
  const initialValues: Values = { id: personId, wardId: '', effectiveDate: today, note: '', seen: currentWardId }
  const { form, mutation, submit } = useContractForm('people:assignWard', {
    initialValues,
    toInput: (v) => ({ id: personId, wardId: v.wardId, effectiveDate: v.effectiveDate, note: v.note.trim() || undefined, seen: v.seen }),
    onSuccess: onClose,
  })
  const options = (wards.data ?? [])
    .filter((w) => w.active && w.id !== currentWardId)
    .map((w) => ({
      value: w.id,
      label: `${t('common.withNote', { text: w.name, note: `${w.occupancy}/${w.capacity}` })}${w.occupancy >= w.capacity ? t('wardHistory.full') : ''}`,
      disabled: w.occupancy >= w.capacity,
    }))
  return (
    <Modal opened onClose={onClose} title={t('wardHistory.assignTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Select label={t('wardHistory.targetWard')} labelProps={REQUIRED} data={options} data-autofocus {...form.getInputProps('wardId')} />
          <DateField label={t('wardHistory.effectiveDate')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('effectiveDate')} />
          <Textarea label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
