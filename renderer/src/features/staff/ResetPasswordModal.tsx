import { Modal, PasswordInput, Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { password, type StaffRow } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { applyServerErrors, zodValidate } from '../../lib/forms'
import { REQUIRED } from '../../components/required'
import { FormActions } from '../../components/FormActions'

const schema = z.object({ password, confirm: z.string() })
type Values = z.input<typeof schema>

export function ResetPasswordModal({ staff, onClose }: { staff: StaffRow; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useForm<Values>({
    initialValues: { password: '', confirm: '' },
    validate: zodValidate<Values>(schema, (v) => ({ confirm: v.confirm !== v.password ? t('password.mismatch') : null })),
  })
  const reset = useApiMutation('staff:resetPassword', { success: t('staff.resetDone'), onSuccess: onClose })
  return (
    <Modal opened onClose={onClose} title={t('staff.resetTitle', { name: staff.displayName })} size="sm">
      <form onSubmit={form.onSubmit((v) => reset.mutate({ id: staff.id, password: v.password }, { onError: (e) => applyServerErrors(form, e) }))}>
        <Stack>
          <PasswordInput label={t('staff.newPassword')} labelProps={REQUIRED} autoComplete="new-password" data-autofocus {...form.getInputProps('password')} />
          <PasswordInput label={t('password.confirm')} labelProps={REQUIRED} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <FormActions onCancel={onClose} loading={reset.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
