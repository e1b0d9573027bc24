import { Group, Text } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'

/** Height of the strip; the header grows by it while it shows. */
export const MOVED_BANNER_HEIGHT = 32

/**
 * This workstation's database was exported to the facility server (export-package): it is read-only from then on, and
 * says so before anyone starts typing (the back end refuses each save with the same reason).
 */
export function useMovedAt(): string | null {
  return useApiQuery('transfer:status', {}).data?.movedAt ?? null
}

export function MovedBanner({ movedAt }: { movedAt: string }) {
  const { t } = useTranslation()
  return (
    <Group h={MOVED_BANNER_HEIGHT} px="md" gap="xs" bg="gray.7" c="white" wrap="nowrap" role="status" data-testid="moved-banner">
      <IconLock size={16} style={{ flexShrink: 0 }} />
      <Text fz="sm" fw={600} truncate>
        {t('moved.banner', { at: dayjs(movedAt).format('YYYY-MM-DD HH:mm') })}
      </Text>
    </Group>
  )
}
