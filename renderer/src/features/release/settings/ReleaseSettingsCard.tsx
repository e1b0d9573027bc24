import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ContactCardSettings, ReleaseRules } from '@shared/domain/release'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NumberField } from '../../../components/NumberField'
import { useContractForm } from '../../../lib/useContractForm'
import { useLoadedVersion } from '../../../lib/useLoadedVersion'

const INPUT = {}

/** Settings → 出所与联系卡 (administrators): the deciding organ's notice days, 出所管理's look-ahead, the contact card's wording. */
export function ReleaseSettingsCard() {
  const { t } = useTranslation()
  const settings = useApiQuery('release:settings', INPUT)
  return (
    <Paper p="lg" data-testid="release-settings">
      <Text fw={600} mb="sm">{t('release.settings.title')}</Text>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isPending && <Skeleton h={200} />}
      {settings.data && <SettingsForm rules={settings.data.rules} card={settings.data.contactCard} version={settings.data.version} />}
    </Paper>
  )
}

interface Values {
  organNoticeDays: number | string
  upcomingDays: number | string
  title: string
  hotline: string
  text: string
  version: string
}

function SettingsForm({ rules, card, version }: { rules: ReleaseRules; card: ContactCardSettings; version: string }) {
  const { t } = useTranslation()
  const loaded: Values = { organNoticeDays: rules.organNoticeDays, upcomingDays: rules.upcomingDays, title: card.title, hotline: card.hotline ?? '', text: card.text ?? '', version }
  const { form, submit, mutation } = useContractForm('release:saveSettings', {
    initialValues: loaded,
    check: 'input',
    toInput: (v: Values) => ({
      rules: { organNoticeDays: v.organNoticeDays === '' ? Number.NaN : Number(v.organNoticeDays), upcomingDays: v.upcomingDays === '' ? Number.NaN : Number(v.upcomingDays) },
      contactCard: { title: v.title, hotline: v.hotline.trim() || null, text: v.text.trim() || null },
      version: v.version,
    }),
    onSuccess: (_o, _input, f) => f.resetDirty(),
    rename: (path) => path.replace(/^rules\./, '').replace(/^contactCard\./, ''),
  })
  useLoadedVersion(form, loaded)
  return (
    <form onSubmit={submit}>
      <Stack>
        <SimpleGrid cols={2}>
          <NumberField label={t('release.settings.organNoticeDays')} description={t('release.settings.organNoticeHint')} {...form.getInputProps('organNoticeDays')} />
          <NumberField label={t('release.settings.upcomingDays')} {...form.getInputProps('upcomingDays')} />
          <TextInput label={t('release.settings.cardTitle')} {...form.getInputProps('title')} />
          <TextInput label={t('release.settings.hotline')} {...form.getInputProps('hotline')} />
        </SimpleGrid>
        <Textarea label={t('release.settings.cardText')} autosize minRows={2} {...form.getInputProps('text')} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
