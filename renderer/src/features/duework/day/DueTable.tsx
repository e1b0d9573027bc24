import { Anchor, Button, Group, Table, Text, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DueItem } from '@shared/contract'
import { PeriodBadge } from '../../../components/PeriodBadge'
import { formatDate, formatInstant } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { CENTRE_RECORD_PERMISSION, recordLink, workLink } from '../dueLinks'
import { TimingBadge, useRuleLabel, useTiming } from '../dueUi'
import { ExemptDialog, useExemptAllowed } from '../ExemptAction'

/**
 * Due items as a table, one line each, so a ward's day reads at a glance: who (name, ID tail, period), what rule, due
 * date, how late, and the one click to the form (or the record that satisfied it).
 */
export function DueTable({ items, today, readOnly, showWard }: { items: readonly DueItem[]; today: string; readOnly: boolean; showWard?: (item: DueItem) => string }) {
  const { t } = useTranslation()
  const can = useCan()
  const ruleLabel = useRuleLabel()
  const timing = useTiming()
  const exemptAllowed = useExemptAllowed()
  // One dialog per table: a row carries only its button (a ward's day has dozens).
  const [exempting, setExempting] = useState<DueItem | null>(null)
  const exemptLabel = t('duework.item.exempt')
  const undoLabel = t('duework.item.voidExemption')
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={6} highlightOnHover layout="fixed" className="due-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('duework.people.person')}</Table.Th>
            {showWard && <Table.Th w={90}>{t('duework.people.ward')}</Table.Th>}
            <Table.Th>{t('duework.people.rule')}</Table.Th>
            <Table.Th w={100}>{t('duework.people.dueOn')}</Table.Th>
            <Table.Th w={120}>{t('duework.people.status')}</Table.Th>
            <Table.Th w={130} ta="right">
              {t('duework.people.action')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const open = item.status === 'due' || item.status === 'overdue'
            const period = item.period
            return (
              <Table.Tr key={`${item.personId}/${item.rule}/${item.occurrence}`} data-testid="due-item" data-status={item.status} style={{ opacity: open ? 1 : 0.75 }}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/people/${item.personId}?tab=duework`} fz="sm" fw={600}>
                      {item.personName}
                    </Anchor>
                    <Text span fz="xs" c="dimmed" className="tabular">
                      {item.idTail}
                    </Text>
                    {period !== undefined && <PeriodBadge period={period} size="xs" />}
                  </Group>
                </Table.Td>
                {showWard && (
                  <Table.Td fz="sm">{showWard(item)}</Table.Td>
                )}
                <Table.Td>
                  <Text fz="sm" data-rule={item.rule}>
                    {ruleLabel(item.rule, item.occurrence)}
                  </Text>
                  {item.exemption && (
                    <Text fz="xs" c="dimmed" data-testid="exemption-note">
                      {t('duework.item.exemptBy', { by: item.exemption.byName, at: formatInstant(item.exemption.at), reason: item.exemption.reason })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td fz="sm" className="tabular">
                  {formatDate(item.dueOn)}
                </Table.Td>
                <Table.Td>
                  <TimingBadge status={item.status} text={timing(item, today)} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {!readOnly && exemptAllowed(item) && (
                      <UnstyledButton fz="xs" c="dimmed" px={6} onClick={() => setExempting(item)} data-testid={item.status === 'exempt' ? 'void-exemption' : 'exempt-item'}>
                        {item.status === 'exempt' ? undoLabel : exemptLabel}
                      </UnstyledButton>
                    )}
                    {item.done && (
                      <Anchor component={Link} to={recordLink(item, item.done)} fz="sm">
                        {t('duework.item.openRecord')}
                      </Anchor>
                    )}
                    {open && !readOnly && can(CENTRE_RECORD_PERMISSION[item.centre]) && (
                      <Button
                        component={Link}
                        to={workLink(item, today)}
                        size="compact-sm"
                        variant={item.status === 'overdue' ? 'filled' : 'light'}
                        color={item.status === 'overdue' ? 'red' : 'ink'}
                        data-testid="due-open"
                      >
                        {t('duework.item.open')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {exempting && <ExemptDialog item={exempting} onClose={() => setExempting(null)} />}
    </Table.ScrollContainer>
  )
}
