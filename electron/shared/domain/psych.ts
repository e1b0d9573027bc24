/** Psychology workflow vocabulary (domain-reference §4): settings of an assessment, tasks raised by flags, crises. */
export const ASSESSMENT_SETTINGS = ['admission', 'periodic', 'pre_release', 'on_request'] as const
export type AssessmentSetting = (typeof ASSESSMENT_SETTINGS)[number]

export const RISK_LEVELS = ['low', 'medium', 'high', 'imminent'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]

export const TASK_STATUSES = ['open', 'done', 'dismissed'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
/** What a task list may be filtered to: one status, or every handled task (done or dismissed). */
export const TASK_FILTERS = ['open', 'handled', 'done', 'dismissed'] as const
export type TaskFilter = (typeof TASK_FILTERS)[number]
/** The statuses a filter covers. */
export const taskFilterStatuses = (f: TaskFilter | undefined): TaskStatus[] =>
  f === undefined ? [...TASK_STATUSES] : f === 'handled' ? ['done', 'dismissed'] : [f]

export const SESSION_KINDS = ['individual', 'group'] as const
export type SessionKind = (typeof SESSION_KINDS)[number]

export const CRISIS_EVENT_KINDS = ['intervention', 'follow_up'] as const
export type CrisisEventKind = (typeof CRISIS_EVENT_KINDS)[number]

/**
 * Facility settings for psychology. The intervals are not nationally fixed (UNVERIFIED): defaults only, set per facility.
 */
export interface PsychSettings {
  /** Chosen cut-off set per instrument id (e.g. zung_sds → SDS_CN_53). Missing = the instrument's default set. */
  cutoffSets: Record<string, string>
  rounding: 'truncate' | 'round_half_up'
  /** Instruments that count as a screening (admission or periodic). */
  screeningInstruments: string[]
  /** SCL-90 factor threshold rule: '>=' 2 (default) or '>' 2 (domain-reference D3). */
  scl90FactorRule: '>=' | '>'
}

export const DEFAULT_PSYCH_SETTINGS: PsychSettings = {
  cutoffSets: {},
  rounding: 'truncate',
  screeningInstruments: ['scl90', 'phq9', 'gad7', 'zung_sds', 'zung_sas'],
  scl90FactorRule: '>=',
}

/**
 * A person's screening on the psych ward screen. The rule itself (admission screening within N days, reassessment every
 * N days) is the due-work engine's (domain/duework/screening.ts, setting duework.rules): one source.
 */
export type DueStatus = 'done' | 'due' | 'overdue'
