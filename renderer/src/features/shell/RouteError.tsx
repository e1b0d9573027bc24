import { Button, Code, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useRouteError } from 'react-router'
import { CenteredPage } from '../../components/CenteredPage'

/** Last-resort screen for a rendering failure: the rest of the window stays usable after a reload. */
export function RouteError() {
  const { t } = useTranslation()
  const error = useRouteError()
  const message = error instanceof Error ? error.message : String(error)
  return (
    <CenteredPage width={560}>
      <Paper p="xl">
        <Stack>
          <Text fw={600}>{t('err.internal')}</Text>
          <Code block>{message}</Code>
          <Button variant="light" onClick={() => window.location.reload()}>
            {t('common.retry')}
          </Button>
        </Stack>
      </Paper>
    </CenteredPage>
  )
}
