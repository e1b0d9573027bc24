import { ActionIcon, Button, Checkbox, Divider, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useContractForm } from '../../lib/useContractForm'
import { RecoveryCodeCard } from './RecoveryCodeCard'
import { useFinishSetup } from './useFinishSetup'
import { NumberField } from '../../components/NumberField'
import { REQUIRED } from '../../components/required'

interface Values {
  facilityName: string
  wards: Array<{ key: string; name: string; capacity: number | string }>
  admin: { username: string; displayName: string; password: string; confirm: string }
  replacesPreviousDatabase: boolean
}

let rowSeq = 0
const rowKey = () => `ward-${++rowSeq}`

export function CreateFacilityForm({ previouslyUsed }: { previouslyUsed: boolean }) {
  const { t } = useTranslation()
  const finish = useFinishSetup()
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null)
  const initialValues: Values = {
    facilityName: '',
    wards: [
      { key: rowKey(), name: t('setup.defaultWard1'), capacity: 150 },
      { key: rowKey(), name: t('setup.defaultWard2'), capacity: 150 },
    ],
    admin: { username: 'admin', displayName: '', password: '', confirm: '' },
    replacesPreviousDatabase: false,
  }
  const { form, mutation: initialize, submit } = useContractForm('setup:initialize', {
    initialValues,
    extraValidate: (v) => ({ 'admin.confirm': v.admin.confirm !== v.admin.password ? t('setup.passwordMismatch') : null }),
    toInput: (v) => ({
      facilityName: v.facilityName.trim(),
      wards: v.wards.map((w) => ({ name: w.name.trim(), capacity: Number(w.capacity) })),
      admin: { username: v.admin.username.trim(), displayName: v.admin.displayName.trim(), password: v.admin.password },
      replacesPreviousDatabase: v.replacesPreviousDatabase,
    }),
    success: t('setup.done'),
    onSuccess: (output) => (output.auditRecoveryCode ? setRecoveryCode(output.auditRecoveryCode) : void finish()),
  })

  if (recoveryCode) return <RecoveryCodeCard code={recoveryCode} />

  return (
    <form onSubmit={submit}>
      <Stack gap="md">
        <TextInput
          label={t('setup.facilityName')}
          placeholder={t('setup.facilityNamePlaceholder')}
          labelProps={REQUIRED}
          data-autofocus
          {...form.getInputProps('facilityName')}
        />
        <Divider label={t('setup.wards')} labelPosition="left" />
        <Stack gap="xs">
          {form.getValues().wards.map((ward, index) => (
            <Group key={ward.key} gap="sm" align="flex-start" wrap="nowrap">
              <TextInput
                flex={1}
                label={t('setup.wardName')}
                aria-label={`${t('setup.wardName')} ${index + 1}`}
                labelProps={REQUIRED}
                {...form.getInputProps(`wards.${index}.name`)}
              />
              <NumberField
                w={140}
                label={t('setup.capacity')}
                aria-label={`${t('setup.capacity')} ${index + 1}`}
                min={1}
                max={2000}
                labelProps={REQUIRED}
                {...form.getInputProps(`wards.${index}.capacity`)}
              />
              <Tooltip label={t('setup.removeWard')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={26}
                  size="lg"
                  disabled={form.getValues().wards.length <= 1}
                  onClick={() => form.removeListItem('wards', index)}
                  aria-label={t('setup.removeWard')}
                >
                  <IconTrash size={16} stroke={1.5} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          {typeof form.errors.wards === 'string' && (
            <Text c="red" fz="xs">
              {form.errors.wards}
            </Text>
          )}
          <Group justify="space-between">
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('wards', { key: rowKey(), name: '', capacity: 150 })}
            >
              {t('setup.addWard')}
            </Button>
            <Text c="dimmed" fz="xs">
              {t('setup.wardsHint')}
            </Text>
          </Group>
        </Stack>
        <Divider label={t('setup.admin')} labelPosition="left" />
        <SimpleGrid cols={2}>
          <TextInput label={t('setup.username')} labelProps={REQUIRED} autoComplete="off" {...form.getInputProps('admin.username')} />
          <TextInput label={t('setup.displayName')} labelProps={REQUIRED} {...form.getInputProps('admin.displayName')} />
          <PasswordInput label={t('setup.password')} labelProps={REQUIRED} autoComplete="new-password" {...form.getInputProps('admin.password')} />
          <PasswordInput label={t('setup.passwordConfirm')} labelProps={REQUIRED} autoComplete="new-password" {...form.getInputProps('admin.confirm')} />
        </SimpleGrid>
        {previouslyUsed && (
          <Checkbox
            color="red"
            label={t('setup.replacesPrevious')}
            {...form.getInputProps('replacesPreviousDatabase', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={initialize.isPending}>
            {t('setup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
