import type { AssessmentSummary } from '@shared/contract'
import type { TrendPoint } from './TrendChart'

/** Complete, scored, not voided assessments of one instrument, oldest first. */
export function trendPoints(assessments: AssessmentSummary[], instrumentId: string): TrendPoint[] {
  return assessments
    .filter((a) => a.instrumentId === instrumentId && !a.voided && !a.incomplete && a.headline !== null)
    .sort((a, b) => a.administeredOn.localeCompare(b.administeredOn))
    .map((a) => ({ date: a.administeredOn, value: a.headline ?? 0, severity: a.result?.band?.severity ?? null, band: a.result?.band?.label ?? null }))
}

/** Instruments with at least two points to draw a trend of, the one with the most points first. */
export function trendInstruments(assessments: AssessmentSummary[]): string[] {
  const counts = new Map<string, number>()
  for (const a of assessments) {
    if (a.voided || a.incomplete || a.headline === null) continue
    counts.set(a.instrumentId, (counts.get(a.instrumentId) ?? 0) + 1)
  }
  return [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id)
}
