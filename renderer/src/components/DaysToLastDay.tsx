import { Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Days until the last day of the term: orange within 30 days, red once past. */
export function DaysToLastDay({ days }: { days: number | null }) {
  const { t } = useTranslation()
  if (days == null) return <Text c="dimmed" fz="sm">—</Text>
  const color = days < 0 ? 'red.7' : days <= 30 ? 'orange.7' : undefined
  const text = (
    <Text fz="sm" c={color} fw={color ? 600 : undefined} className="tabular" span>
      {days}
    </Text>
  )
  if (!color) return text
  return <Tooltip label={days < 0 ? t('roster.overdue') : t('roster.dueSoon')}>{text}</Tooltip>
}
