/**
 * Staff roles and what each may do. Deny by default: a permission not listed for a role is refused.
 */
export const ROLES = ['admin', 'counsellor', 'trainer', 'vocational', 'ward_officer'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'people.read', // identity, term, periods, ward history of detainees
  'people.write', // create and edit files, move periods, assign wards, term events
  'people.void',
  'wards.read',
  'facility.manage', // facility name, wards, capacity, period template
  'staff.manage',
  'audit.read',
  'psych.read', // ward psychology screen: due screening, latest band, open tasks and crises
  'psych.assess', // enter and re-score assessments, see answers, handle tasks, run the crisis workflow
  'psych.notes', // counselling records: sensitive, every read audited
  'psych.configure', // cut-off sets, rules, intervals, licensed item texts
  'backup.manage', // make, schedule and restore backups (a restore replaces every record): administrators only
  'fitness.read', // fitness tests, grades and training records (康复训练中心)
  'fitness.record', // record and re-grade fitness tests, test-day drafts, training groups, sessions and attendance
  'vocational.read', // courses, classes, attendance, exams, knowledge tests, certificates, employment support
  'vocational.record', // record all of these, issue and import certificates, keep the item bank and the trade list
  'assessment.read', // diagnostic assessments (诊断评估), their evidence and results, recommendations, proposals and decisions
  'assessment.record', // enter, score and finalise diagnostic assessments and their recommendation
  'assessment.decide', // the proposal-and-decision log (early release, extension): decisions change the term
  'wardwork.read', // the ward's own records: talks, rewards and sanctions, visits, outside medical visits, watch measures, ward log
  'wardwork.record', // record them (ward officers)
  'duework.read', // due work: what each person is owed and by when, the ward's day screen, the facility overview
  'duework.configure', // the facility's due-work rules (intervals, lead times)
  'release.read', // release records and checklists, handover sheets, who has left and how
  'release.record', // plan a release, keep its checklist, confirm it (the person leaves the roster), print handover papers
  'release.reopen', // reopen a released (read-only) file for corrections, close it again, void a mistaken release
  'aftercare.read', // guidance stations, follow-up plans and contacts, the due follow-up screen, cohort statistics
  'aftercare.record', // record follow-up contacts, keep the plans and the guidance-station list
  'aftercare.configure', // the follow-up plan (first contacts, cadence, how long) and which release kinds it covers
  'stats.read', // the facility dashboard: every figure and the people behind it
  'server.manage', // the server's health screen, who is signed in, ending sessions, session time limits: administrators only
] as const
export type Permission = (typeof PERMISSIONS)[number]

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  ward_officer: [
    'people.read', 'people.write', 'wards.read', 'psych.read', 'fitness.read', 'vocational.read',
    'assessment.read', 'assessment.record', 'assessment.decide', 'wardwork.read', 'wardwork.record', 'duework.read',
    'release.read', 'release.record', 'aftercare.read', 'aftercare.record', 'stats.read',
  ],
  counsellor: [
    'people.read', 'wards.read', 'psych.read', 'psych.assess', 'psych.notes', 'fitness.read', 'vocational.read',
    'assessment.read', 'assessment.record', 'wardwork.read', 'duework.read',
    'release.read', 'aftercare.read', 'aftercare.record', 'stats.read',
  ],
  trainer: ['people.read', 'wards.read', 'fitness.read', 'fitness.record', 'vocational.read', 'assessment.read', 'duework.read', 'release.read', 'stats.read'],
  vocational: ['people.read', 'wards.read', 'vocational.read', 'vocational.record', 'assessment.read', 'duework.read', 'release.read', 'aftercare.read', 'stats.read'],
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}
