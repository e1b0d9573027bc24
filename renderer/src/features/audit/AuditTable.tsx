import { Code, Group, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AuditRow } from '@shared/contract'
import { isTextKey } from '../../i18n'
import { formatInstant } from '../../lib/format'

/** Audit rows; the method is shown by its readable name with the raw name beside it. */
export function AuditTable({ rows, withRecord = true, brokenAt }: { rows: AuditRow[]; withRecord?: boolean; brokenAt?: number }) {
  const { t } = useTranslation()
  const methodLabel = (m: string) => {
    const key = `methods.${m}`
    return isTextKey(key) ? t(key) : m
  }
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped="even" highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('audit.seq')}</Table.Th>
            <Table.Th w={150}>{t('audit.at')}</Table.Th>
            <Table.Th w={120}>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.method')}</Table.Th>
            {withRecord && <Table.Th>{t('audit.record')}</Table.Th>}
            <Table.Th>{t('audit.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.seq} bg={brokenAt === row.seq ? 'red.1' : undefined}>
              <Table.Td className="tabular">{row.seq}</Table.Td>
              <Table.Td className="tabular">{formatInstant(row.at)}</Table.Td>
              <Table.Td>{row.actorName ?? t('audit.system')}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text fz="sm">{methodLabel(row.method)}</Text>
                  <Code fz={11} c="dimmed">
                    {row.method}
                  </Code>
                </Group>
              </Table.Td>
              {withRecord && (
                <Table.Td>
                  {row.recordType ? (
                    <Tooltip label={row.recordId ?? ''} disabled={!row.recordId}>
                      <Text fz="xs" c="dimmed" ff="monospace">
                        {row.recordType}
                        {row.recordId ? ` · ${row.recordId.slice(0, 8)}` : ''}
                      </Text>
                    </Tooltip>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <Text fz="xs" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-all' }}>
                  {row.detail ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
