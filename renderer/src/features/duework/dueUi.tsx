import { Badge, type BadgeProps } from '@mantine/core'
import { IconBarbell, IconBrain, IconClipboardCheck, IconDoorExit, IconUsersGroup, type Icon } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { DueCentre, DueItem, DueItemStatus } from '@shared/contract'
import { PERIODS, type Period } from '@shared/domain/periods'
import { usePeriodLabel } from '../../components/PeriodBadge'
import { daysBetween } from '@shared/domain/dates'
import { isTextKey } from '../../i18n'

export const STATUS_COLORS: Record<DueItemStatus, string> = { due: 'yellow', overdue: 'red', done: 'teal', exempt: 'gray' }

export const CENTRE_ICONS: Record<DueCentre, Icon> = {
  psych: IconBrain,
  fitness: IconBarbell,
  assessment: IconClipboardCheck,
  ward: IconUsersGroup,
  release: IconDoorExit,
}

export const CENTRE_COLORS: Record<DueCentre, string> = { psych: 'grape', fitness: 'teal', assessment: 'blue', ward: 'orange', release: 'cyan' }

/**
 * The rule in words; a stage assessment names its period (occurrence 'stage:detox'). A rule this build does not know yet
 * (a newer core) is named by its id rather than hidden.
 */
export function useRuleLabel(): (rule: string, occurrence?: string) => string {
  const { t } = useTranslation()
  const periodLabel = usePeriodLabel()
  return (rule, occurrence) => {
    const key = `duework.rule.${rule}`
    const label = isTextKey(key) ? t(key) : t('duework.rule.unknown', { rule })
    const stage = rule === 'diag_stage' && occurrence ? /^stage:(.+)$/.exec(occurrence)?.[1] : undefined
    return stage && (PERIODS as readonly string[]).includes(stage) ? `${label}（${periodLabel(stage as Period)}）` : label
  }
}

/** How the item stands against its due date on `today`: late by N days, due today, due in N days, done, exempt. */
export function useTiming(): (item: DueItem, today: string) => string {
  const { t } = useTranslation()
  return (item, today) => {
    if (item.status === 'exempt') return t('duework.status.exempt')
    if (item.status === 'done' && item.done) return t('duework.item.doneOn', { date: item.done.on })
    const days = daysBetween(item.dueOn, today)
    if (days > 0) return t('duework.item.late', { days })
    if (days === 0) return t('duework.item.dueToday')
    return t('duework.item.dueIn', { days: -days })
  }
}


/**
 * The status and the timing in one badge: "逾期 25 天" (red), "3 天后到期" (amber), "2026-11-30 已办" (green), "已免除".
 * Saying "overdue" once, with how late, reads faster than a status badge beside the same word. The text comes from the
 * list (useTiming once per list, not a translation hook per row).
 */
export function TimingBadge({ status, text, ...props }: { status: DueItemStatus; text: string } & BadgeProps) {
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'overdue' ? 'filled' : 'light'} data-status={status} data-testid="due-timing" className="tabular" style={{ textTransform: 'none' }} {...props}>
      {text}
    </Badge>
  )
}
