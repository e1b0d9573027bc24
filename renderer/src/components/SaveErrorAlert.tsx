import { Alert, Button, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconPlugConnectedX, IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiCallError, isNetworkError } from '../api/errors'
import { useErrorText } from '../i18n/errorText'

/**
 * Beside a form's save button, the two failures where the form must stay exactly as typed: a stale edit ("changed by X
 * at T", with a button that loads the latest content only when clicked) and a save that never reached the server.
 * Other failures (field messages) are shown by the form itself; nothing is shown then.
 */
export function SaveErrorAlert({ error, onReload }: { error: unknown; onReload?: () => Promise<unknown> | void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [reloading, setReloading] = useState(false)
  if (isNetworkError(error)) {
    return (
      <Alert color="orange" variant="light" icon={<IconPlugConnectedX size={18} />} role="alert" data-testid="save-offline">
        {t('conflict.offline')}
      </Alert>
    )
  }
  if (!isApiCallError(error) || error.code !== 'conflict') return null
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('conflict.title')} role="alert" data-testid="save-conflict">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{errorText(error)}</Text>
        {onReload && (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} />}
            loading={reloading}
            data-testid="conflict-reload"
            onClick={() => {
              setReloading(true)
              void Promise.resolve(onReload()).finally(() => setReloading(false))
            }}
          >
            {t('conflict.reload')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}
