import { Group, Paper, Select } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Pager } from '../../components/Pager'
import { TableSkeleton } from '../../components/TableSkeleton'
import { zhCN } from './i18n/zh-CN'
import { AuditTable } from './AuditTable'
import { useVerify, VerifyButton, VerifyResult } from './VerifyButton'

const LIMIT = 50
const METHODS = Object.keys(zhCN.methods) as Array<keyof typeof zhCN.methods>

export function AuditPage() {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const [method, setMethod] = useState<string | null>(null)
  const list = useApiQuery('audit:list', { method: method ?? undefined, offset, limit: LIMIT }, { keepPrevious: true })
  const verify = useVerify()
  const brokenAt = verify.data && !verify.data.ok ? verify.data.brokenAt : undefined
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} actions={<VerifyButton verify={verify} />} />
      <VerifyResult verify={verify} />
      <Group mb="sm">
        <Select
          w={260}
          clearable
          searchable
          placeholder={t('audit.filterMethod')}
          aria-label={t('audit.filterMethod')}
          value={method}
          onChange={(v) => {
            setMethod(v)
            setOffset(0)
          }}
          data={METHODS.map((m) => ({ value: m, label: t('common.withNote', { text: t(`methods.${m}`), note: m }) }))}
        />
      </Group>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Paper p={0} style={{ overflow: 'hidden', opacity: list.isPlaceholderData ? 0.6 : 1 }}>
        {list.isPending && <TableSkeleton />}
        {list.data && list.data.rows.length === 0 && <EmptyState title={t('audit.empty')} />}
        {list.data && list.data.rows.length > 0 && <AuditTable rows={list.data.rows} brokenAt={brokenAt} />}
      </Paper>
      {list.data && list.data.total > 0 && <Pager offset={offset} limit={LIMIT} total={list.data.total} onChange={setOffset} />}
    </>
  )
}
