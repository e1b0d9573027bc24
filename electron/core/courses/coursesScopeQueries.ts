import type { Db } from '../db/open'

/**
 * The current wards of the people a course record concerns (null: a past file), for ward scoping of calls that name
 * the record by id alone (core/auth/scopeRecords.ts). An unknown id gives none: the handler then answers "not found".
 */
const wardsOf = (sql: string) => (db: Db, id: string): Array<string | null> => (db.prepare(sql).all(id) as Array<{ wardId: string | null }>).map((r) => r.wardId)

export const wardsOfEnrolment = wardsOf('SELECT p.ward_id AS wardId FROM enrolments r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const wardsOfExamAttempt = wardsOf('SELECT p.ward_id AS wardId FROM exam_attempts r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
/** A course session concerns everyone on its register. */
export const wardsOfCourseSession = wardsOf('SELECT p.ward_id AS wardId FROM course_attendance r JOIN people p ON p.id = r.person_id WHERE r.session_id = ?')
