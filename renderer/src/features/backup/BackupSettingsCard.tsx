import { Alert, Button, Divider, Group, Paper, PasswordInput, Stack, Switch, Text, TextInput } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BackupOverview } from '@shared/contract'
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '@shared/contract'
import { NumberField } from '../../components/NumberField'
import { REQUIRED } from '../../components/required'
import { useContractForm } from '../../lib/useContractForm'
import { useLoadedVersion } from '../../lib/useLoadedVersion'

/** Folder, how many to keep, the daily backup, encryption; and the passphrase, which is never shown again. */
export function BackupSettingsCard({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg" data-testid="backup-settings">
      <Text fw={600} mb="md">
        {t('backups.settings.title')}
      </Text>
      <SettingsForm overview={overview} />
      <Divider my="lg" />
      <PassphraseForm isSet={overview.passphraseSet} />
    </Paper>
  )
}

function SettingsForm({ overview }: { overview: BackupOverview }) {
  const { t } = useTranslation()
  const { settings, version } = overview
  const loaded = { folder: settings.folder ?? '', keep: settings.keep as number | string, daily: settings.daily, encrypt: settings.encrypt, version }
  const { form, mutation, submit } = useContractForm('backup:updateSettings', {
    initialValues: loaded,
    toInput: (v) => ({ folder: v.folder.trim() === '' ? null : v.folder.trim(), keep: v.keep === '' ? Number.NaN : Number(v.keep), daily: v.daily, encrypt: v.encrypt, version: v.version }),
    check: 'input',
    success: t('backups.settings.saved'),
    onSuccess: (_o, _input, f) => f.resetDirty(),
  })
  useLoadedVersion(form, loaded)
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={640}>
        <TextInput
          label={t('backups.settings.folder')}
          description={t('backups.settings.folderHint', { folder: overview.folder })}
          placeholder={overview.folder}
          {...form.getInputProps('folder')}
          data-testid="backup-folder"
        />
        <NumberField
          w={200}
          label={t('backups.settings.keep')}
          labelProps={REQUIRED}
          description={t('backups.settings.keepHint')}
          min={BACKUP_KEEP_MIN}
          max={BACKUP_KEEP_MAX}
          {...form.getInputProps('keep')}
        />
        <Switch label={t('backups.settings.daily')} {...form.getInputProps('daily', { type: 'checkbox' })} />
        <Switch label={t('backups.settings.encrypt')} {...form.getInputProps('encrypt', { type: 'checkbox' })} />
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function PassphraseForm({ isSet }: { isSet: boolean }) {
  const { t } = useTranslation()
  const { form, mutation, submit } = useContractForm('backup:setPassphrase', {
    initialValues: { passphrase: '', confirm: '' },
    success: t('backups.passphrase.saved'),
    onSuccess: (_o, _i, f) => f.reset(),
  })
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={640}>
        <Group gap="xs">
          <IconLock size={16} />
          <Text fw={600}>{t('backups.passphrase.title')}</Text>
          <Text fz="sm" c={isSet ? 'teal' : 'dimmed'} data-testid="passphrase-state">
            {isSet ? t('backups.passphrase.isSet') : t('backups.passphrase.notSet')}
          </Text>
        </Group>
        <Alert color="yellow" variant="light">
          {t('backups.passphrase.warning')}
        </Alert>
        <PasswordInput label={t('backups.passphrase.passphrase')} description={t('backups.passphrase.hint')} labelProps={REQUIRED} autoComplete="new-password" {...form.getInputProps('passphrase')} />
        <PasswordInput label={t('backups.passphrase.confirm')} labelProps={REQUIRED} autoComplete="new-password" {...form.getInputProps('confirm')} />
        <Group>
          <Button type="submit" variant="default" loading={mutation.isPending}>
            {isSet ? t('backups.passphrase.change') : t('backups.passphrase.set')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
