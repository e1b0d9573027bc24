import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Fingerprint } from './Fingerprint'

/** Host mode: what the administrator reads out to the other workstations (address, certificate fingerprint). */
export function ServingInfo({ serving }: { serving: { url: string; fingerprint: string } }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs" data-testid="connection-serving">
      <Text fz="sm" fw={500}>
        {t('connection.serving', { url: serving.url })}
      </Text>
      <Text fz="sm" c="dimmed">
        {t('connection.servingFingerprint')}
      </Text>
      <Fingerprint value={serving.fingerprint} size="sm" />
    </Stack>
  )
}
