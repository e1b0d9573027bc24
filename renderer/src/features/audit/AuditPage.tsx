import { Button, Group, Paper, Switch, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronLeft, IconChevronRight, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react'
import { Link } from 'react-router'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AUDIT_EXPORT_MAX } from '@shared/contract'
import { api } from '../../api/client'
import { host } from '../../api/host'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { TableSkeleton } from '../../components/TableSkeleton'
import { isTextKey } from '../../i18n'
import { useErrorText } from '../../i18n/errorText'
import { todayIso } from '../../lib/format'
import type { Translate } from './auditDetail'
import { AuditFilters, NO_FILTER, toApiFilter, type AuditFilterState } from './AuditFilters'
import { AuditTable } from './AuditTable'
import { auditWorkbook } from './exportAudit'
import { useAuditPages } from './useAuditPages'
import { useVerify, VerifyButton, VerifyResult } from './VerifyButton'

const LIMIT = 50

/** Exports the rows of the current filter (up to AUDIT_EXPORT_MAX) to an .xlsx file the user saves. */
function ExportButton({ filter }: { filter: ReturnType<typeof toApiFilter> }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const data = await api.invoke('audit:export', filter)
      const bytes = await auditWorkbook(data, t as unknown as Translate, isTextKey)
      const saved = await host.saveFile({
        defaultName: t('audit.export.fileName', { date: todayIso() }),
        filters: [{ name: 'Excel', extensions: ['xlsx'] }],
        data: bytes,
      })
      if (!saved) return notifications.show({ color: 'gray', message: t('audit.export.cancelled') })
      notifications.show({
        color: data.truncated ? 'yellow' : 'teal',
        message: data.truncated ? t('audit.export.truncated', { rows: data.rows.length, max: AUDIT_EXPORT_MAX }) : t('audit.export.done', { rows: data.rows.length }),
      })
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy} onClick={() => void run()}>
      {t('audit.export.button')}
    </Button>
  )
}

export function AuditPage() {
  const { t } = useTranslation()
  const [filterState, setFilterState] = useState<AuditFilterState>(NO_FILTER)
  const [showRaw, setShowRaw] = useState(false)
  const filter = toApiFilter(filterState)
  const pages = useAuditPages(filter, LIMIT)
  const list = pages.page
  const verify = useVerify()
  const brokenAt = verify.data && !verify.data.ok ? verify.data.brokenAt : undefined
  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <Group gap="xs">
            <Button component={Link} to={`/print/audit/daily?date=${todayIso()}`} variant="default" leftSection={<IconPrinter size={16} />}>
              {t('audit.daily.open')}
            </Button>
            <ExportButton filter={filter} />
            <VerifyButton verify={verify} />
          </Group>
        }
      />
      <VerifyResult verify={verify} />
      <AuditFilters value={filterState} onChange={setFilterState} />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Paper p={0} style={{ overflow: 'hidden', opacity: list.isPlaceholderData ? 0.6 : 1 }}>
        {list.isPending && <TableSkeleton />}
        {list.data && list.data.rows.length === 0 && <EmptyState title={t('audit.empty')} />}
        {list.data && list.data.rows.length > 0 && <AuditTable rows={list.data.rows} names={list.data.names} brokenAt={brokenAt} showRaw={showRaw} />}
      </Paper>
      <Group justify="space-between" mt="sm">
        <Switch size="xs" label={t('audit.raw')} checked={showRaw} onChange={(e) => setShowRaw(e.currentTarget.checked)} />
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconChevronLeft size={14} />} disabled={!pages.hasPrevious} onClick={pages.previous}>
            {t('audit.paging.previous')}
          </Button>
          <Text fz="sm" c="dimmed" className="tabular">
            {t('audit.paging.page', { page: pages.pageNumber })}
          </Text>
          <Button size="xs" variant="default" rightSection={<IconChevronRight size={14} />} disabled={!pages.hasNext} onClick={pages.next}>
            {t('audit.paging.next')}
          </Button>
        </Group>
      </Group>
    </>
  )
}
