import { Group, Pagination, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface Props {
  offset: number
  limit: number
  total: number
  onChange: (offset: number) => void
}

/** Server-side paging: page buttons plus "rows a–b of n". */
export function Pager({ offset, limit, total, onChange }: Props) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(total / limit))
  const page = Math.floor(offset / limit) + 1
  return (
    <Group justify="space-between" mt="sm">
      <Text fz="sm" c="dimmed" className="tabular">
        {total === 0 ? t('common.total', { count: 0 }) : t('common.pageOf', { from: offset + 1, to: Math.min(offset + limit, total), total })}
      </Text>
      {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={(p) => onChange((p - 1) * limit)} withEdges />}
    </Group>
  )
}
