import { recordPeople } from '../auth/recordPeopleQueries'

/**
 * The people each psychology record concerns, with their current wards (null: a past file), for calls that name a
 * record by id alone (core/auth/scopeRecords.ts).
 */
export const peopleOfAssessment = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM assessments r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const peopleOfCrisis = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM crises r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const peopleOfTask = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM psych_tasks r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
/** A group session concerns every participant. */
export const peopleOfSession = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM counselling_participants r JOIN people p ON p.id = r.person_id WHERE r.session_id = ?')
