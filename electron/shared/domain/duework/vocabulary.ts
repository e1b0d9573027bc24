/**
 * The due-work vocabulary (issue 13): what each person is owed and by when, in one list whatever centre owns the work.
 * Rules are pure functions over a person's facts (rules.ts); the core gathers the facts in batches (core/duework).
 */
import type { Period } from '../periods'
import type { IsoDate } from '../dates'

/** The centre that owns a rule's work: it decides which record permission an exemption needs. */
export const DUE_CENTRES = ['psych', 'fitness', 'assessment', 'ward', 'release'] as const
export type DueCentre = (typeof DUE_CENTRES)[number]

export const DUE_RULE_IDS = [
  'psych_admission_screening',
  'psych_reassessment',
  'psych_flag_task',
  'crisis_follow_up',
  'fitness_admission_test',
  'fitness_retest',
  'diag_admission',
  'diag_stage',
  'diag_one_year',
  'diag_pre_expiry',
  'diag_evidence',
  'ward_admission_talk',
  'ward_planned_talk',
  'watch_measure_review',
  'release_preparation',
] as const
export type DueRuleId = (typeof DUE_RULE_IDS)[number]

export const RULE_CENTRE: Record<DueRuleId, DueCentre> = {
  psych_admission_screening: 'psych',
  psych_reassessment: 'psych',
  psych_flag_task: 'psych',
  crisis_follow_up: 'psych',
  fitness_admission_test: 'fitness',
  fitness_retest: 'fitness',
  diag_admission: 'assessment',
  diag_stage: 'assessment',
  diag_one_year: 'assessment',
  diag_pre_expiry: 'assessment',
  diag_evidence: 'assessment',
  ward_admission_talk: 'ward',
  ward_planned_talk: 'ward',
  watch_measure_review: 'ward',
  release_preparation: 'release',
}

/** due: window open, due date not passed; overdue: past it; done: a record satisfied it; exempt: waived with a reason. */
export const DUE_STATUSES = ['due', 'overdue', 'done', 'exempt'] as const
export type DueItemStatus = (typeof DUE_STATUSES)[number]

/** Kinds of record an item is about or was satisfied by (the renderer links each to its page). */
export const DUE_RECORD_TYPES = [
  'assessment', // a psychological assessment (table assessments)
  'task',
  'crisis',
  'crisisEvent',
  'fitnessTest',
  'diagAssessment',
  'diagEvidenceRequest',
  'wardTalk',
  'watchMeasure',
] as const
export type DueRecordType = (typeof DUE_RECORD_TYPES)[number]

export interface DueRecordRef {
  recordType: DueRecordType
  recordId: string
}

export interface DueExemptionView {
  id: string
  reason: string
  /** Staff id of who exempted it. */
  by: string
  byName: string
  at: string
  revision: number
}

export interface DueItem {
  personId: string
  personName: string
  idTail: string
  wardId: string | null
  /** The person's current period (the ward's day shows it beside the name; a stage item names the period it is about). */
  period: Period | null
  rule: DueRuleId
  centre: DueCentre
  /** Stable key of this occurrence of the rule for the person (a date, 'admission', 'stage:detox', a record id…). */
  occurrence: string
  dueOn: IsoDate
  status: DueItemStatus
  windowOpensOn: IsoDate
  done: (DueRecordRef & { on: IsoDate }) | null
  exemption: DueExemptionView | null
  /** The crisis / task / talk / measure / assessment the item is about. */
  subject: DueRecordRef | null
}

export const MILESTONE_KINDS = ['period_dwell', 'early_release_from', 'term_last_day'] as const
export type MilestoneKind = (typeof MILESTONE_KINDS)[number]

/** A date near enough to show: the configured days of the current period are up, the earliest early release, the last day. */
export interface Milestone {
  personId: string
  personName: string
  wardId: string | null
  /** The current period: a period_dwell milestone is about its end. */
  period: Period | null
  kind: MilestoneKind
  on: IsoDate
  /** Days from today to `on` (negative: passed). */
  days: number
}

export type DueCounts = Record<DueCentre, { due: number; overdue: number }>
