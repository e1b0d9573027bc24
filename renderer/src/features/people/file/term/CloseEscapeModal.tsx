import { Modal, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TermEventRow } from '@shared/contract'
import { DateField } from '../../../../components/DateField'
import { useContractForm } from '../../../../lib/useContractForm'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'

interface Props {
  personId: string
  event: TermEventRow | null
  today?: string
  onClose: () => void
}

/** Records the date an escapee was back in custody. */
export function CloseEscapeModal({ personId, event, today, onClose }: Props) {
  const { t } = useTranslation()
  // The dialog is mounted per event (keyed by its id), so the event is fixed for the form's life.
  const { form, mutation, submit } = useContractForm('people:closeEscape', {
    initialValues: { id: personId, eventId: event?.id ?? '', toDate: today ?? '' },
    extraValidate: (v) => ({ toDate: event?.fromDate && v.toDate < event.fromDate ? t('term.escape_order') : null }),
    onSuccess: () => close(),
  })
  function close() {
    form.reset()
    onClose()
  }
  return (
    <Modal opened={event !== null} onClose={close} title={t('term.closeEscape')}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm" c="dimmed">
            {t('term.escapeOpenValue', { from: event?.fromDate ?? '' })}
          </Text>
          <DateField label={t('term.toDate')} labelProps={REQUIRED} minDate={event?.fromDate ?? undefined} maxDate={today} data-autofocus {...form.getInputProps('toDate')} />
          <FormActions onCancel={close} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
