import type { ScopedRecord } from '../../shared/contract/define'
import type { Db } from '../db/open'

/**
 * The current ward of the person a release record or handover sheet concerns (null: a past file), for ward scoping of
 * calls naming the record by id alone (core/auth/scopeRecords.ts). An unknown id gives none: the handler answers.
 */
const wardsOf = (sql: string) => (db: Db, id: string): Array<string | null> => (db.prepare(sql).all(id) as Array<{ wardId: string | null }>).map((r) => r.wardId)

export const wardsOfRelease = wardsOf('SELECT p.ward_id AS wardId FROM releases r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const wardsOfHandoverSheet = wardsOf('SELECT p.ward_id AS wardId FROM handover_sheets r JOIN people p ON p.id = r.person_id WHERE r.id = ?')

const personOf = (table: string) => (db: Db, id: string): string[] => db.prepare(`SELECT person_id FROM ${table} WHERE id = ?`).pluck().all(id) as string[]

/**
 * The people each record kind belongs to. Group records (a counselling session, a course session) answer none: they are
 * the group's, and refusing them for one released member would stop the others' work; each member's own rows
 * (attendance through enrolments, notes) carry their own kinds.
 */
export const PEOPLE_OF_RECORD = {
  assessment: personOf('assessments'),
  crisis: personOf('crises'),
  session: () => [],
  task: personOf('psych_tasks'),
  enrolment: personOf('enrolments'),
  courseSession: () => [],
  examAttempt: personOf('exam_attempts'),
  certificate: personOf('certificates'),
  knowledgeAttempt: personOf('knowledge_attempts'),
  referral: personOf('employment_referrals'),
  diagAssessment: personOf('diag_assessments'),
  termProposal: personOf('term_proposals'),
  dueExemption: personOf('due_exemptions'),
  release: personOf('releases'),
  handoverSheet: personOf('handover_sheets'),
} satisfies Record<ScopedRecord, (db: Db, id: string) => string[]>

