import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { reason } from '@shared/contract'
import { translateFieldError } from '../i18n/errorText'
import { applyServerErrors } from '../lib/forms'
import { REQUIRED } from './required'

interface Props {
  opened: boolean
  title: string
  warning?: string
  confirmLabel?: string
  loading?: boolean
  onClose: () => void
  /** Resolves when done; rejects with the API error (its field errors are shown). */
  onConfirm: (reason: string) => Promise<unknown>
}

/** Asks for a reason before a voiding or correcting action. */
export function ReasonModal({ opened, title, warning, confirmLabel, loading, onClose, onConfirm }: Props) {
  const { t } = useTranslation()
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (value) => {
        const r = reason.safeParse(value)
        return r.success ? null : translateFieldError(r.error.issues[0]?.message ?? 'v.invalid')
      },
    },
  })
  const close = () => {
    form.reset()
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form
        onSubmit={form.onSubmit(async (values) => {
          try {
            await onConfirm(values.reason.trim())
            close()
          } catch (e) {
            applyServerErrors(form, e)
          }
        })}
      >
        <Stack>
          {warning && (
            <Alert color="orange" variant="light">
              {warning}
            </Alert>
          )}
          <Textarea label={t('common.reason')} autosize minRows={3} labelProps={REQUIRED} data-autofocus {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {confirmLabel ?? t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
