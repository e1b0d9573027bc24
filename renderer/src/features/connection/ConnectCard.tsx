import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle, IconPlugConnected } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseServerInput, type ConnectionChoice, type ConnectionState, type ProbeResult } from '@shared/connection'
import { host } from '../../api/host'
import { REQUIRED } from '../../components/required'
import { translateFieldError } from '../../i18n/errorText'
import { ChoiceCard } from './ChoiceCard'
import { Fingerprint } from './Fingerprint'

type Probed = Extract<ProbeResult, { ok: true }> & { url: string }

/**
 * Connect to the facility server: address → 探测 → the certificate's fingerprint, large, to compare with the one the
 * server shows; only a confirmed fingerprint is stored (and from then on it is the only certificate this workstation
 * accepts from that server).
 */
export function ConnectCard({ state, busy, choose }: { state: ConnectionState; busy: boolean; choose: (choice: ConnectionChoice) => void }) {
  const { t } = useTranslation()
  const current = state.choice?.mode === 'connect' ? state.choice : null
  const [probing, setProbing] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [probed, setProbed] = useState<Probed | null>(null)
  const form = useForm({
    initialValues: { address: current?.url ?? '' },
    validate: (values) => {
      const parsed = parseServerInput(values.address)
      return { address: parsed.ok ? null : translateFieldError(parsed.message) }
    },
  })

  const probe = async (address: string) => {
    const parsed = parseServerInput(address)
    if (!parsed.ok) return
    setProbing(true)
    setFailure(null)
    try {
      const result = await host.probeServer(parsed.url)
      if (result.ok) setProbed({ ...result, url: parsed.url })
      else setFailure(t(`connection.probeFailed.${result.reason}`, { detail: result.detail ? translateFieldError(result.detail) : '' }))
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    } finally {
      setProbing(false)
    }
  }

  return (
    <ChoiceCard
      icon={IconPlugConnected}
      title={t('connection.connect.title')}
      subtitle={t('connection.connect.subtitle')}
      body={t('connection.connect.body')}
      current={current !== null}
      testId="choice-connect"
    >
      <form onSubmit={form.onSubmit((values) => void probe(values.address))} style={{ marginTop: 'auto' }}>
        <Stack gap="sm">
          <TextInput
            label={t('connection.connect.address')}
            description={t('connection.connect.addressHint')}
            placeholder="https://192.168.1.10:8443"
            labelProps={REQUIRED}
            {...form.getInputProps('address')}
          />
          {failure && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="probe-failure">
              {failure}
            </Alert>
          )}
          <Button type="submit" variant="light" loading={probing} disabled={busy}>
            {t('connection.connect.probe')}
          </Button>
        </Stack>
      </form>
      <Modal opened={probed !== null} onClose={() => setProbed(null)} title={t('connection.connect.fingerprintTitle')} size="lg" centered>
        {probed && (
          <Stack gap="md" data-testid="probe-result">
            <Text ff="monospace" fz="sm">
              {probed.url}
            </Text>
            <Fingerprint value={probed.fingerprint} testId="probe-fingerprint" />
            <Group gap="xl">
              <Text fz="sm">
                {t('connection.connect.subject')}：{probed.subject}
              </Text>
              <Text fz="sm">
                {t('connection.connect.validTo')}：{formatDate(probed.validTo)}
              </Text>
            </Group>
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
              {t('connection.connect.compare')}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setProbed(null)}>
                {t('connection.connect.cancel')}
              </Button>
              <Button
                disabled={busy}
                onClick={() => choose({ mode: 'connect', url: probed.url, fingerprint: probed.fingerprint, confirmedAt: new Date().toISOString() })}
              >
                {t('connection.connect.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </ChoiceCard>
  )
}

/** The certificate's expiry as a date when it reads as one; as given otherwise. */
function formatDate(value: string): string {
  const date = dayjs(value)
  return date.isValid() ? date.format('YYYY-MM-DD') : value
}
