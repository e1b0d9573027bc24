import { Button, Group, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PersonFile } from '@shared/contract'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TableSkeleton } from '../../components/TableSkeleton'
import { AuditTable } from './AuditTable'
import { useAuditPages } from './useAuditPages'

const LIMIT = 50

/** The person file's 日志 tab: every audited write and sensitive read of this file (audit.read), in words. */
export function PersonAuditTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const pages = useAuditPages({ personId: file.id }, LIMIT)
  const trail = pages.page
  return (
    <>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {trail.isPending && <TableSkeleton rows={5} />}
        {trail.isError && <ErrorAlert error={trail.error} />}
        {trail.data && trail.data.rows.length === 0 && <EmptyState title={t('audit.fileEmpty')} />}
        {trail.data && trail.data.rows.length > 0 && <AuditTable rows={trail.data.rows} names={trail.data.names} withRecord={false} />}
      </Paper>
      {(pages.hasPrevious || pages.hasNext) && (
        <Group justify="flex-end" gap="xs" mt="sm">
          <Button size="xs" variant="default" disabled={!pages.hasPrevious} onClick={pages.previous}>
            {t('audit.paging.previous')}
          </Button>
          <Text fz="sm" c="dimmed">
            {t('audit.paging.page', { page: pages.pageNumber })}
          </Text>
          <Button size="xs" variant="default" disabled={!pages.hasNext} onClick={pages.next}>
            {t('audit.paging.next')}
          </Button>
        </Group>
      )}
    </>
  )
}
