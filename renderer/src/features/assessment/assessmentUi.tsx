import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ComponentResultView, DiagAssessmentSummary, EvidenceSnapshot } from '@shared/contract'
import type { AssessmentTemplate, ComponentResult } from '@shared/domain/assessment'

const RESULT_COLOR: Record<ComponentResult, string> = { pass: 'teal', good: 'teal', fail: 'red', fair: 'orange' }

export function ResultBadge({ result }: { result: ComponentResult | null }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={result ? RESULT_COLOR[result] : 'gray'}>
      {t(`assessment.results.${result ?? 'open'}`)}
    </Badge>
  )
}

export function OverallBadge({ a }: { a: Pick<DiagAssessmentSummary, 'overallPass'> }) {
  const { t } = useTranslation()
  const key = a.overallPass === null ? 'open' : a.overallPass ? 'pass' : 'fail'
  return (
    <Badge variant="filled" color={a.overallPass === null ? 'gray' : a.overallPass ? 'teal' : 'red'} data-testid="overall-badge">
      {t(`assessment.overall.${key}`)}
    </Badge>
  )
}

/** The components scored at this point as a short line: 生理脱毒 合格 · 身心康复 不合格 … */
export function useComponentsLine(): (components: readonly ComponentResultView[]) => string {
  const { t } = useTranslation()
  return (components) =>
    components
      .filter((c) => c.applies)
      .map((c) => `${t(`assessment.components.${c.id}`)} ${t(`assessment.results.${c.result ?? 'open'}`)}`)
      .join(' · ')
}

/** Where the evidence record is shown (the feature that owns it). */
export function evidenceLink(personId: string, e: EvidenceSnapshot): string | null {
  if (!e.recordId) return null
  switch (e.recordType) {
    case 'psych_assessment':
      return `/psych/assessments/${e.recordId}`
    case 'fitness_test':
      return `/people/${personId}?tab=fitness`
    case 'knowledge_attempt':
      return `/knowledge/attempts/${e.recordId}`
    case 'enrolment':
    case 'certificate':
      return `/people/${personId}?tab=vocational`
    case 'conduct':
      return `/people/${personId}?tab=wardwork`
    default:
      return null
  }
}

/** The item's label in the interface language. */
export function useItemLabel(): (template: AssessmentTemplate, component: string, itemId: string) => string {
  const { i18n } = useTranslation()
  return (template, component, itemId) => {
    const item = template.components.find((c) => c.id === component)?.items.find((i) => i.id === itemId)
    if (!item) return itemId
    return i18n.language.startsWith('en') ? item.label.en : item.label.zh
  }
}

export function useBilingual(): (text: { zh: string; en: string }) => string {
  const { i18n } = useTranslation()
  return (text) => (i18n.language.startsWith('en') ? text.en : text.zh)
}
