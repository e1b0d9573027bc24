import { Badge, Button, Group, Popover, Stack, Text, Tooltip } from '@mantine/core'
import { IconLock, IconLockOpen } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffRow } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'

/** The lock's end: the time of day when it ends today (a lock lasts minutes), with the date otherwise. */
function lockEnd(iso: string): string {
  const end = dayjs(iso)
  return end.isSame(dayjs(), 'day') ? end.format('HH:mm') : end.format('YYYY-MM-DD HH:mm')
}

/** "已锁定，至 14:32" for an account whose sign-in lock is in force (the list sends the lock only then). */
export function LockBadge({ lockedUntil }: { lockedUntil: string }) {
  const { t } = useTranslation()
  return (
    <Tooltip label={t('staff.lock.lockedHint')}>
      <Badge variant="light" color="red" leftSection={<IconLock size={12} />} data-testid="staff-locked">
        {t('staff.lock.lockedUntil', { time: lockEnd(lockedUntil) })}
      </Badge>
    </Tooltip>
  )
}

/** Lifts the lock early (staff:unlock), after a one-line confirmation. */
export function UnlockButton({ staff }: { staff: StaffRow }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const unlock = useApiMutation('staff:unlock', { success: t('staff.lock.unlocked'), onSuccess: () => setOpened(false) })
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconLockOpen size={12} />} onClick={() => setOpened((o) => !o)}>
          {t('staff.lock.unlock')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={280}>
        <Stack gap="xs">
          <Text fz="sm">{t('staff.lock.unlockConfirm', { name: staff.displayName })}</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" color="red" loading={unlock.isPending} onClick={() => unlock.mutate({ id: staff.id })}>
              {t('staff.lock.unlock')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
