import { Alert, Button, SimpleGrid, Stack } from '@mantine/core'
import { IconAlertTriangle, IconDeviceDesktop, IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fingerprintGroups, type ConnectionChoice as Choice, type ConnectionRefusal, type ConnectionState } from '@shared/connection'
import { host } from '../../api/host'
import { ChoiceCard } from './ChoiceCard'
import { ConnectCard } from './ConnectCard'
import { HostCard } from './HostCard'

/**
 * The three ways a workstation can be used, side by side. Choosing stores the choice in the main process, which
 * restarts the app into it; until then nothing is created (no database before the user has decided).
 */
export function ConnectionChoice({ state }: { state: ConnectionState }) {
  const { t } = useTranslation()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const choose = (choice: Choice) => {
    setSaving(true)
    setError(null)
    // On success the app restarts; the notice stays until it does.
    host.chooseConnection(choice).catch((failure: unknown) => {
      setError(failure instanceof Error ? failure.message : String(failure))
      setSaving(false)
    })
  }

  return (
    <Stack gap="md">
      {state.refused && <Refusal refused={state.refused} />}
      {error && (
        <Alert color="red" variant="light" data-testid="choose-failed">
          {t('connection.chooseFailed', { message: error })}
        </Alert>
      )}
      {saving && (
        <Alert color="blue" variant="light" icon={<IconRefresh size={18} />} data-testid="choose-saving">
          {t('connection.restarting')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <ChoiceCard
          icon={IconDeviceDesktop}
          title={t('connection.embedded.title')}
          subtitle={t('connection.embedded.subtitle')}
          body={t('connection.embedded.body')}
          current={state.choice?.mode === 'embedded'}
          testId="choice-embedded"
        >
          <Button mt="auto" disabled={saving} onClick={() => choose({ mode: 'embedded' })}>
            {t('connection.embedded.choose')}
          </Button>
        </ChoiceCard>
        <HostCard state={state} busy={saving} choose={choose} />
        <ConnectCard state={state} busy={saving} choose={choose} />
      </SimpleGrid>
    </Stack>
  )
}

function Refusal({ refused }: { refused: ConnectionRefusal }) {
  const { t } = useTranslation()
  const grouped = (fp: string) => fingerprintGroups(fp).join(' ')
  const text =
    refused.kind === 'fingerprint-changed'
      ? t('connection.refused.fingerprint-changed', { expected: grouped(refused.expected), presented: grouped(refused.presented) })
      : refused.kind === 'unreachable'
        ? t('connection.refused.unreachable', { url: refused.url })
        : refused.kind === 'invalid-file'
          ? t('connection.refused.invalid-file', { detail: refused.detail })
          : t('connection.refused.host-failed', { listen: refused.listen, detail: refused.detail })
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="connection-refused">
      {text}
    </Alert>
  )
}
