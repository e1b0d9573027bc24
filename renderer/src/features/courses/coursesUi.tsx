import { Badge, Text, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isSkillLevel, levelWording, levelWordingEn } from '@shared/domain/certificates'
import type { AttendanceStatus, EnrolmentStatus, ExamResult } from '@shared/domain/vocational'
import { useApiQuery } from '../../api/hooks'

export const NO_INPUT = {}

/** The facility's vocational.* settings (pass mark, attendance minimum, education subjects). */
export function useCourseSettings() {
  return useApiQuery('courses:settings', NO_INPUT)
}

/** "五级/初级工" (or its English wording) for a stored level; a dash for none. */
export function useLevelLabel(): (level: number | null) => string {
  const { t, i18n } = useTranslation()
  return (level) => {
    if (!isSkillLevel(level)) return t('courses.levelUnknown')
    return i18n.language === 'en' ? levelWordingEn(level) : levelWording(level)
  }
}

/** A rate stored as a percent with one decimal (ratePercent), "—" when there was no one to divide by. */
export function RateText({ value, testId, fz = 'sm' }: { value: number | null; testId?: string; fz?: string }) {
  const { t } = useTranslation()
  return (
    <Text span fz={fz} className="tabular" data-testid={testId}>
      {value === null ? t('common.dash') : t('courses.rate', { rate: value })}
    </Text>
  )
}

/** A share of 0–1 (the setting minAttendanceRate) as a percent without float noise (0.8 → 80). */
export function shareToPercent(share: number): number {
  return Math.round(share * 1000) / 10
}

export const ENROLMENT_COLOURS: Record<EnrolmentStatus, string> = { waiting: 'yellow', enrolled: 'blue', withdrawn: 'gray', completed: 'teal' }

export function EnrolmentBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation()
  return <Badge variant="light" color={ENROLMENT_COLOURS[status]}>{t(`courses.status.${status}`)}</Badge>
}

export const ATTENDANCE_COLOURS: Record<AttendanceStatus, string> = {
  present: 'teal',
  late: 'orange',
  absent_sick: 'grape',
  absent_refused: 'red',
  excused_activity: 'cyan',
  other: 'gray',
}

export function AttendanceBadge({ status, text }: { status: AttendanceStatus; text?: string | null }) {
  const { t } = useTranslation()
  const label = t(`courses.attendance.statuses.${status}`)
  return <Badge variant={status === 'present' ? 'light' : 'filled'} color={ATTENDANCE_COLOURS[status]}>{text ? `${label}：${text}` : label}</Badge>
}

const RESULT_COLOURS: Record<ExamResult, string> = { passed: 'teal', failed: 'red', absent: 'gray' }

export function ResultBadge({ result, testId }: { result: ExamResult | null; testId?: string }) {
  const { t } = useTranslation()
  if (result === null) return <Text span fz="sm" c="dimmed" data-testid={testId}>{t('common.dash')}</Text>
  return <Badge variant="light" color={RESULT_COLOURS[result]} data-testid={testId} data-result={result}>{t(`courses.exams.results.${result}`)}</Badge>
}

/** A figure's name with its definition on hover (and for screen readers). */
export function Defined({ label, definition }: { label: string; definition: string }) {
  return (
    <Tooltip label={definition} multiline w={320} withArrow>
      <Text span fz="xs" c="dimmed" style={{ textDecoration: 'underline dotted', cursor: 'help' }} aria-label={`${label}：${definition}`}>
        {label}
      </Text>
    </Tooltip>
  )
}

/** Hours without float noise: 1.5 → "1.5", 2 → "2". */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100)
}
