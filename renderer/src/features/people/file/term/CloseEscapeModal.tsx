import { Modal, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { isoDate } from '@shared/contract'
import type { TermEventRow } from '@shared/contract'
import { useApiMutation } from '../../../../api/hooks'
import { DateField } from '../../../../components/DateField'
import { translateFieldError } from '../../../../i18n/errorText'
import { applyServerErrors } from '../../../../lib/forms'
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
  const form = useForm({
    initialValues: { toDate: today ?? '' },
    validate: {
      toDate: (v) => {
        if (!v) return t('v.required')
        const r = isoDate.safeParse(v)
        if (!r.success) return translateFieldError(r.error.issues[0]?.message ?? 'v.date')
        return event?.fromDate && v < event.fromDate ? t('term.escape_order') : null
      },
    },
  })
  const close = () => {
    form.reset()
    onClose()
  }
  const closeEscape = useApiMutation('people:closeEscape', { onSuccess: close })
  return (
    <Modal opened={event !== null} onClose={close} title={t('term.closeEscape')}>
      <form
        onSubmit={form.onSubmit((v) => {
          if (event) closeEscape.mutate({ id: personId, eventId: event.id, toDate: v.toDate }, { onError: (e) => applyServerErrors(form, e) })
        })}
      >
        <Stack>
          <Text fz="sm" c="dimmed">
            {t('term.escapeOpenValue', { from: event?.fromDate ?? '' })}
          </Text>
          <DateField label={t('term.toDate')} labelProps={REQUIRED} minDate={event?.fromDate ?? undefined} maxDate={today} data-autofocus {...form.getInputProps('toDate')} />
          <FormActions onCancel={close} loading={closeEscape.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
