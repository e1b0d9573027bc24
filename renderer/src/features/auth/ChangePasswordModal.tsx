import { Modal, PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { password } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { applyServerErrors, zodValidate } from '../../lib/forms'
import { FormActions } from '../../components/FormActions'

const schema = z.object({ current: z.string().min(1, 'v.required'), next: password, confirm: z.string() })
type Values = z.input<typeof schema>

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useForm<Values>({
    initialValues: { current: '', next: '', confirm: '' },
    validate: zodValidate<Values>(schema, (v) => ({ confirm: v.confirm !== v.next ? t('password.mismatch') : null })),
  })
  const close = () => {
    form.reset()
    onClose()
  }
  const change = useApiMutation('auth:changePassword', { success: t('password.done'), onSuccess: close })
  return (
    <Modal opened={opened} onClose={close} title={t('password.title')} size="sm">
      <form
        onSubmit={form.onSubmit((v) =>
          change.mutate({ current: v.current, next: v.next }, { onError: (e) => applyServerErrors(form, e) }),
        )}
      >
        <Stack>
          <PasswordInput label={t('password.current')} autoComplete="current-password" data-autofocus {...form.getInputProps('current')} />
          <PasswordInput label={t('password.next')} autoComplete="new-password" {...form.getInputProps('next')} />
          <PasswordInput label={t('password.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <FormActions onCancel={close} loading={change.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
