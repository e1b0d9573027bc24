import { Alert } from '@mantine/core'
import { IconLock, IconLockOpen } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/hooks'
import { formatInstant } from '../../../lib/format'

/** Over a released file: 已出所 · date · kind · 只读; a reopened one says by whom and why. */
export function ReleaseBanner({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const view = useApiQuery('release:get', { personId })
  const data = view.data
  if (!data) return null
  const open = data.openReopening
  if (open) {
    return (
      <Alert color="orange" icon={<IconLockOpen size={20} />} mb="md" data-testid="release-banner" data-state="reopened">
        {t('release.banner.reopened', { by: open.openedByName, at: formatInstant(open.openedAt), reason: open.reason })}
      </Alert>
    )
  }
  if (!data.fileClosed) return null
  const r = data.release?.status === 'released' ? data.release : null
  return (
    <Alert color="gray" variant="filled" icon={<IconLock size={20} />} mb="md" data-testid="release-banner" data-state="closed">
      {r ? t('release.banner.released', { date: r.releaseDate, kind: t(`release.kinds.${r.kind}`) }) : t('release.banner.past')}
    </Alert>
  )
}
