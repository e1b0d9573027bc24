import { recordPeople } from '../auth/recordPeopleQueries'

/**
 * The people a course record concerns, with their current wards (null: a past file), for calls that name the record by
 * id alone (core/auth/scopeRecords.ts).
 */
export const peopleOfEnrolment = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM enrolments r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const peopleOfExamAttempt = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM exam_attempts r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
/** A course session concerns everyone on its register. */
export const peopleOfCourseSession = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM course_attendance r JOIN people p ON p.id = r.person_id WHERE r.session_id = ?')
