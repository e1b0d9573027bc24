import { Modal, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { StaffRow } from '@shared/contract'
import type { Role } from '@shared/domain/roles'
import { needsWards } from '@shared/domain/wardScope'
import { useApiQuery } from '../../api/hooks'
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
  wardIds: string[]
  password: string
  active: boolean
}

/**
 * Create a staff account (no `staff` given) or edit role, wards and status of one. The wards are those the person is
 * responsible for (包队责任制); whether a role must have one follows the facility's policy (设置 → 包队责任制).
 */
export function StaffFormModal({ staff, onClose }: { staff: StaffRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const wards = useWards()
  const scope = useApiQuery('facility:wardScope', {})
  const wardsRequired = (role: string, active: boolean) => active && !!scope.data && role !== '' && needsWards(scope.data.policy, role as Role)
  const editing = staff !== null
  const initialValues: Values = {
    id: staff?.id ?? '',
    username: staff?.username ?? '',
    displayName: staff?.displayName ?? '',
    role: staff?.role ?? '',
    wardIds: staff?.wards.map((w) => w.id) ?? [],
    password: '',
    active: staff?.active ?? true,
  }
  // A dialog is opened either to add or to edit, so the method is fixed for its life.
  const { form, mutation, submit } = useContractForm(staff ? 'staff:update' : 'staff:create', {
    initialValues,
    extraValidate: (v) => ({ wardIds: v.wardIds.length === 0 && wardsRequired(v.role, v.active) ? t('staff.wardsRequired') : null }),
    toInput: (v) => {
      const common = { displayName: v.displayName.trim(), role: v.role as Role, wardIds: v.wardIds }
      return staff ? { id: staff.id, revision: staff.revision, ...common, active: v.active } : { username: v.username.trim(), password: v.password, ...common }
    },
    onSuccess: onClose,
  })
  // A closed ward can be kept but not newly given.
  const kept = new Set(staff?.wards.map((w) => w.id) ?? [])
  const wardOptions = (wards.data ?? []).filter((w) => w.active || kept.has(w.id)).map((w) => ({ value: w.id, label: w.name }))
  const values = form.getValues()
  const required = wardsRequired(values.role, values.active)
  const wardsError = form.errors.wardIds ?? Object.entries(form.errors).find(([path]) => path.startsWith('wardIds.'))?.[1]
  return (
    <Modal opened onClose={onClose} title={editing ? t('staff.editTitle') : t('staff.newTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label={t('staff.username')} labelProps={REQUIRED} disabled={editing} autoComplete="off" data-autofocus {...form.getInputProps('username')} />
            <TextInput label={t('staff.displayName')} labelProps={REQUIRED} {...form.getInputProps('displayName')} />
            <Select label={t('staff.role')} labelProps={REQUIRED} data={roleOptions(t)} {...form.getInputProps('role')} />
            <MultiSelect
              label={t('staff.wards')}
              labelProps={required ? REQUIRED : undefined}
              description={!wardsError ? t(required ? 'staff.wardsHintRequired' : 'staff.wardsHintOptional') : undefined}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              placeholder={values.wardIds.length === 0 ? t('staff.wardsPlaceholder') : undefined}
              data={wardOptions}
              searchable
              clearable
              data-testid="staff-wards"
              {...form.getInputProps('wardIds')}
              error={wardsError}
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
