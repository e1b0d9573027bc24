import type { Db } from '../db/open'

/**
 * The current wards of the people each psychology record concerns (null: a past file), for ward scoping of calls that
 * name a record by id alone (core/auth/scopeRecords.ts). An unknown id gives none: the handler then answers "not found".
 */
const wardsOf = (sql: string) => (db: Db, id: string): Array<string | null> => (db.prepare(sql).all(id) as Array<{ wardId: string | null }>).map((r) => r.wardId)

export const wardsOfAssessment = wardsOf('SELECT p.ward_id AS wardId FROM assessments r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const wardsOfCrisis = wardsOf('SELECT p.ward_id AS wardId FROM crises r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const wardsOfTask = wardsOf('SELECT p.ward_id AS wardId FROM psych_tasks r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
/** A group session concerns every participant. */
export const wardsOfSession = wardsOf('SELECT p.ward_id AS wardId FROM counselling_participants r JOIN people p ON p.id = r.person_id WHERE r.session_id = ?')
