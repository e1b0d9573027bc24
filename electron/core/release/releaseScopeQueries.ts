import { recordPeople } from '../auth/recordPeopleQueries'

/**
 * The person a release record or handover sheet concerns, with their current ward (null: a past file), for calls naming
 * the record by id alone (core/auth/scopeRecords.ts).
 */
export const peopleOfRelease = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM releases r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const peopleOfHandoverSheet = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM handover_sheets r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
