import { Anchor, Badge, Code, Group, Table, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AUDIT_READ_COLLAPSE_MINUTES, type AuditLogRow, type AuditNames } from '@shared/contract'
import { isTextKey } from '../../i18n'
import { formatInstant } from '../../lib/format'
import { describeDetail, type Translate } from './auditDetail'

interface Props {
  rows: AuditLogRow[]
  names: AuditNames
  /** The record column (the person file's tab leaves it out: every row is about that file). */
  withRecord?: boolean
  brokenAt?: number | undefined
  /** Administrators may open the stored detail as it is. */
  showRaw?: boolean
}

/** Audit rows in words: who (linked), what (a collapsed group of reads with its count), about whom (linked), details. */
export function AuditTable({ rows, names, withRecord = true, brokenAt, showRaw = false }: Props) {
  const { t } = useTranslation()
  const tr = t as unknown as Translate
  const methodLabel = (m: string) => {
    const key = `methods.${m}`
    return isTextKey(key) ? t(key) : m
  }
  const recordTypeLabel = (type: string) => {
    const key = `audit.recordTypes.${type}`
    return isTextKey(key) ? t(key) : type
  }
  const record = (row: AuditLogRow) => {
    if (!row.recordType) return '—'
    const id = row.recordId
    if (row.recordType === 'person' && id) {
      const person = names.people[id]
      return (
        <Group gap={4} wrap="nowrap">
          <Text fz="xs" c="dimmed">
            {recordTypeLabel('person')}
          </Text>
          <Anchor component={Link} to={`/people/${id}`} fz="sm" fw={500} td={person?.voided ? 'line-through' : undefined}>
            {person?.name ?? t('audit.unknownPerson')}
          </Anchor>
        </Group>
      )
    }
    if (row.recordType === 'staff' && id) {
      return (
        <Group gap={4} wrap="nowrap">
          <Text fz="xs" c="dimmed">
            {recordTypeLabel('staff')}
          </Text>
          <Anchor component={Link} to="/staff" fz="sm">
            {names.staff[id] ?? t('audit.unknownStaff')}
          </Anchor>
        </Group>
      )
    }
    if (row.recordType === 'ward' && id) return `${recordTypeLabel('ward')} ${names.wards[id] ?? t('audit.unknownWard')}`
    return recordTypeLabel(row.recordType)
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped="even" highlightOnHover data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>{t('audit.seq')}</Table.Th>
            <Table.Th w={150}>{t('audit.at')}</Table.Th>
            <Table.Th w={120}>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.method')}</Table.Th>
            {withRecord && <Table.Th>{t('audit.target')}</Table.Th>}
            <Table.Th>{t('audit.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const detail = describeDetail(row, names, tr, isTextKey)
            return (
              <Table.Tr key={row.seq} bg={brokenAt === row.seq ? 'red.1' : undefined} data-testid="audit-row">
                <Table.Td className="tabular">{row.seq}</Table.Td>
                <Table.Td className="tabular">{formatInstant(row.at)}</Table.Td>
                <Table.Td>
                  {row.actorId ? (
                    <Anchor component={Link} to="/staff" fz="sm">
                      {names.staff[row.actorId] ?? row.actorName ?? t('audit.unknownStaff')}
                    </Anchor>
                  ) : (
                    (row.actorName ?? t('audit.system'))
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {methodLabel(row.method)}
                    </Text>
                    {row.count > 1 && (
                      <Tooltip
                        multiline
                        w={280}
                        label={t('audit.readCountHint', { count: row.count, from: formatInstant(row.firstAt), to: formatInstant(row.at), minutes: AUDIT_READ_COLLAPSE_MINUTES })}
                      >
                        <Badge size="sm" variant="light" color="gray" style={{ flexShrink: 0 }} data-testid="audit-read-count">
                          {t('audit.readCount', { count: row.count })}
                        </Badge>
                      </Tooltip>
                    )}
                  </Group>
                  {showRaw && (
                    <Code fz={11} c="dimmed">
                      {row.method}
                    </Code>
                  )}
                </Table.Td>
                {withRecord && <Table.Td style={{ whiteSpace: 'nowrap' }}>{record(row)}</Table.Td>}
                <Table.Td>
                  <Text fz="xs" c={detail ? undefined : 'dimmed'} lineClamp={3}>
                    {detail ?? '—'}
                  </Text>
                  {showRaw && (row.detail || row.recordId) && (
                    <Code block fz={10} mt={4} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                      {[row.recordId && `${row.recordType}:${row.recordId}`, row.detail].filter(Boolean).join('\n')}
                    </Code>
                  )}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
