import { Badge, type BadgeProps } from '@mantine/core'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { FitnessGradingView } from '@shared/contract'
import type { FitnessGrading, FitnessStandard } from '@shared/domain/fitness'
import './fitness.css'

export type Grade = 'excellent' | 'good' | 'pass' | 'fail'

export const GRADES: readonly Grade[] = ['excellent', 'good', 'pass', 'fail']

/** One colour per grade, the same in badges, the ward chart and the printed report. */
export const GRADE_COLORS: Record<Grade | 'none', string> = {
  excellent: '#2b8a3e',
  good: '#1c7ed6',
  pass: '#f59f00',
  fail: '#e03131',
  none: '#adb5bd',
}

const BADGE_COLOR: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'yellow', fail: 'red' }

export function GradeBadge({ grade, ...props }: { grade: Grade | null } & BadgeProps) {
  const { t } = useTranslation()
  if (!grade) {
    return (
      <Badge color="gray" variant="light" data-grade="none" {...props}>
        {t('fitness.grades.none')}
      </Badge>
    )
  }
  return (
    <Badge color={BADGE_COLOR[grade]} variant={grade === 'fail' ? 'filled' : 'light'} data-grade={grade} {...props}>
      {t(`fitness.grades.${grade}`)}
    </Badge>
  )
}

/** Why a graded test has no composite grade, or why the person is outside the standard. */
export function useGradingNote() {
  const { t } = useTranslation()
  return useCallback((grading: FitnessGrading): string | null => {
    if (!grading.covered) {
      return grading.reason === 'sex_outside' ? t('fitness.notCoveredSex') : t('fitness.notCovered', { min: grading.ageRange.min, max: grading.ageRange.max })
    }
    if (grading.grade) return null
    if (grading.gradeWithheld === 'missing') {
      if (grading.missing.length > 0) return t('fitness.withheld.missing', { count: grading.missing.length })
      if (grading.noNorm.length > 0) return t('fitness.withheld.noNorm', { items: grading.noNorm.map((i) => t(`fitness.items.${i}`)).join('、') })
    }
    if (grading.gradeWithheld === 'zero') return t('fitness.withheld.zero')
    if (grading.gradeWithheld === 'exempt') return t('fitness.withheld.exempt')
    return null
  }, [t])
}

/** The same note for a stored grading (the contract's view: not covered is a withheld reason there). */
export function useViewNote() {
  const { t } = useTranslation()
  return useCallback(
    (grading: Pick<FitnessGradingView, 'covered' | 'grade' | 'gradeWithheld' | 'missing'>): string | null => {
      if (grading.grade) return null
      switch (grading.gradeWithheld) {
        case 'age_outside':
        case 'sex_outside':
          return t('fitness.notCoveredShort')
        case 'missing':
          // A measured item without a norm row (noNorm) also withholds the grade as missing.
          return grading.missing.length > 0 ? t('fitness.withheld.missing', { count: grading.missing.length }) : t('fitness.withheld.noNormAny')
        case 'zero':
          return t('fitness.withheld.zero')
        case 'exempt':
          return t('fitness.withheld.exempt')
        default:
          return grading.covered ? null : t('fitness.notCoveredShort')
      }
    },
    [t],
  )
}

/** A standard's name in the interface language (norms files carry it in Chinese and English). */
export function standardLabel(standard: Pick<FitnessStandard, 'name' | 'version'>, language: string): string {
  // The name already carries its edition (国民体质测定标准（成年人部分）2003年版).
  return language === 'en' ? standard.name.en : standard.name['zh-CN']
}

export function useStandardLabel() {
  const { i18n } = useTranslation()
  return useCallback((standard: Pick<FitnessStandard, 'name' | 'version'>) => standardLabel(standard, i18n.language), [i18n.language])
}
