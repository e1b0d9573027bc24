import type { Db } from '../db/open'

/**
 * The people each psychology record concerns, for ward scoping of calls that name a record by id alone
 * (core/auth/scopeRecords.ts). An unknown id gives no one: the handler then answers "not found".
 */
const personOf = (sql: string) => (db: Db, id: string): string[] => (db.prepare(sql).all(id) as Array<{ personId: string }>).map((r) => r.personId)

export const peopleOfAssessment = personOf('SELECT person_id AS personId FROM assessments WHERE id = ?')
export const peopleOfCrisis = personOf('SELECT person_id AS personId FROM crises WHERE id = ?')
export const peopleOfTask = personOf('SELECT person_id AS personId FROM psych_tasks WHERE id = ?')
/** A group session concerns every participant. */
export const peopleOfSession = personOf('SELECT person_id AS personId FROM counselling_participants WHERE session_id = ?')
