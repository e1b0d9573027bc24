import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AbsenceReason } from '@shared/domain/training'
import { useApiQuery } from '../../api/hooks'

export const SETTINGS_INPUT = {}

/** The facility's intensity groups (setting fitness.intensityGroups) and a label for a stored key. */
export function useIntensityGroups() {
  const settings = useApiQuery('training:settings', SETTINGS_INPUT)
  const groups = settings.data?.intensityGroups ?? []
  const label = (key: string | null): string | null => (key === null ? null : (groups.find((g) => g.key === key)?.name ?? key))
  return { settings, groups, label, options: groups.map((g) => ({ value: g.key, label: g.name })) }
}

/** A stored intensity key by its current name; none set shows a dash (or nothing where `quiet`), not a badge. */
export function IntensityBadge({ value, quiet = false }: { value: string | null; quiet?: boolean }) {
  const { t } = useTranslation()
  const { label } = useIntensityGroups()
  if (value === null) return quiet ? null : <Text span c="dimmed" fz="sm" title={t('training.intensityNone')}>{t('common.dash')}</Text>
  return <Badge variant="light" color="orange">{label(value)}</Badge>
}

export function ReasonBadge({ reason, text }: { reason: AbsenceReason; text?: string | null }) {
  const { t } = useTranslation()
  const label = t(`training.session.reasons.${reason}`)
  return <Badge variant="light" color={reason === 'contraindication' ? 'red' : 'gray'}>{text ? `${label}：${text}` : label}</Badge>
}

/** The facility's date minus `days`, for the default start of a session list. */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - days)
  return d.toISOString().slice(0, 10)
}
