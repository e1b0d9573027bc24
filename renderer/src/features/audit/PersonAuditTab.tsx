import { Paper } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PersonFile } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TableSkeleton } from '../../components/TableSkeleton'
import { AuditTable } from './AuditTable'

/** The person file's 日志 tab: every audited write and sensitive read of this file (audit.read). */
export function PersonAuditTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const trail = useApiQuery('people:auditTrail', { id: file.id })
  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      {trail.isPending && <TableSkeleton rows={5} />}
      {trail.isError && <ErrorAlert error={trail.error} />}
      {trail.data && trail.data.length === 0 && <EmptyState title={t('audit.fileEmpty')} />}
      {trail.data && trail.data.length > 0 && <AuditTable rows={[...trail.data].sort((a, b) => b.seq - a.seq)} withRecord={false} />}
    </Paper>
  )
}
