import { Button, Group, Text } from '@mantine/core'
import { IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { connection, type ConnectionState } from '../../api/connection'

/** Height of the banner strip; the header grows by it while the banner shows. */
export const BANNER_HEIGHT = 36

/**
 * The strip at the top of the shell while the back end cannot be reached (with the next check's time and a "retry
 * now"), then "reconnected" for a moment. Nothing is shown while online.
 */
export function ConnectionBanner({ state }: { state: ConnectionState }) {
  const { t } = useTranslation()
  const now = useSecondTick(state.status === 'offline')
  if (state.status === 'online') return null
  if (state.status === 'reconnected') {
    return (
      <Group h={BANNER_HEIGHT} px="md" gap="xs" bg="teal.6" c="white" role="status" data-testid="connection-back">
        <IconPlugConnected size={18} />
        <Text fz="sm" fw={600}>
          {t('offline.back')}
        </Text>
      </Group>
    )
  }
  const seconds = state.nextRetryAt === null ? null : Math.max(0, Math.ceil((state.nextRetryAt - now) / 1000))
  return (
    <Group h={BANNER_HEIGHT} px="md" gap="sm" bg="orange.7" c="white" wrap="nowrap" role="alert" data-testid="connection-lost">
      <IconPlugConnectedX size={18} style={{ flexShrink: 0 }} />
      <Text fz="sm" fw={600} truncate>
        {t('offline.lost')}
      </Text>
      <Text fz="sm" style={{ whiteSpace: 'nowrap' }} data-testid="connection-next">
        {seconds === null || state.nextRetryAt === null
          ? t('offline.checking')
          : t('offline.nextRetry', { time: dayjs(state.nextRetryAt).format('HH:mm:ss'), seconds })}
      </Text>
      <Button size="compact-xs" variant="white" color="orange" ml="auto" onClick={() => connection.retryNow()} disabled={state.nextRetryAt === null}>
        {t('offline.retryNow')}
      </Button>
    </Group>
  )
}

/** The current time, re-rendered every second while `active` (the countdown). */
function useSecondTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const tick = () => setNow(Date.now())
    const first = setTimeout(tick, 0)
    const timer = setInterval(tick, 1000)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [active])
  return now
}
