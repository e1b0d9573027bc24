import { Alert, Modal, Select, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { isoDate, optionalText, reason } from '@shared/contract'
import { PERIODS, type Period } from '@shared/domain/periods'
import { useApiMutation } from '../../../../api/hooks'
import { DateField } from '../../../../components/DateField'
import { applyServerErrors, zodValidate } from '../../../../lib/forms'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'

interface Props {
  personId: string
  /** 'advance' offers only the template's next periods; 'correct' any period and asks for a reason. */
  mode: 'advance' | 'correct'
  choices: Period[]
  today: string
  opened: boolean
  onClose: () => void
}

interface Values {
  to: string
  effectiveDate: string
  note: string
  reason: string
}

const schemas = {
  advance: z.object({ to: z.enum(PERIODS, { error: 'v.required' }), effectiveDate: isoDate, note: optionalText(300) }),
  correct: z.object({ to: z.enum(PERIODS, { error: 'v.required' }), effectiveDate: isoDate, reason }),
}

export function MovePeriodModal({ personId, mode, choices, today, opened, onClose }: Props) {
  const { t } = useTranslation()
  const form = useForm<Values>({
    initialValues: { to: choices.length === 1 ? (choices[0] ?? '') : '', effectiveDate: today, note: '', reason: '' },
    validate: zodValidate<Values>(schemas[mode]),
  })
  const close = () => {
    form.reset()
    onClose()
  }
  const move = useApiMutation('people:movePeriod', { success: t('periods.moved'), onSuccess: close })
  const correct = useApiMutation('people:correctPeriod', { success: t('periods.moved'), onSuccess: close })
  const submit = form.onSubmit((v) => {
    const onError = (e: Error) => applyServerErrors(form, e)
    const to = v.to as Period
    if (mode === 'advance') move.mutate({ id: personId, to, effectiveDate: v.effectiveDate, note: v.note.trim() || undefined }, { onError })
    else correct.mutate({ id: personId, to, effectiveDate: v.effectiveDate, reason: v.reason.trim() }, { onError })
  })
  return (
    <Modal opened={opened} onClose={close} title={mode === 'advance' ? t('periods.advanceTitle') : t('periods.correctTitle')}>
      <form onSubmit={submit}>
        <Stack>
          {mode === 'correct' && (
            <Alert color="orange" variant="light">
              {t('periods.correctHint')}
            </Alert>
          )}
          <Select
            label={t('periods.target')}
            labelProps={REQUIRED}
            data={choices.map((p) => ({ value: p, label: t(`period.${p}`) }))}
            {...form.getInputProps('to')}
          />
          <DateField label={t('periods.effectiveDate')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('effectiveDate')} />
          {mode === 'advance' ? (
            <Textarea label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          ) : (
            <Textarea label={t('common.reason')} labelProps={REQUIRED} autosize minRows={2} {...form.getInputProps('reason')} />
          )}
          <FormActions onCancel={close} loading={move.isPending || correct.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
