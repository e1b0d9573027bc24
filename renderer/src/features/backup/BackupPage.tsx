import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconDatabaseExport } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupOverview } from '@shared/contract'
import { apiKey, useApiMutation, useApiQuery } from '../../api/hooks'
import { useJobProgress } from '../../api/progress'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { TableSkeleton } from '../../components/TableSkeleton'
import { translateKey } from '../../i18n/errorText'
import { BackupHistory } from './BackupHistory'
import { BackupSettingsCard } from './BackupSettingsCard'
import { RestoreCard, RestoreDialog } from './RestoreDialog'

/** The administrator's backup screen: make one now (with progress), the history, the settings, restore. */
export function BackupPage() {
  const { t } = useTranslation()
  const overview = useApiQuery('backup:list', {})
  const [restoring, setRestoring] = useState<{ file: string; encrypted: boolean } | null>(null)
  return (
    <>
      <PageHeader title={t('backups.title')} subtitle={t('backups.subtitle')} actions={<RunBackupButton overview={overview.data} />} />
      <Stack gap="md">
        <BackupProgress overview={overview.data} />
        <Paper p="lg" data-testid="backup-history">
          <Group justify="space-between" mb="sm">
            <Text fw={600}>{t('backups.history')}</Text>
            {overview.data && (
              <Text fz="sm" c="dimmed">
                {t('backups.folderNow', { folder: overview.data.folder })}
              </Text>
            )}
          </Group>
          {overview.isError ? (
            <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
          ) : overview.isPending ? (
            <TableSkeleton rows={4} />
          ) : (
            <BackupHistory entries={overview.data.entries} onRestore={(entry) => setRestoring({ file: entry.file, encrypted: entry.encrypted })} />
          )}
        </Paper>
        {overview.data && <BackupSettingsCard overview={overview.data} />}
        <RestoreCard onChoose={(file) => setRestoring({ file, encrypted: file.endsWith('.enc') })} />
      </Stack>
      {restoring && <RestoreDialog file={restoring.file} encrypted={restoring.encrypted} onClose={() => setRestoring(null)} />}
    </>
  )
}

function RunBackupButton({ overview }: { overview: BackupOverview | undefined }) {
  const { t } = useTranslation()
  const run = useApiMutation('backup:run', { success: false, onSuccess: ({ file }) => notifications.show({ color: 'teal', message: t('backups.started', { file }) }) })
  return (
    <Button
      leftSection={<IconDatabaseExport size={16} />}
      loading={run.isPending || overview?.running}
      disabled={!overview}
      onClick={() => run.mutate({})}
      data-testid="backup-run"
    >
      {t('backups.runNow')}
    </Button>
  )
}

/**
 * The running backup's progress (events of 'backup:run', the daily one's included); when it ends, the history is
 * fetched again so the new backup (or the failure) shows.
 */
function BackupProgress({ overview }: { overview: BackupOverview | undefined }) {
  const { t } = useTranslation()
  const progress = useJobProgress('backup:run')
  const restoreProgress = useJobProgress('backup:restore')
  const queryClient = useQueryClient()
  const finished = progress?.label === 'backup.progress.done' || progress?.label === 'backup.progress.failed'
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: apiKey('backup:list', {}) })
  }, [finished, progress?.jobId, queryClient])

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0
  const label =
    progress?.label === 'backup.progress.done'
      ? t('backups.progress.done')
      : progress?.label === 'backup.progress.failed'
        ? t('backups.progress.failed')
        : t('backups.progress.copy', { percent })
  return (
    <>
      {progress && (overview?.running || finished) && (
        <Paper p="md" data-testid="backup-progress">
          <Text fz="sm" mb={6}>
            {label}
          </Text>
          <Progress value={progress.label === 'backup.progress.done' ? 100 : percent} color={progress.label === 'backup.progress.failed' ? 'red' : 'teal'} animated={!finished} />
        </Paper>
      )}
      {restoreProgress?.label === 'backup.progress.restore_failed' && (
        <Alert color="red" icon={<IconAlertTriangle size={16} />}>
          {t('backups.progress.restoreFailed')}
        </Alert>
      )}
      {overview?.lastError && !overview.running && (
        <Alert color="yellow" icon={<IconAlertTriangle size={16} />} data-testid="backup-last-error">
          {t('backups.lastError', { reason: translateKey(overview.lastError) })}
        </Alert>
      )}
    </>
  )
}
