/**
 * The due-work rules' parameters (setting `duework.rules`): per rule on/off and its days, interval or lead days.
 * The reference gives no national interval except where cited; every other default is a facility default, UNVERIFIED
 * (domain-reference §2.4, §3), set per facility on the due-rules settings card.
 */
import { z } from 'zod'
import { intRange, isoDate } from '../../contract/common'
import { PERIODS, type Period } from '../periods'

const enabled = z.boolean({ error: 'v.required' })
/** Days after a start date (admission, raising) within which the work is due. */
const withinDays = (max: number) => intRange(0, max, 'v.range_days')
/** Days before a due date from which an item is listed. */
const leadDays = intRange(0, 180, 'v.range_days')

export const dueRulesSchema = z.object({
  /** Psychological screening within N days of admission (UNVERIFIED facility default; moved here from psych.settings). */
  psych_admission_screening: z.object({ enabled, days: intRange(1, 365, 'v.range_days') }),
  /** Reassessment every N days after the latest screening (UNVERIFIED; moved here from psych.settings). */
  psych_reassessment: z.object({ enabled, intervalDays: intRange(7, 730, 'v.range_days'), leadDays }),
  /** An open task raised by an assessment flag is due within N days of raising (UNVERIFIED). */
  psych_flag_task: z.object({ enabled, days: withinDays(90) }),
  /** An open crisis is followed up every N days since its last event (UNVERIFIED). */
  crisis_follow_up: z.object({ enabled, intervalDays: intRange(1, 90, 'v.range_days'), leadDays }),
  /** The first fitness test within N days of admission (UNVERIFIED). */
  fitness_admission_test: z.object({ enabled, days: intRange(1, 365, 'v.range_days') }),
  /** A retest after the latest test: the interval is the fitness setting `fitness.retestIntervalDays` (one source). */
  fitness_retest: z.object({ enabled, leadDays }),
  /** The admission diagnostic assessment (诊断评估手册) within N days of admission: 7 in Guangdong (§2.4 [P3]). */
  diag_admission: z.object({ enabled, days: intRange(1, 365, 'v.range_days') }),
  /**
   * A stage assessment when the expected days in a period are up (from entering it); null = no stage assessment for
   * that period. UNVERIFIED: no national durations (§2.3); admission education lasts ≥ 1 month [P12 Art 45].
   */
  diag_stage: z.object({
    enabled,
    leadDays,
    periodDays: z.object(Object.fromEntries(PERIODS.map((p) => [p, intRange(1, 730, 'v.range_days').nullable()])) as Record<
      Period,
      z.ZodNullable<ReturnType<typeof intRange>>
    >),
  }),
  /** The one-year assessment: listed N days before the earliest early-release date, due on it (computeTerm). */
  diag_one_year: z.object({ enabled, leadDays }),
  /** The pre-expiry assessment is due N days before the last day, listed leadDays before that (UNVERIFIED). */
  diag_pre_expiry: z.object({ enabled, days: withinDays(365), leadDays }),
  /** An open evidence request of an assessment is due within N days of the request (UNVERIFIED). */
  diag_evidence: z.object({ enabled, days: withinDays(90) }),
  /** The ward's admission talk within N days of admission (UNVERIFIED). */
  ward_admission_talk: z.object({ enabled, days: withinDays(90) }),
  /** A planned talk is due on its date, listed leadDays before. */
  ward_planned_talk: z.object({ enabled, leadDays }),
  /** A live watch measure (e.g. 包夹) is due for review on its review date, listed leadDays before. */
  watch_measure_review: z.object({ enabled, leadDays }),
  /** Release preparation is due N days before the last day (done by a 'release' talk from the listing on; UNVERIFIED). */
  release_preparation: z.object({ enabled, days: withinDays(365), leadDays }),
  /** Milestones (period days up, earliest early release, last day) show within this many days. */
  milestoneDays: intRange(0, 365, 'v.range_days'),
  /**
   * The day the facility began keeping due work here: people admitted before it are owed no admission work (screening,
   * first fitness test, admission assessment, admission talk — done on paper, or not at all, before), and their
   * periodic series start from this day. null: every admission counts. Without it, going live would list every
   * current person's admission work as overdue.
   */
  admissionRulesFrom: isoDate.nullable().default(null),
})
export type DueRules = z.output<typeof dueRulesSchema>

export const DEFAULT_DUE_RULES: DueRules = {
  psych_admission_screening: { enabled: true, days: 15 },
  psych_reassessment: { enabled: true, intervalDays: 90, leadDays: 14 },
  psych_flag_task: { enabled: true, days: 3 },
  crisis_follow_up: { enabled: true, intervalDays: 7, leadDays: 2 },
  fitness_admission_test: { enabled: true, days: 30 },
  fitness_retest: { enabled: true, leadDays: 14 },
  diag_admission: { enabled: true, days: 7 },
  diag_stage: { enabled: true, leadDays: 7, periodDays: { detox: 30, education: 60, rehabilitation: null, return: null } },
  diag_one_year: { enabled: true, leadDays: 30 },
  diag_pre_expiry: { enabled: true, days: 30, leadDays: 14 },
  diag_evidence: { enabled: true, days: 7 },
  ward_admission_talk: { enabled: true, days: 3 },
  ward_planned_talk: { enabled: true, leadDays: 0 },
  watch_measure_review: { enabled: true, leadDays: 0 },
  release_preparation: { enabled: true, days: 30, leadDays: 14 },
  milestoneDays: 14,
  admissionRulesFrom: null,
}
