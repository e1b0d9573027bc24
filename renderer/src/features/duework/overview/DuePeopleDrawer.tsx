import { Drawer, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { byUrgency } from '../day/DueGroups'
import { DueTable } from '../day/DueTable'
import type { DuePick } from './overviewRows'

/** A drawer of thousands of rows is not read; the most urgent ones are, and the count says how many there are. */
const SHOWN = 300

/** The items behind one count of the overview (duework:people), each with its person and the form that does it. */
export function DuePeopleDrawer({ pick, today, wardNames, onClose }: { pick: DuePick; today: string; wardNames: ReadonlyMap<string, string>; onClose: () => void }) {
  const { t } = useTranslation()
  const input = {
    status: pick.status,
    ...(pick.wardId ? { wardId: pick.wardId } : {}),
    ...(pick.centre ? { centre: pick.centre } : {}),
  }
  const list = useApiQuery('duework:people', input)
  const what = [pick.wardName, pick.centre ? t(`duework.centre.${pick.centre}`) : null, t(`duework.status.${pick.status}`)].filter(Boolean).join(' · ')
  const items = list.data ? [...list.data].sort(byUrgency) : []
  return (
    <Drawer opened onClose={onClose} position="right" size="80rem" title={t('duework.people.title', { what })} data-testid="duework-people">
      <Stack gap="sm">
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.isPending && <TableSkeleton rows={6} />}
        {list.data && (
          <>
            <Text fw={600} data-testid="duework-people-count">
              {t('duework.people.count', { count: items.length })}
            </Text>
            {items.length === 0 ? (
              <EmptyState title={t('duework.people.empty')} />
            ) : (
              <>
                {items.length > SHOWN && (
                  <Text fz="sm" c="dimmed">
                    {t('duework.people.capped', { shown: SHOWN, count: items.length })}
                  </Text>
                )}
                <DueTable items={items.slice(0, SHOWN)} today={today} readOnly={false} showWard={pick.wardId ? undefined : (item) => (item.wardId ? (wardNames.get(item.wardId) ?? '—') : '—')} />
              </>
            )}
          </>
        )}
      </Stack>
    </Drawer>
  )
}
