/**
 * The four periods of the national unified model (domain-reference §2). Which moves are allowed, and any minimum
 * dwell time, come from a province template stored in settings: no national durations are verified (§2.3).
 */
export const PERIODS = ['detox', 'education', 'rehabilitation', 'return'] as const
export type Period = (typeof PERIODS)[number]

export const PERIOD_LABELS_ZH: Record<Period, string> = {
  detox: '生理脱毒期',
  education: '教育适应期',
  rehabilitation: '康复巩固期',
  return: '回归指导期',
}

export interface PeriodTemplate {
  id: string
  name: string
  /** Allowed ordinary moves [from, to]; always forward. Corrections (with a reason) are not limited by this list. */
  moves: Array<[Period, Period]>
  /** Minimum days in a period before an ordinary move out of it; null = no minimum (UNVERIFIED nationally). */
  minDwellDays: Record<Period, number | null>
}

export const DEFAULT_PERIOD_TEMPLATE: PeriodTemplate = {
  id: 'national-default',
  name: '全国统一模式（默认，逐期递进）',
  moves: [
    ['detox', 'education'],
    ['education', 'rehabilitation'],
    ['rehabilitation', 'return'],
  ],
  minDwellDays: { detox: null, education: null, rehabilitation: null, return: null },
}

export function periodIndex(p: Period): number {
  return PERIODS.indexOf(p)
}

export type PeriodMoveCheck =
  | { ok: true }
  | { ok: false; code: 'same_period' | 'backward_move' | 'move_not_in_template' | 'min_dwell_not_met' | 'before_current_start'; minDwellDays?: number; daysInPeriod?: number }

/** Whether an ordinary (non-correction) move is allowed by the template. */
export function checkPeriodMove(
  template: PeriodTemplate,
  from: Period,
  to: Period,
  daysInPeriod: number,
): PeriodMoveCheck {
  if (from === to) return { ok: false, code: 'same_period' }
  if (periodIndex(to) < periodIndex(from)) return { ok: false, code: 'backward_move' }
  if (!template.moves.some(([a, b]) => a === from && b === to)) return { ok: false, code: 'move_not_in_template' }
  if (daysInPeriod < 0) return { ok: false, code: 'before_current_start' }
  const min = template.minDwellDays[from]
  if (min != null && daysInPeriod < min) return { ok: false, code: 'min_dwell_not_met', minDwellDays: min, daysInPeriod }
  return { ok: true }
}

/** The next period(s) a person may move to under the template. */
export function nextPeriods(template: PeriodTemplate, from: Period): Period[] {
  return template.moves.filter(([a]) => a === from).map(([, b]) => b)
}
