import { Alert, Paper, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FullPageLoader } from '../../components/FullPageLoader'
import { PageHeader } from '../../components/PageHeader'
import { ConnectionChoice } from './ConnectionChoice'
import { ServingInfo } from './ServingInfo'
import { useConnection } from './useConnection'

/** Settings → 连接方式 (administrators, Electron only): the same three choices, the current one marked. */
export function ConnectionPage() {
  const { t } = useTranslation()
  const { enabled, query } = useConnection()
  return (
    <>
      <PageHeader title={t('connection.pageTitle')} subtitle={t('connection.pageSubtitle')} back={{ to: '/settings', label: t('nav.settings') }} />
      {!enabled ? (
        <Alert color="gray" variant="light" data-testid="connection-browser-mode">
          {t('connection.notInBrowser')}
        </Alert>
      ) : query.isPending ? (
        <FullPageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="md">
          {query.data.serving && (
            <Paper p="lg">
              <ServingInfo serving={query.data.serving} />
            </Paper>
          )}
          <Paper p="lg">
            <ConnectionChoice state={query.data} />
          </Paper>
        </Stack>
      )}
    </>
  )
}
