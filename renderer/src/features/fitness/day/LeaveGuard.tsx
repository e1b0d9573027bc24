import { Button, Group, Modal, Text } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useBlocker } from 'react-router'

/**
 * Asks before unsaved test-day entries are lost: on leaving the page in the app (another screen, another ward or date
 * in the URL) and on closing or reloading the window (the browser's own prompt).
 */
export function LeaveGuard({ when }: { when: boolean }) {
  const { t } = useTranslation()
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search))

  useEffect(() => {
    if (!when) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [when])

  return (
    <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('fitness.day.leaveTitle')} centered>
      <Text fz="sm">{t('fitness.day.leaveConfirm')}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t('fitness.day.leaveStay')}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()} data-testid="fitness-leave">
          {t('fitness.day.leaveGo')}
        </Button>
      </Group>
    </Modal>
  )
}
