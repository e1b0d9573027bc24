import { Badge, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Period } from '@shared/domain/periods'

export const PERIOD_COLORS: Record<Period, string> = {
  detox: 'orange',
  education: 'blue',
  rehabilitation: 'teal',
  return: 'grape',
}

/** Full period names, or short ones where English names would not fit (filters, legends); Chinese is short enough. */
export function usePeriodLabel(): (period: Period, compact?: boolean) => string {
  const { t, i18n } = useTranslation()
  return (period, compact = false) => (compact && i18n.language === 'en' ? t(`periodShort.${period}`) : t(`period.${period}`))
}

export function PeriodBadge({ period, ...props }: { period: Period | null } & BadgeProps) {
  const { t } = useTranslation()
  if (!period) {
    return (
      <Badge color="gray" variant="light" {...props}>
        {t('file.noPeriod')}
      </Badge>
    )
  }
  return (
    <Badge color={PERIOD_COLORS[period]} variant="light" {...props}>
      {t(`period.${period}`)}
    </Badge>
  )
}
