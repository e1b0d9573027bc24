import { Drawer, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { byUrgency } from '../day/DueGroups'
import { DueItemRow } from '../DueItemRow'
import type { DuePick } from './overviewRows'

/** A drawer of thousands of rows is not read; the most urgent ones are, and the count says how many there are. */
const SHOWN = 300

/** The items behind one count of the overview (duework:people), each with its person and the form that does it. */
export function DuePeopleDrawer({ pick, today, onClose }: { pick: DuePick; today: string; onClose: () => void }) {
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
    <Drawer opened onClose={onClose} position="right" size="xl" title={t('duework.people.title', { what })} data-testid="duework-people">
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
              <Stack gap={0}>
                {items.length > SHOWN && (
                  <Text fz="sm" c="dimmed">
                    {t('duework.people.capped', { shown: SHOWN, count: items.length })}
                  </Text>
                )}
                {items.slice(0, SHOWN).map((item) => (
                  <DueItemRow key={`${item.personId}/${item.rule}/${item.occurrence}`} item={item} today={today} />
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Drawer>
  )
}
