import { Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TermWarning } from '@shared/domain/term'

/**
 * Days until the last day of the term: red once past it, orange within the facility's warning window
 * (setting people.termWarningDays; the server decides, so this never hard-codes the window).
 */
export function DaysToLastDay({ days, warning }: { days: number | null; warning: TermWarning | null }) {
  const { t } = useTranslation()
  if (days == null) return <Text c="dimmed" fz="sm">—</Text>
  const color = warning?.kind === 'expired' ? 'red.7' : warning?.kind === 'due' ? 'orange.7' : undefined
  const text = (
    <Text fz="sm" c={color} fw={color ? 600 : undefined} className="tabular" span data-warning={warning?.kind}>
      {days}
    </Text>
  )
  if (!warning) return text
  return <Tooltip label={termWarningLabel(t, warning)}>{text}</Tooltip>
}

/** "已期满 N 天" / "今日期满" / "距期满 N 天". */
export function termWarningLabel(t: (key: 'termWarning.expired' | 'termWarning.dueToday' | 'termWarning.due', o?: { count: number }) => string, w: TermWarning) {
  if (w.kind === 'expired') return t('termWarning.expired', { count: w.days })
  return w.days === 0 ? t('termWarning.dueToday') : t('termWarning.due', { count: w.days })
}
