import { Modal, PasswordInput, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useContractForm } from '../../lib/useContractForm'
import { FormActions } from '../../components/FormActions'

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, mutation, submit } = useContractForm('auth:changePassword', {
    initialValues: { current: '', next: '', confirm: '' },
    extraValidate: (v) => ({ confirm: v.confirm !== v.next ? t('password.mismatch') : null }),
    toInput: (v) => ({ current: v.current, next: v.next }),
    success: t('password.done'),
    onSuccess: () => close(),
  })
  function close() {
    form.reset()
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={t('password.title')} size="sm">
      <form onSubmit={submit}>
        <Stack>
          <PasswordInput label={t('password.current')} autoComplete="current-password" data-autofocus {...form.getInputProps('current')} />
          <PasswordInput label={t('password.next')} autoComplete="new-password" {...form.getInputProps('next')} />
          <PasswordInput label={t('password.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <FormActions onCancel={close} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
