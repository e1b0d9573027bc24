import { Badge, type BadgeProps } from '@mantine/core'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { InstrumentView } from '@shared/contract'
import type { DueStatus, RiskLevel } from '@shared/domain/psych'
import { useApiQuery } from '../../api/hooks'
import { isTextKey } from '../../i18n'
import './psych.css'

export type Bilingual = { zh: string; en: string }

/** Picks the interface language's half of a bilingual text from the instrument files. */
export function useBi(): (text: Bilingual | null | undefined) => string {
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  return useCallback((text: Bilingual | null | undefined) => (text ? (en ? text.en || text.zh : text.zh) : ''), [en])
}

/** Stable empty input, so the query key is the same object every render. */
const NO_INPUT = {}

/** Every instrument with the facility's active cut-off set and any loaded item texts. */
export function useInstruments(enabled = true) {
  return useApiQuery('psych:instruments', NO_INPUT, { enabled })
}

/** The facility's psychology settings (cut-off sets, rounding, intervals, SCL-90 rule). */
export function usePsychSettings() {
  return useApiQuery('psych:getSettings', NO_INPUT)
}

export function instrumentMap(list: InstrumentView[] | undefined): Map<string, InstrumentView> {
  return new Map((list ?? []).map((i) => [i.id, i]))
}

/** Band severity 0 (none) … 4 (severe) → colour; the same scale everywhere (badges, charts, trend points). */
export const SEVERITY_COLORS = ['teal', 'yellow', 'orange', 'red', 'red'] as const

export function severityColor(severity: number | null | undefined): string {
  if (severity == null) return 'gray'
  return SEVERITY_COLORS[Math.max(0, Math.min(4, Math.round(severity)))] ?? 'gray'
}

/** Hex shades for chart.js, which cannot read Mantine's CSS variables. */
export const SEVERITY_HEX = ['#12b886', '#fab005', '#fd7e14', '#fa5252', '#c92a2a'] as const

export function severityHex(severity: number | null | undefined): string {
  if (severity == null) return '#868e96'
  return SEVERITY_HEX[Math.max(0, Math.min(4, Math.round(severity)))] ?? '#868e96'
}

export function SeverityBadge({ severity, label, ...props }: { severity: number | null | undefined; label: string } & BadgeProps) {
  return (
    <Badge color={severityColor(severity)} variant={(severity ?? 0) >= 4 ? 'filled' : 'light'} data-severity={severity ?? undefined} {...props}>
      {label}
    </Badge>
  )
}

export const RISK_COLORS: Record<RiskLevel, string> = { low: 'yellow', medium: 'orange', high: 'red', imminent: 'red' }

export function RiskBadge({ level, ...props }: { level: RiskLevel } & BadgeProps) {
  const { t } = useTranslation()
  return (
    <Badge color={RISK_COLORS[level]} variant={level === 'imminent' || level === 'high' ? 'filled' : 'light'} data-risk={level} {...props}>
      {t(`psych.risk.${level}`)}
    </Badge>
  )
}

const DUE_COLORS: Record<DueStatus, string> = { done: 'teal', due: 'yellow', overdue: 'red' }

export function DueBadge({ status, kind, ...props }: { status: DueStatus; kind: 'admission' | 'periodic' } & BadgeProps) {
  const { t } = useTranslation()
  const label = status === 'done' ? t('psych.due.done') : status === 'overdue' ? t('psych.due.overdue') : t(`psych.due.${kind}`)
  return (
    <Badge color={DUE_COLORS[status]} variant={status === 'overdue' ? 'filled' : 'light'} data-status={status} {...props}>
      {label}
    </Badge>
  )
}

const SCORE_KEYS = ['total', 'raw', 'standardScore', 'index', 'gsi', 'positiveItems', 'negativeItems', 'positiveSymptomMean'] as const

/** Readable names for the score keys the scoring engine writes; unknown keys are shown as they are. */
export function useScoreLabel(): (key: string) => string {
  const { t } = useTranslation()
  return (key) => {
    const textKey = `psych.score.${key}`
    return isTextKey(textKey) ? t(textKey) : key
  }
}

/** Score keys in a stable reading order: known ones first, the rest alphabetically. */
export function orderedScoreKeys(scores: Record<string, number>): string[] {
  const known = SCORE_KEYS.filter((k) => k in scores)
  const rest = Object.keys(scores)
    .filter((k) => !(SCORE_KEYS as readonly string[]).includes(k))
    .sort()
  return [...known, ...rest]
}

/** Scores that are means, always shown with two decimals (1.50, not 1.5; 2.00, not 2). */
const MEAN_SCORES = new Set(['gsi', 'positiveSymptomMean', 'index'])

/** Integers as they are; means and fractions to two places (factor scores, GSI). */
export function formatScore(value: number | null | undefined, key?: string): string {
  if (value == null || Number.isNaN(value)) return '—'
  if (key === 'factor' || (key !== undefined && MEAN_SCORES.has(key))) return value.toFixed(2)
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}

/** Whether re-scoring can change anything: another cut-off set to choose, or a standard score to round. */
export function canRescore(instrument: InstrumentView, scores: Record<string, number> | undefined): boolean {
  return instrument.cutoffSets.length > 1 || (scores !== undefined && 'standardScore' in scores)
}

/** The instrument's display title: its full name, prefixed by the short name unless the name already contains it. */
export function instrumentTitle(instrument: InstrumentView, name: string): string {
  return name.includes(instrument.shortName) ? name : `${instrument.shortName} · ${name}`
}

/** "第 N 题" when the instrument's item texts are not shipped and not loaded. */
export function useItemText(): (instrument: InstrumentView, number: number) => { text: string; placeholder: boolean } {
  const { t } = useTranslation()
  const bi = useBi()
  return (instrument, number) => {
    const item = instrument.items.find((i) => i.number === number)
    return item?.text ? { text: bi(item.text), placeholder: false } : { text: t('psych.itemN', { n: number }), placeholder: true }
  }
}
