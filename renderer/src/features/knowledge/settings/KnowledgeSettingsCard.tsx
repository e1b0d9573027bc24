import { Paper, Skeleton, Switch, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'

/** Settings → 知识测试: whether the kiosk shows the person the score after submitting (default off). */
export function KnowledgeSettingsCard() {
  const { t } = useTranslation()
  const settings = useApiQuery('knowledge:settings', {})
  const update = useApiMutation('knowledge:updateSettings')
  return (
    <Paper p="lg" data-testid="knowledge-settings">
      <Text fw={600} mb="sm">{t('knowledge.settings.title')}</Text>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isPending && <Skeleton h={32} />}
      {settings.data && (
        <Switch
          label={t('knowledge.settings.kioskShowsScore')}
          description={t('knowledge.settings.kioskShowsScoreHint')}
          checked={settings.data.kioskShowsScore}
          disabled={update.isPending}
          // The version shown: a switch flipped on an old page is refused (with who changed it), not applied twice.
          onChange={(e) => update.mutate({ kioskShowsScore: e.currentTarget.checked, version: settings.data.version })}
        />
      )}
    </Paper>
  )
}
