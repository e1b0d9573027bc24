import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TermWarning } from '@shared/domain/term'

/**
 * Days until the last day of the term, or in its place a badge once past it (red, "已期满 N 天") or within the
 * facility's warning window (orange, "距期满 N 天"; setting people.termWarningDays, decided by the server).
 */
export function DaysToLastDay({ days, warning }: { days: number | null; warning: TermWarning | null }) {
  const { t } = useTranslation()
  if (days == null) return <Text c="dimmed" fz="sm">—</Text>
  if (!warning) {
    return (
      <Text fz="sm" className="tabular" span>
        {days}
      </Text>
    )
  }
  return (
    <Badge variant="light" color={warning.kind === 'expired' ? 'red' : 'orange'} radius="sm" data-warning={warning.kind} className="tabular">
      {termWarningLabel(t, warning)}
    </Badge>
  )
}

/** "已期满 N 天" / "今日期满" / "距期满 N 天". */
export function termWarningLabel(t: (key: 'termWarning.expired' | 'termWarning.dueToday' | 'termWarning.due', o?: { count: number }) => string, w: TermWarning) {
  if (w.kind === 'expired') return t('termWarning.expired', { count: w.days })
  return w.days === 0 ? t('termWarning.dueToday') : t('termWarning.due', { count: w.days })
}
