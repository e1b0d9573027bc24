import type { DueCentre, DueItem, DueRecordRef } from '@shared/contract'
import type { Permission } from '@shared/domain/roles'

/**
 * Where each due item's work is done: one click from the ward's day to the form (the routes each feature provides,
 * SHAPES13.md), and from a done item to the record that satisfied it.
 */

const person = (item: Pick<DueItem, 'personId'>, tab?: string, extra = '') => `/people/${item.personId}${tab ? `?tab=${tab}${extra}` : ''}`

/** The permission the service asks for before an exemption in that centre (duework:exempt). */
export const CENTRE_RECORD_PERMISSION: Record<DueCentre, Permission> = {
  psych: 'psych.assess',
  fitness: 'fitness.record',
  assessment: 'assessment.record',
  ward: 'wardwork.record',
  release: 'wardwork.record',
}

/** The assessment point a diagnostic rule asks for (the new-assessment route's `point`). */
const DIAG_POINT: Partial<Record<string, string>> = {
  diag_admission: 'admission',
  diag_one_year: 'one_year',
  diag_pre_expiry: 'pre_expiry',
}

/** The period of a stage assessment, from its occurrence key ('stage:detox' → 'detox'). */
function stagePeriod(occurrence: string): string | null {
  const match = /^stage:([a-z_]+)$/.exec(occurrence)
  return match ? match[1]! : null
}

/**
 * The form that does an open item's work. Psychology: the assessment form for that person (a screening or a
 * reassessment), the crisis page, the person's psych tab for a flag task (its handle button is there). Fitness: the ward's
 * test day (the grid where a test is entered). Assessment and ward work: the routes their features provide.
 */
export function workLink(item: DueItem, today: string): string {
  switch (item.rule) {
    case 'psych_admission_screening':
    case 'psych_reassessment':
      return `/psych/assess?personId=${item.personId}`
    case 'crisis_follow_up':
      return item.subject?.recordType === 'crisis' ? `/psych/crises/${item.subject.recordId}` : person(item, 'psych')
    case 'psych_flag_task':
      return person(item, 'psych')
    case 'fitness_admission_test':
    case 'fitness_retest':
      return item.wardId ? `/fitness?ward=${item.wardId}&date=${today}` : person(item, 'fitness')
    case 'diag_admission':
    case 'diag_one_year':
    case 'diag_pre_expiry':
      return `/people/${item.personId}/assessment/new?point=${DIAG_POINT[item.rule]}`
    case 'diag_stage': {
      const period = stagePeriod(item.occurrence)
      return `/people/${item.personId}/assessment/new?point=stage${period ? `&period=${period}` : ''}`
    }
    case 'diag_evidence':
      return person(item, 'assessment')
    case 'ward_admission_talk':
    case 'ward_planned_talk':
      return person(item, 'wardwork', '&new=talk')
    case 'watch_measure_review':
      return person(item, 'wardwork')
    case 'release_preparation':
      return person(item, 'wardwork', '&new=talk')
    default:
      return person(item)
  }
}

/** The record that satisfied a done item (or the item's subject), where it can be read. */
export function recordLink(item: DueItem, record: DueRecordRef): string {
  switch (record.recordType) {
    case 'assessment':
      return `/psych/assessments/${record.recordId}`
    case 'crisis':
      return `/psych/crises/${record.recordId}`
    case 'crisisEvent':
    case 'task':
      return person(item, 'psych')
    case 'fitnessTest':
      return person(item, 'fitness')
    case 'diagAssessment':
      return `/assessments/${record.recordId}`
    case 'diagEvidenceRequest':
      return person(item, 'assessment')
    case 'wardTalk':
    case 'watchMeasure':
      return person(item, 'wardwork')
  }
}
