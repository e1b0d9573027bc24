import { Alert, Button, Group, List, Modal, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { BACKUP_PATH_MAX } from '@shared/contract'
import { apiKey } from '../../api/hooks'
import { clearSessionId } from '../../api/session'
import { FormActions } from '../../components/FormActions'
import { useContractForm } from '../../lib/useContractForm'
import { ME_INPUT } from '../auth/useMe'

/** A backup file typed or pasted by path (browser mode has no native file picker). */
export function RestoreCard({ onChoose }: { onChoose: (file: string) => void }) {
  const { t } = useTranslation()
  const [file, setFile] = useState('')
  const tooLong = file.length > BACKUP_PATH_MAX
  return (
    <Paper p="lg">
      <Text fw={600} mb={4}>
        {t('backups.restoreCard.title')}
      </Text>
      <Text fz="sm" c="dimmed" mb="md">
        {t('backups.restoreCard.hint')}
      </Text>
      <Group align="flex-start" maw={760}>
        <TextInput
          style={{ flex: 1 }}
          label={t('backups.restoreCard.file')}
          value={file}
          onChange={(e) => setFile(e.currentTarget.value)}
          error={tooLong ? t('v.too_long', { max: BACKUP_PATH_MAX }) : undefined}
          data-testid="restore-file"
        />
        <Button mt={25} variant="default" leftSection={<IconRestore size={16} />} disabled={file.trim() === '' || tooLong} onClick={() => onChoose(file.trim())}>
          {t('backups.restoreCard.open')}
        </Button>
      </Group>
    </Paper>
  )
}

/**
 * Says what a restore does before doing it. On success every session has ended (this one too): the window forgets
 * its session and its cached records and returns to the sign-in screen.
 */
export function RestoreDialog({ file, encrypted, onClose }: { file: string; encrypted: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { form, mutation, submit } = useContractForm('backup:restore', {
    initialValues: { file, passphrase: '' },
    toInput: (v) => ({ file: v.file, ...(v.passphrase ? { passphrase: v.passphrase } : {}) }),
    success: false,
    onSuccess: (output) => {
      clearSessionId()
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'setup:status' })
      queryClient.setQueryData(apiKey('auth:me', ME_INPUT), null)
      notifications.show({ color: 'teal', autoClose: false, message: t('backups.dialog.done', { file: output.restoredFrom, kept: output.keptCopy }) })
      void navigate('/login', { replace: true })
    },
  })
  return (
    <Modal opened onClose={onClose} title={t('backups.dialog.title')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label={t('backups.dialog.file')} readOnly {...form.getInputProps('file')} />
          <Alert color="orange" icon={<IconAlertTriangle size={16} />} title={t('backups.dialog.intro')}>
            <List size="sm" type="ordered">
              <List.Item>{t('backups.dialog.step1')}</List.Item>
              <List.Item>{t('backups.dialog.step2')}</List.Item>
              <List.Item>{t('backups.dialog.step3')}</List.Item>
              <List.Item>{t('backups.dialog.step4')}</List.Item>
            </List>
          </Alert>
          {encrypted && (
            <PasswordInput label={t('backups.dialog.passphrase')} description={t('backups.dialog.passphraseHint')} autoComplete="off" {...form.getInputProps('passphrase')} />
          )}
          <FormActions onCancel={onClose} loading={mutation.isPending} submitLabel={t('backups.dialog.confirm')} />
        </Stack>
      </form>
    </Modal>
  )
}
