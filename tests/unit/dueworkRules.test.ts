/**
 * The due-work rules as tables (domain/duework/rules.ts): each rule on both sides of its window and its due date, done
 * by a record, not done by the wrong record, exempt, off. Admission is 2026-01-01 throughout.
 */
import { describe, expect, it } from 'vitest'
import { blankFacts, type PersonFacts } from '../../electron/shared/domain/duework/facts'
import { milestonesOf } from '../../electron/shared/domain/duework/milestones'
import { dueItemsOf } from '../../electron/shared/domain/duework/rules'
import { DEFAULT_DUE_RULES, dueRulesSchema, type DueRules } from '../../electron/shared/domain/duework/settings'
import type { DueRuleId } from '../../electron/shared/domain/duework/vocabulary'

const ADMITTED = '2026-01-01'
const RULES: DueRules = {
  ...DEFAULT_DUE_RULES,
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
}
const RETEST_DAYS = 90

const facts = (extra: Partial<PersonFacts> = {}) => blankFacts('p1', ADMITTED, { personName: '张三', idTail: '0035', wardId: 'w1', ...extra })
const series = (...dates: string[]) => ({
  first: dates.length ? { id: `r-${dates[0]}`, on: dates[0]! } : null,
  latest: [...dates].reverse().slice(0, 2).map((on) => ({ id: `r-${on}`, on })),
})
const exempt = (rule: DueRuleId, occurrence: string) => ({ id: 'x1', rule, occurrence, reason: '外院已做', by: 's1', byName: '王干警', at: '2026-01-02T01:00:00Z', revision: 1 })
const off = (rule: DueRuleId): Partial<DueRules> => ({ [rule]: { ...RULES[rule] as object, enabled: false } })

type Row = [label: string, rule: DueRuleId, f: Partial<PersonFacts>, today: string, expected: string, occurrence?: string, rules?: Partial<DueRules>]

/** The status of the rule's item (of that occurrence, when named) on the day, or 'none' when it is not listed. */
function statusOf(rule: DueRuleId, f: Partial<PersonFacts>, today: string, occurrence?: string, rules: Partial<DueRules> = {}) {
  const items = dueItemsOf(facts(f), { today, rules: { ...RULES, ...rules }, fitnessRetestIntervalDays: RETEST_DAYS }).filter((i) => i.rule === rule && (occurrence === undefined || i.occurrence === occurrence))
  expect(items.length).toBeLessThanOrEqual(1)
  const item = items[0]
  if (!item) return 'none'
  return item.status === 'done' ? `done:${item.done!.recordId}@${item.dueOn}` : `${item.status}@${item.dueOn}`
}

const TABLE: Row[] = [
  // Admission screening within 15 days: due 2026-01-16, listed from admission.
  ['screening: before admission', 'psych_admission_screening', {}, '2025-12-31', 'none'],
  ['screening: admission day', 'psych_admission_screening', {}, '2026-01-01', 'due@2026-01-16'],
  ['screening: day before due', 'psych_admission_screening', {}, '2026-01-15', 'due@2026-01-16'],
  ['screening: on due', 'psych_admission_screening', {}, '2026-01-16', 'due@2026-01-16'],
  ['screening: day after due', 'psych_admission_screening', {}, '2026-01-17', 'overdue@2026-01-16'],
  ['screening: done', 'psych_admission_screening', { screenings: series('2026-01-10') }, '2026-01-20', 'done:r-2026-01-10@2026-01-16'],
  ['screening: a record before admission does not count', 'psych_admission_screening', { screenings: series('2025-12-20') }, '2026-01-17', 'overdue@2026-01-16'],
  ['screening: exempt', 'psych_admission_screening', { exemptions: [exempt('psych_admission_screening', 'admission')] }, '2026-01-17', 'exempt@2026-01-16'],
  ['screening: off', 'psych_admission_screening', {}, '2026-01-17', 'none', undefined, off('psych_admission_screening')],
  // Reassessment every 90 days after the latest (2026-01-10 → 2026-04-10), listed 14 days ahead (2026-03-27).
  ['reassessment: before window', 'psych_reassessment', { screenings: series('2026-01-10') }, '2026-03-26', 'none'],
  ['reassessment: window opens', 'psych_reassessment', { screenings: series('2026-01-10') }, '2026-03-27', 'due@2026-04-10'],
  ['reassessment: on due', 'psych_reassessment', { screenings: series('2026-01-10') }, '2026-04-10', 'due@2026-04-10'],
  ['reassessment: day after due', 'psych_reassessment', { screenings: series('2026-01-10') }, '2026-04-11', 'overdue@2026-04-10'],
  ['reassessment: none before the first screening', 'psych_reassessment', {}, '2026-06-01', 'none'],
  ['reassessment: done in the window', 'psych_reassessment', { screenings: series('2026-01-10', '2026-04-05') }, '2026-04-06', 'done:r-2026-04-05@2026-04-10', '2026-04-10'],
  ['reassessment: done before the window restarts the series only', 'psych_reassessment', { screenings: series('2026-01-10', '2026-03-20') }, '2026-04-11', 'none'],
  ['reassessment: exempt', 'psych_reassessment', { screenings: series('2026-01-10'), exemptions: [exempt('psych_reassessment', '2026-04-10')] }, '2026-04-11', 'exempt@2026-04-10', '2026-04-10'],
  ['reassessment: after an exemption the next is due 90 days on', 'psych_reassessment', { screenings: series('2026-01-10'), exemptions: [exempt('psych_reassessment', '2026-04-10')] }, '2026-07-10', 'overdue@2026-07-09', '2026-07-09'],
  ['reassessment: from an exempted admission screening', 'psych_reassessment', { exemptions: [exempt('psych_admission_screening', 'admission')] }, '2026-04-16', 'due@2026-04-16'],
  // A flag task within 3 days of raising.
  ['flag task: before raising', 'psych_flag_task', { flagTasks: [{ id: 't1', raisedOn: '2026-02-01', status: 'open', handledOn: null }] }, '2026-01-31', 'none'],
  ['flag task: on due', 'psych_flag_task', { flagTasks: [{ id: 't1', raisedOn: '2026-02-01', status: 'open', handledOn: null }] }, '2026-02-04', 'due@2026-02-04'],
  ['flag task: day after due', 'psych_flag_task', { flagTasks: [{ id: 't1', raisedOn: '2026-02-01', status: 'open', handledOn: null }] }, '2026-02-05', 'overdue@2026-02-04'],
  ['flag task: handled', 'psych_flag_task', { flagTasks: [{ id: 't1', raisedOn: '2026-02-01', status: 'done', handledOn: '2026-02-03' }] }, '2026-02-05', 'done:t1@2026-02-04'],
  ['flag task: exempt', 'psych_flag_task', { flagTasks: [{ id: 't1', raisedOn: '2026-02-01', status: 'open', handledOn: null }], exemptions: [exempt('psych_flag_task', 't1')] }, '2026-02-05', 'exempt@2026-02-04'],
  // A crisis followed up every 7 days since its last event, listed 2 days ahead.
  ['crisis: before window', 'crisis_follow_up', { openCrises: [{ id: 'c1', raisedOn: '2026-03-01', events: [] }] }, '2026-03-05', 'none'],
  ['crisis: window opens', 'crisis_follow_up', { openCrises: [{ id: 'c1', raisedOn: '2026-03-01', events: [] }] }, '2026-03-06', 'due@2026-03-08'],
  ['crisis: on due', 'crisis_follow_up', { openCrises: [{ id: 'c1', raisedOn: '2026-03-01', events: [] }] }, '2026-03-08', 'due@2026-03-08'],
  ['crisis: day after due', 'crisis_follow_up', { openCrises: [{ id: 'c1', raisedOn: '2026-03-01', events: [] }] }, '2026-03-09', 'overdue@2026-03-08'],
  ['crisis: followed up', 'crisis_follow_up', { openCrises: [{ id: 'c1', raisedOn: '2026-03-01', events: [{ id: 'e1', on: '2026-03-07' }] }] }, '2026-03-09', 'done:e1@2026-03-08', 'c1:2026-03-08'],
  ['crisis: next after the follow-up', 'crisis_follow_up', { openCrises: [{ id: 'c1', raisedOn: '2026-03-01', events: [{ id: 'e1', on: '2026-03-07' }] }] }, '2026-03-15', 'overdue@2026-03-14', 'c1:2026-03-14'],
  ['crisis: exempt', 'crisis_follow_up', { openCrises: [{ id: 'c1', raisedOn: '2026-03-01', events: [] }], exemptions: [exempt('crisis_follow_up', 'c1:2026-03-08')] }, '2026-03-09', 'exempt@2026-03-08', 'c1:2026-03-08'],
  // Fitness: first test within 30 days (2026-01-31); retest after the fitness interval (90), listed 14 days ahead.
  ['fitness: day before due', 'fitness_admission_test', {}, '2026-01-30', 'due@2026-01-31'],
  ['fitness: on due', 'fitness_admission_test', {}, '2026-01-31', 'due@2026-01-31'],
  ['fitness: day after due', 'fitness_admission_test', {}, '2026-02-01', 'overdue@2026-01-31'],
  ['fitness: tested', 'fitness_admission_test', { fitnessTests: series('2026-01-20') }, '2026-02-01', 'done:r-2026-01-20@2026-01-31'],
  ['fitness: exempt', 'fitness_admission_test', { exemptions: [exempt('fitness_admission_test', 'admission')] }, '2026-02-01', 'exempt@2026-01-31'],
  ['retest: before window', 'fitness_retest', { fitnessTests: series('2026-01-20') }, '2026-04-05', 'none'],
  ['retest: window opens', 'fitness_retest', { fitnessTests: series('2026-01-20') }, '2026-04-06', 'due@2026-04-20'],
  ['retest: day after due', 'fitness_retest', { fitnessTests: series('2026-01-20') }, '2026-04-21', 'overdue@2026-04-20'],
  ['retest: retested', 'fitness_retest', { fitnessTests: series('2026-01-20', '2026-04-18') }, '2026-04-21', 'done:r-2026-04-18@2026-04-20', '2026-04-20'],
  // Diagnostic assessment at admission within 7 days (Guangdong).
  ['diag admission: on due', 'diag_admission', {}, '2026-01-08', 'due@2026-01-08'],
  ['diag admission: day after due', 'diag_admission', {}, '2026-01-09', 'overdue@2026-01-08'],
  ['diag admission: final', 'diag_admission', { diagAssessments: [{ id: 'd1', point: 'admission', stagePeriod: null, on: '2026-01-05', final: true }] }, '2026-01-09', 'done:d1@2026-01-08'],
  ['diag admission: a draft does not count', 'diag_admission', { diagAssessments: [{ id: 'd1', point: 'admission', stagePeriod: null, on: '2026-01-05', final: false }] }, '2026-01-09', 'overdue@2026-01-08'],
  ['diag admission: another point does not count', 'diag_admission', { diagAssessments: [{ id: 'd1', point: 'detox', stagePeriod: null, on: '2026-01-05', final: true }] }, '2026-01-09', 'overdue@2026-01-08'],
  ['diag admission: exempt', 'diag_admission', { exemptions: [exempt('diag_admission', 'admission')] }, '2026-01-09', 'exempt@2026-01-08'],
  // Stage assessment when the detox period's 30 days are up (2026-01-31), listed 7 days ahead.
  ['stage: before window', 'diag_stage', { period: 'detox', periodSince: ADMITTED, periodEntries: { detox: ADMITTED } }, '2026-01-23', 'none'],
  ['stage: window opens', 'diag_stage', { period: 'detox', periodSince: ADMITTED, periodEntries: { detox: ADMITTED } }, '2026-01-24', 'due@2026-01-31'],
  ['stage: on due', 'diag_stage', { period: 'detox', periodSince: ADMITTED, periodEntries: { detox: ADMITTED } }, '2026-01-31', 'due@2026-01-31'],
  ['stage: day after due', 'diag_stage', { period: 'detox', periodSince: ADMITTED, periodEntries: { detox: ADMITTED } }, '2026-02-01', 'overdue@2026-01-31'],
  ['stage: the detox evaluation', 'diag_stage', { period: 'detox', periodSince: ADMITTED, periodEntries: { detox: ADMITTED }, diagAssessments: [{ id: 'd2', point: 'detox', stagePeriod: null, on: '2026-01-30', final: true }] }, '2026-02-01', 'done:d2@2026-01-31'],
  ['stage: a stage assessment of another period does not count', 'diag_stage', { period: 'detox', periodSince: ADMITTED, periodEntries: { detox: ADMITTED }, diagAssessments: [{ id: 'd2', point: 'stage', stagePeriod: 'education', on: '2026-01-30', final: true }] }, '2026-02-01', 'overdue@2026-01-31'],
  ['stage: the earlier period stays owed after a move', 'diag_stage', { period: 'education', periodSince: '2026-02-15', periodEntries: { detox: ADMITTED, education: '2026-02-15' } }, '2026-02-16', 'overdue@2026-01-31', 'stage:detox'],
  ['stage: the current period', 'diag_stage', { period: 'education', periodSince: '2026-02-15', periodEntries: { detox: ADMITTED, education: '2026-02-15' } }, '2026-04-16', 'due@2026-04-16', 'stage:education'],
  ['stage: a period without a stage rule', 'diag_stage', { period: 'rehabilitation', periodSince: '2026-04-01', periodEntries: { rehabilitation: '2026-04-01' } }, '2027-04-01', 'none'],
  ['stage: exempt', 'diag_stage', { period: 'detox', periodSince: ADMITTED, periodEntries: { detox: ADMITTED }, exemptions: [exempt('diag_stage', 'stage:detox')] }, '2026-02-01', 'exempt@2026-01-31'],
  // One-year assessment: listed 30 days before the earliest early release (2026-12-31), due on it.
  ['one year: before window', 'diag_one_year', { earliestEarlyRelease: '2026-12-31' }, '2026-11-30', 'none'],
  ['one year: window opens', 'diag_one_year', { earliestEarlyRelease: '2026-12-31' }, '2026-12-01', 'due@2026-12-31'],
  ['one year: on due', 'diag_one_year', { earliestEarlyRelease: '2026-12-31' }, '2026-12-31', 'due@2026-12-31'],
  ['one year: day after due', 'diag_one_year', { earliestEarlyRelease: '2026-12-31' }, '2027-01-01', 'overdue@2026-12-31'],
  ['one year: done in the window', 'diag_one_year', { earliestEarlyRelease: '2026-12-31', diagAssessments: [{ id: 'd3', point: 'one_year', stagePeriod: null, on: '2026-12-10', final: true }] }, '2027-01-01', 'done:d3@2026-12-31'],
  ['one year: one before the window does not count', 'diag_one_year', { earliestEarlyRelease: '2026-12-31', diagAssessments: [{ id: 'd3', point: 'one_year', stagePeriod: null, on: '2026-11-01', final: true }] }, '2027-01-01', 'overdue@2026-12-31'],
  ['one year: early release barred', 'diag_one_year', { earliestEarlyRelease: null }, '2027-01-01', 'none'],
  // Pre-expiry assessment due 30 days before the last day (2027-12-31 → 2027-12-01), listed 14 days before that.
  ['pre-expiry: before window', 'diag_pre_expiry', { lastDay: '2027-12-31' }, '2027-11-16', 'none'],
  ['pre-expiry: window opens', 'diag_pre_expiry', { lastDay: '2027-12-31' }, '2027-11-17', 'due@2027-12-01'],
  ['pre-expiry: day after due', 'diag_pre_expiry', { lastDay: '2027-12-31' }, '2027-12-02', 'overdue@2027-12-01'],
  ['pre-expiry: done', 'diag_pre_expiry', { lastDay: '2027-12-31', diagAssessments: [{ id: 'd4', point: 'pre_expiry', stagePeriod: null, on: '2027-11-20', final: true }] }, '2027-12-02', 'done:d4@2027-12-01'],
  ['pre-expiry: exempt', 'diag_pre_expiry', { lastDay: '2027-12-31', exemptions: [exempt('diag_pre_expiry', 'pre_expiry')] }, '2027-12-02', 'exempt@2027-12-01'],
  // An open evidence request within 7 days.
  ['evidence: on due', 'diag_evidence', { openEvidenceRequests: [{ id: 'q1', assessmentId: 'd1', requestedOn: '2026-03-01' }] }, '2026-03-08', 'due@2026-03-08'],
  ['evidence: day after due', 'diag_evidence', { openEvidenceRequests: [{ id: 'q1', assessmentId: 'd1', requestedOn: '2026-03-01' }] }, '2026-03-09', 'overdue@2026-03-08'],
  ['evidence: before the request', 'diag_evidence', { openEvidenceRequests: [{ id: 'q1', assessmentId: 'd1', requestedOn: '2026-03-01' }] }, '2026-02-28', 'none'],
  // The ward's admission talk within 3 days.
  ['admission talk: on due', 'ward_admission_talk', {}, '2026-01-04', 'due@2026-01-04'],
  ['admission talk: day after due', 'ward_admission_talk', {}, '2026-01-05', 'overdue@2026-01-04'],
  ['admission talk: held', 'ward_admission_talk', { talks: [{ id: 'k1', kind: 'admission', status: 'done', plannedOn: null, doneOn: '2026-01-02' }] }, '2026-01-05', 'done:k1@2026-01-04'],
  ['admission talk: only planned', 'ward_admission_talk', { talks: [{ id: 'k1', kind: 'admission', status: 'planned', plannedOn: '2026-01-02', doneOn: null }] }, '2026-01-05', 'overdue@2026-01-04'],
  ['admission talk: another kind', 'ward_admission_talk', { talks: [{ id: 'k1', kind: 'release', status: 'done', plannedOn: null, doneOn: '2026-01-02' }] }, '2026-01-05', 'overdue@2026-01-04'],
  // A planned talk is due on its date.
  ['planned talk: day before', 'ward_planned_talk', { talks: [{ id: 'k2', kind: 'routine', status: 'planned', plannedOn: '2026-03-10', doneOn: null }] }, '2026-03-09', 'none'],
  ['planned talk: on the day', 'ward_planned_talk', { talks: [{ id: 'k2', kind: 'routine', status: 'planned', plannedOn: '2026-03-10', doneOn: null }] }, '2026-03-10', 'due@2026-03-10'],
  ['planned talk: day after', 'ward_planned_talk', { talks: [{ id: 'k2', kind: 'routine', status: 'planned', plannedOn: '2026-03-10', doneOn: null }] }, '2026-03-11', 'overdue@2026-03-10'],
  ['planned talk: held', 'ward_planned_talk', { talks: [{ id: 'k2', kind: 'routine', status: 'done', plannedOn: '2026-03-10', doneOn: '2026-03-11' }] }, '2026-03-11', 'done:k2@2026-03-10'],
  ['planned talk: cancelled', 'ward_planned_talk', { talks: [{ id: 'k2', kind: 'routine', status: 'cancelled', plannedOn: '2026-03-10', doneOn: null }] }, '2026-03-11', 'none'],
  // A watch measure is due for review on its review date.
  ['watch review: day before', 'watch_measure_review', { watchMeasures: [{ id: 'm1', reviewOn: '2026-03-10' }] }, '2026-03-09', 'none'],
  ['watch review: on the day', 'watch_measure_review', { watchMeasures: [{ id: 'm1', reviewOn: '2026-03-10' }] }, '2026-03-10', 'due@2026-03-10'],
  ['watch review: day after', 'watch_measure_review', { watchMeasures: [{ id: 'm1', reviewOn: '2026-03-10' }] }, '2026-03-11', 'overdue@2026-03-10'],
  ['watch review: exempt', 'watch_measure_review', { watchMeasures: [{ id: 'm1', reviewOn: '2026-03-10' }], exemptions: [exempt('watch_measure_review', 'm1:2026-03-10')] }, '2026-03-11', 'exempt@2026-03-10'],
  // Release preparation due 30 days before the last day, listed 14 days before that; a release talk in the window does it.
  ['release: before window', 'release_preparation', { lastDay: '2027-12-31' }, '2027-11-16', 'none'],
  ['release: window opens', 'release_preparation', { lastDay: '2027-12-31' }, '2027-11-17', 'due@2027-12-01'],
  ['release: on due', 'release_preparation', { lastDay: '2027-12-31' }, '2027-12-01', 'due@2027-12-01'],
  ['release: day after due', 'release_preparation', { lastDay: '2027-12-31' }, '2027-12-02', 'overdue@2027-12-01'],
  ['release: release talk in the window', 'release_preparation', { lastDay: '2027-12-31', talks: [{ id: 'k3', kind: 'release', status: 'done', plannedOn: null, doneOn: '2027-11-20' }] }, '2027-12-02', 'done:k3@2027-12-01'],
  ['release: a release talk before the window does not count', 'release_preparation', { lastDay: '2027-12-31', talks: [{ id: 'k3', kind: 'release', status: 'done', plannedOn: null, doneOn: '2027-11-10' }] }, '2027-12-02', 'overdue@2027-12-01'],
  ['release: no last day', 'release_preparation', { lastDay: null }, '2027-12-02', 'none'],
  ['release: off', 'release_preparation', { lastDay: '2027-12-31' }, '2027-12-02', 'none', undefined, off('release_preparation')],
]

describe('due-work rules (pure, table-driven)', () => {
  it.each(TABLE)('%s (%s on %s)', (_label, rule, f, today, expected, occurrence, rules) => {
    expect(statusOf(rule, f, today, occurrence, rules)).toBe(expected)
  })

  it('leaves out work done before doneFrom (a day\'s screen), keeping open work', () => {
    const f = facts({ screenings: series('2026-01-10'), fitnessTests: series('2026-02-20') })
    const ctx = { today: '2026-02-20', rules: RULES, fitnessRetestIntervalDays: RETEST_DAYS, doneFrom: '2026-02-20' }
    const items = dueItemsOf(f, ctx).filter((i) => i.centre !== 'assessment' && i.centre !== 'ward')
    expect(items.map((i) => [i.rule, i.status])).toEqual([['fitness_admission_test', 'done']])
    expect(dueItemsOf(f, { ...ctx, doneFrom: undefined }).filter((i) => i.rule === 'psych_admission_screening').map((i) => i.status)).toEqual(['done'])
  })

  it('covers every rule', () => {
    expect(new Set(TABLE.map((r) => r[1])).size).toBe(15)
  })

  it('an item carries the person, its centre, its window, the exemption and the subject it is about', () => {
    const [item] = dueItemsOf(facts({ openCrises: [{ id: 'c1', raisedOn: '2026-03-01', events: [] }], exemptions: [exempt('crisis_follow_up', 'c1:2026-03-08')] }), {
      today: '2026-03-09', rules: { ...RULES, psych_admission_screening: { enabled: false, days: 15 }, fitness_admission_test: { enabled: false, days: 30 }, diag_admission: { enabled: false, days: 7 }, ward_admission_talk: { enabled: false, days: 3 } }, fitnessRetestIntervalDays: RETEST_DAYS,
    })
    expect(item).toEqual({
      personId: 'p1', personName: '张三', idTail: '0035', wardId: 'w1', period: null, rule: 'crisis_follow_up', centre: 'psych', occurrence: 'c1:2026-03-08',
      dueOn: '2026-03-08', status: 'exempt', windowOpensOn: '2026-03-06', done: null,
      exemption: { id: 'x1', reason: '外院已做', by: 's1', byName: '王干警', at: '2026-01-02T01:00:00Z', revision: 1 },
      subject: { recordType: 'crisis', recordId: 'c1' },
    })
  })

  it('the defaults are valid and cite the one national figure (admission diagnostic handbook within 7 days)', () => {
    expect(dueRulesSchema.parse(DEFAULT_DUE_RULES)).toEqual(DEFAULT_DUE_RULES)
    expect(DEFAULT_DUE_RULES.diag_admission.days).toBe(7)
  })

  it.each([
    ['days below 1', { psych_admission_screening: { enabled: true, days: 0 } }, 'psych_admission_screening.days'],
    ['an interval above 730', { psych_reassessment: { enabled: true, intervalDays: 731, leadDays: 14 } }, 'psych_reassessment.intervalDays'],
    ['a fractional lead', { release_preparation: { enabled: true, days: 30, leadDays: 1.5 } }, 'release_preparation.leadDays'],
    ['a period without its days', { diag_stage: { enabled: true, leadDays: 7, periodDays: { detox: 30 } } }, 'diag_stage.periodDays.education'],
  ])('refuses %s, naming the field', (_what, change, path) => {
    const result = dueRulesSchema.safeParse({ ...DEFAULT_DUE_RULES, ...change })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path)
  })
})

describe('milestones', () => {
  it.each([
    ['the period days up in 14 days', { period: 'detox' as const, periodSince: '2026-01-01' }, '2026-01-17', [['period_dwell', '2026-01-31', 14]]],
    ['the period days up in 15 days: not yet', { period: 'detox' as const, periodSince: '2026-01-01' }, '2026-01-16', []],
    ['the period days passed: the stage rule shows it', { period: 'detox' as const, periodSince: '2026-01-01' }, '2026-02-01', []],
    ['early release from in 14 days', { earliestEarlyRelease: '2026-12-31' }, '2026-12-17', [['early_release_from', '2026-12-31', 14]]],
    ['early release from in 15 days: not yet', { earliestEarlyRelease: '2026-12-31' }, '2026-12-16', []],
    ['last day in 14 days', { lastDay: '2027-12-31' }, '2027-12-17', [['term_last_day', '2027-12-31', 14]]],
    ['last day passed, still in a ward', { lastDay: '2027-12-31' }, '2028-01-02', [['term_last_day', '2027-12-31', -2]]],
  ] as const)('%s', (_label, f, today, expected) => {
    expect(milestonesOf(facts(f), RULES, today).map((m) => [m.kind, m.on, m.days])).toEqual(expected)
  })
})

describe('the day the facility began keeping due work (admissionRulesFrom)', () => {
  // Admitted 2026-01-01. Adoption the day after: admission work is not owed, periodic work counts from adoption.
  const ADOPTED_AFTER = { admissionRulesFrom: '2026-01-02' }
  const ADOPTED_ON_ADMISSION = { admissionRulesFrom: ADMITTED }
  it.each<Row>([
    ['admitted the day before adoption: no admission screening', 'psych_admission_screening', {}, '2026-01-20', 'none', undefined, ADOPTED_AFTER],
    ['admitted on the adoption day: owed as usual', 'psych_admission_screening', {}, '2026-01-20', 'overdue@2026-01-16', undefined, ADOPTED_ON_ADMISSION],
    ['no adoption day: owed as usual', 'psych_admission_screening', {}, '2026-01-20', 'overdue@2026-01-16', undefined, { admissionRulesFrom: null }],
    ['before adoption: no admission fitness test', 'fitness_admission_test', {}, '2026-03-01', 'none', undefined, ADOPTED_AFTER],
    ['before adoption: no admission assessment', 'diag_admission', {}, '2026-03-01', 'none', undefined, ADOPTED_AFTER],
    ['before adoption: no admission talk', 'ward_admission_talk', {}, '2026-03-01', 'none', undefined, ADOPTED_AFTER],
    // Reassessment every 90 days counted from adoption (2026-01-02 + 90 = 2026-04-02), listed 14 days ahead.
    ['reassessment: a day before its window', 'psych_reassessment', {}, '2026-03-18', 'none', undefined, ADOPTED_AFTER],
    ['reassessment: window opens', 'psych_reassessment', {}, '2026-03-19', 'due@2026-04-02', undefined, ADOPTED_AFTER],
    ['reassessment: day after due', 'psych_reassessment', {}, '2026-04-03', 'overdue@2026-04-02', undefined, ADOPTED_AFTER],
    ['reassessment: a screening since counts as usual', 'psych_reassessment', { screenings: series('2026-02-01') }, '2026-04-03', 'none', undefined, ADOPTED_AFTER],
  ])('%s (%s on %s)', (_label, rule, f, today, expected, occurrence, rules) => {
    expect(statusOf(rule, f, today, occurrence, rules)).toBe(expected)
  })

  it('an older stored setting without the field reads as "every admission counts"', () => {
    const { admissionRulesFrom: _omitted, ...stored } = DEFAULT_DUE_RULES
    expect(dueRulesSchema.parse(stored).admissionRulesFrom).toBeNull()
    expect(dueRulesSchema.safeParse({ ...stored, admissionRulesFrom: '2026-02-30' }).success).toBe(false)
  })
})
