import { Alert, Modal, Select, Stack, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Period } from '@shared/domain/periods'
import { DateField } from '../../../../components/DateField'
import { useContractForm } from '../../../../lib/useContractForm'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'

interface Props {
  personId: string
  /** The period as the page showed it: a move saved meanwhile by someone else is refused, not stacked on (issue 15). */
  seen: { period: Period | null; since: string | null }
  /** 'advance' offers only the template's next periods; 'correct' any period and asks for a reason. */
  mode: 'advance' | 'correct'
  choices: Period[]
  today: string
  opened: boolean
  onClose: () => void
}

interface Values {
  id: string
  to: string
  effectiveDate: string
  note: string
  reason: string
  seen: Props['seen']
}

export function MovePeriodModal({ personId, seen, mode, choices, today, opened, onClose }: Props) {
  const { t } = useTranslation()
  const initialValues: Values = { id: personId, to: choices.length === 1 ? (choices[0] ?? '') : '', effectiveDate: today, note: '', reason: '', seen }
  // The mode is fixed for the dialog's life (each mode is its own mounted dialog).
  const { form, mutation, submit } = useContractForm(mode === 'advance' ? 'people:movePeriod' : 'people:correctPeriod', {
    initialValues,
    toInput: (v) => {
      const to = v.to as Period
      return mode === 'advance'
        ? { id: personId, to, effectiveDate: v.effectiveDate, note: v.note.trim() || undefined, seen: v.seen }
        : { id: personId, to, effectiveDate: v.effectiveDate, reason: v.reason.trim(), seen: v.seen }
    },
    success: t('periods.moved'),
    onSuccess: () => close(),
  })
  function close() {
    form.reset()
    onClose()
  }
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
          <FormActions onCancel={close} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
