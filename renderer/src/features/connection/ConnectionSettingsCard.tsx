import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { IconPlugConnected } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ServingInfo } from './ServingInfo'
import { useConnection } from './useConnection'

/** On the settings page, in the Electron app only: how this workstation is connected, and the way to change it. */
export function ConnectionSettingsCard() {
  const { t } = useTranslation()
  const { enabled, query } = useConnection()
  if (!enabled || !query.data) return null
  const mode = query.data.choice?.mode
  return (
    <Paper p="lg" data-testid="connection-settings">
      <Stack gap="sm">
        <Text fw={600}>{t('connection.settingsCard')}</Text>
        <Group justify="space-between">
          <Text fz="sm">{t('connection.settingsBody', { mode: mode ? t(`connection.modeName.${mode}`) : '—' })}</Text>
          <Button component={Link} to="/connection" variant="light" leftSection={<IconPlugConnected size={16} />}>
            {t('connection.change')}
          </Button>
        </Group>
        {query.data.serving && <ServingInfo serving={query.data.serving} />}
      </Stack>
    </Paper>
  )
}
