import { Modal, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { StaffRow } from '@shared/contract'
import type { Role } from '@shared/domain/roles'
import { useContractForm } from '../../lib/useContractForm'
import { useWards } from '../wards/useWards'
import { roleOptions } from './roleOptions'
import { REQUIRED } from '../../components/required'
import { FormActions } from '../../components/FormActions'

interface Values {
  id: string
  username: string
  displayName: string
  role: string
  wardId: string | null
  password: string
  active: boolean
}

/** Create a staff account (no `staff` given) or edit role, ward and status of one. */
export function StaffFormModal({ staff, onClose }: { staff: StaffRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const wards = useWards()
  const editing = staff !== null
  const initialValues: Values = {
    id: staff?.id ?? '',
    username: staff?.username ?? '',
    displayName: staff?.displayName ?? '',
    role: staff?.role ?? '',
    wardId: staff?.wardId ?? null,
    password: '',
    active: staff?.active ?? true,
  }
  // A dialog is opened either to add or to edit, so the method is fixed for its life.
  const { form, mutation, submit } = useContractForm(staff ? 'staff:update' : 'staff:create', {
    initialValues,
    extraValidate: (v) => ({ wardId: v.role === 'ward_officer' && !v.wardId ? t('staff.wardHint') : null }),
    toInput: (v) => {
      const common = { displayName: v.displayName.trim(), role: v.role as Role, wardId: v.wardId || null }
      return staff ? { id: staff.id, revision: staff.revision, ...common, active: v.active } : { username: v.username.trim(), password: v.password, ...common }
    },
    onSuccess: onClose,
  })
  const wardOptions = (wards.data ?? []).filter((w) => w.active || w.id === staff?.wardId).map((w) => ({ value: w.id, label: w.name }))
  return (
    <Modal opened onClose={onClose} title={editing ? t('staff.editTitle') : t('staff.newTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('staff.username')} labelProps={REQUIRED} disabled={editing} autoComplete="off" data-autofocus {...form.getInputProps('username')} />
            <TextInput label={t('staff.displayName')} labelProps={REQUIRED} {...form.getInputProps('displayName')} />
            <Select label={t('staff.role')} labelProps={REQUIRED} data={roleOptions(t)} {...form.getInputProps('role')} />
            <Select
              label={t('staff.ward')}
              description={form.getValues().role === 'ward_officer' && !form.errors.wardId ? t('staff.wardHint') : undefined}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              clearable
              allowDeselect
              data={wardOptions}
              {...form.getInputProps('wardId')}
            />
            {!editing && <PasswordInput label={t('staff.password')} labelProps={REQUIRED} autoComplete="new-password" {...form.getInputProps('password')} />}
          </SimpleGrid>
          {editing && <Switch label={t('staff.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />}
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
