import { Alert, List, Text } from '@mantine/core'
import { IconScale } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { TermResult } from '@shared/domain/term'
import { MAX_EXTENSION_MONTHS } from '@shared/domain/term'

/** The legal conditions a recommendation or proposal must meet, shown before submit (the core enforces them again). */
export function TermConstraints({ term, approvedExtensionMonths, barReason }: { term: TermResult | null; approvedExtensionMonths: number; barReason?: string | null }) {
  const { t } = useTranslation()
  if (!term) {
    return (
      <Alert color="red" icon={<IconScale size={16} />}>
        {t('assessment.constraints.noTerm')}
      </Alert>
    )
  }
  return (
    <Alert color={term.earlyReleaseAllowed ? 'blue' : 'orange'} icon={<IconScale size={16} />} title={t('assessment.constraints.title')} data-testid="term-constraints">
      <List size="sm" spacing={2}>
        <List.Item>{t('assessment.constraints.lastDay', { date: term.lastDay })}</List.Item>
        {term.earlyReleaseBarredBy === 'escape' && (
          <List.Item>
            <Text span c="red" fz="sm">
              {t('assessment.constraints.barredEscape')}
            </Text>
          </List.Item>
        )}
        {term.earlyReleaseBarredBy === 'recorded_bar' && (
          <List.Item>
            <Text span c="red" fz="sm">
              {t('assessment.constraints.barredBar', { reason: barReason ?? '' })}
            </Text>
          </List.Item>
        )}
        {term.earlyReleaseAllowed && <List.Item>{t('assessment.constraints.earliest', { date: term.earliestEarlyRelease })}</List.Item>}
        <List.Item>{t('assessment.constraints.extension', { approved: approvedExtensionMonths, left: Math.max(0, MAX_EXTENSION_MONTHS - approvedExtensionMonths) })}</List.Item>
      </List>
    </Alert>
  )
}
