import { Modal, PasswordInput, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { StaffRow } from '@shared/contract'
import { useContractForm } from '../../lib/useContractForm'
import { REQUIRED } from '../../components/required'
import { FormActions } from '../../components/FormActions'

export function ResetPasswordModal({ staff, onClose }: { staff: StaffRow; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, mutation, submit } = useContractForm('staff:resetPassword', {
    initialValues: { id: staff.id, password: '', confirm: '' },
    extraValidate: (v) => ({ confirm: v.confirm !== v.password ? t('password.mismatch') : null }),
    toInput: (v) => ({ id: staff.id, password: v.password }),
    success: t('staff.resetDone'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('staff.resetTitle', { name: staff.displayName })} size="sm">
      <form onSubmit={submit}>
        <Stack>
          <PasswordInput label={t('staff.newPassword')} labelProps={REQUIRED} autoComplete="new-password" data-autofocus {...form.getInputProps('password')} />
          <PasswordInput label={t('password.confirm')} labelProps={REQUIRED} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
