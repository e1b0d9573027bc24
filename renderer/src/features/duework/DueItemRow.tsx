import { Anchor, Badge, Button, Group, Text, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCircleOff, IconClock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DueItem } from '@shared/contract'
import type { Period } from '@shared/domain/periods'
import { PeriodBadge } from '../../components/PeriodBadge'
import { WorkItemRow } from '../../components/WorkItemList'
import { formatDate, formatInstant } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { CENTRE_RECORD_PERMISSION, recordLink, workLink } from './dueLinks'
import { CENTRE_COLORS, STATUS_COLORS, TimingBadge, useRuleLabel, useTiming } from './dueUi'
import { ExemptAction } from './ExemptAction'

const STATUS_ICONS = { due: IconClock, overdue: IconAlertTriangle, done: IconCheck, exempt: IconCircleOff }

interface Props {
  item: DueItem
  today: string
  /** The person's period, when the screen knows it (the ward's day); left out in the person's own file. */
  period?: Period | null
  /** In the person's file the person is not repeated. */
  showPerson?: boolean
  /** Looking back at an earlier day: the work is not offered as a form to fill for that day. */
  readOnly?: boolean
}

/** One due item: who, what rule, by when and how late, one click to the form that does it, and the exemption. */
export function DueItemRow({ item, today, period, showPerson = true, readOnly = false }: Props) {
  const { t } = useTranslation()
  const ruleLabel = useRuleLabel()
  const timing = useTiming()
  const StatusIcon = STATUS_ICONS[item.status]
  const can = useCan()
  const open = item.status === 'due' || item.status === 'overdue'
  // The form is offered to those who may do the centre's work; others see the item and the person's file.
  const canDo = can(CENTRE_RECORD_PERMISSION[item.centre])
  return (
    <WorkItemRow
      testId="due-item"
      icon={
        <ThemeIcon size={26} radius="xl" variant={item.status === 'overdue' ? 'filled' : 'light'} color={STATUS_COLORS[item.status]}>
          <StatusIcon size={15} />
        </ThemeIcon>
      }
      person={showPerson ? { name: item.personName, to: `/people/${item.personId}?tab=duework` } : undefined}
      status={
        <Group gap={6}>
          {showPerson && (
            <Text span fz="xs" c="dimmed" className="tabular">
              {t('duework.item.idTail', { tail: item.idTail })}
            </Text>
          )}
          {showPerson && period !== undefined && <PeriodBadge period={period} size="xs" />}
          {!showPerson && (
            <Badge size="xs" variant="dot" color={CENTRE_COLORS[item.centre]}>
              {t(`duework.centre.${item.centre}`)}
            </Badge>
          )}
          <TimingBadge status={item.status} text={timing(item, today)} size="sm" />
        </Group>
      }
      label={<span data-rule={item.rule}>{ruleLabel(item.rule, item.occurrence)}</span>}
      done={!open}
      meta={
        <>
          <Text fz="xs" c="dimmed" className="tabular">
            {t('duework.item.dueOn', { date: formatDate(item.dueOn) })}
          </Text>
          {item.exemption && (
            <Text fz="xs" c="dimmed" data-testid="exemption-note">
              {t('duework.item.exemptBy', { by: item.exemption.byName, at: formatInstant(item.exemption.at), reason: item.exemption.reason })}
            </Text>
          )}
          {item.done && (
            <Anchor component={Link} to={recordLink(item, item.done)} fz="xs">
              {t('duework.item.openRecord')}
            </Anchor>
          )}
        </>
      }
      action={
        <Group gap={4} wrap="nowrap">
          {!readOnly && <ExemptAction item={item} />}
          {open && !readOnly && canDo && (
            <Button component={Link} to={workLink(item, today)} size="compact-sm" variant={item.status === 'overdue' ? 'filled' : 'light'} color={item.status === 'overdue' ? 'red' : 'ink'} data-testid="due-open">
              {t('duework.item.open')}
            </Button>
          )}
        </Group>
      }
    />
  )
}
