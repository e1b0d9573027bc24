import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TermEventRow } from '@shared/contract'
import { daysBetween } from '@shared/domain/dates'
import { EmptyState } from '../../../../components/EmptyState'
import { RecordedBy } from '../../../../components/RecordedBy'

interface Props {
  events: TermEventRow[]
  writable: boolean
  onCloseEscape: (event: TermEventRow) => void
  onVoid: (event: TermEventRow) => void
}

export function TermEventsTable({ events, writable, onCloseEscape, onVoid }: Props) {
  const { t } = useTranslation()
  if (events.length === 0) return <EmptyState title={t('term.eventsEmpty')} />
  const detail = (e: TermEventRow) => {
    if (e.kind === 'extension') return t('term.monthsValue', { count: e.months ?? 0 })
    if (!e.toDate) return t('term.escapeOpenValue', { from: e.fromDate ?? '' })
    const days = e.fromDate ? daysBetween(e.fromDate, e.toDate) : 0
    return t('common.withNote', { text: t('term.escapeValue', { from: e.fromDate ?? '', to: e.toDate }), note: t('term.escapeCount', { count: days }) })
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table data-testid="term-events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>{t('term.kind')}</Table.Th>
            <Table.Th>{t('term.detail')}</Table.Th>
            <Table.Th>{t('term.docNo')}</Table.Th>
            <Table.Th w={110}>{t('extensionForm.approvalDate')}</Table.Th>
            <Table.Th>{t('field.note')}</Table.Th>
            <Table.Th>{t('term.recorded')}</Table.Th>
            <Table.Th w={180} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} c={e.voided ? 'dimmed' : undefined}>
              <Table.Td>
                <Badge variant="light" color={e.kind === 'escape' ? 'red' : 'blue'}>
                  {e.kind === 'escape' ? t('term.kindEscape') : t('term.kindExtension')}
                </Badge>
              </Table.Td>
              <Table.Td className="tabular" td={e.voided ? 'line-through' : undefined}>
                {detail(e)}
              </Table.Td>
              <Table.Td>{e.docNo ?? '—'}</Table.Td>
              <Table.Td className="tabular">{e.kind === 'extension' ? (e.approvalDate ?? '—') : ''}</Table.Td>
              <Table.Td>
                {e.note ?? '—'}
                {e.voided && (
                  <Text fz="xs" c="red.7">
                    {t('common.labelValue', { label: t('common.voided'), value: e.voidReason ?? '' })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <RecordedBy at={e.recordedAt} by={e.recordedBy} />
              </Table.Td>
              <Table.Td>
                {writable && !e.voided && (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {e.kind === 'escape' && !e.toDate && (
                      <Button size="compact-xs" variant="light" onClick={() => onCloseEscape(e)}>
                        {t('term.closeEscape')}
                      </Button>
                    )}
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => onVoid(e)}>
                      {t('term.voidEvent')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
