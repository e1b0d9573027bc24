import { Modal, Select, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { id, isoDate, optionalText } from '@shared/contract'
import { useApiMutation } from '../../../../api/hooks'
import { DateField } from '../../../../components/DateField'
import { applyServerErrors, zodValidate } from '../../../../lib/forms'
import { useWards } from '../../../wards/useWards'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'

const schema = z.object({ wardId: id, effectiveDate: isoDate, note: optionalText(300) })

interface Values {
  wardId: string
  effectiveDate: string
  note: string
}

export function AssignWardModal({ personId, currentWardId, today, onClose }: { personId: string; currentWardId: string | null; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const wards = useWards()
  const form = useForm<Values>({ initialValues: { wardId: '', effectiveDate: today, note: '' }, validate: zodValidate<Values>(schema) })
  const assign = useApiMutation('people:assignWard', { onSuccess: onClose })
  const options = (wards.data ?? [])
    .filter((w) => w.active && w.id !== currentWardId)
    .map((w) => ({
      value: w.id,
      label: `${t('common.withNote', { text: w.name, note: `${w.occupancy}/${w.capacity}` })}${w.occupancy >= w.capacity ? t('wardHistory.full') : ''}`,
      disabled: w.occupancy >= w.capacity,
    }))
  return (
    <Modal opened onClose={onClose} title={t('wardHistory.assignTitle')}>
      <form
        onSubmit={form.onSubmit((v) =>
          assign.mutate(
            { id: personId, wardId: v.wardId, effectiveDate: v.effectiveDate, note: v.note.trim() || undefined },
            { onError: (e) => applyServerErrors(form, e) },
          ),
        )}
      >
        <Stack>
          <Select label={t('wardHistory.targetWard')} labelProps={REQUIRED} data={options} data-autofocus {...form.getInputProps('wardId')} />
          <DateField label={t('wardHistory.effectiveDate')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('effectiveDate')} />
          <Textarea label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={assign.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
