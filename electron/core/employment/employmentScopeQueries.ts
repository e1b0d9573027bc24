import { recordPeople } from '../auth/recordPeopleQueries'

/**
 * A referral's person, with their current ward (null: a past file), for the calls that name a referral by id
 * (core/auth/scopeRecords.ts).
 */
export const peopleOfReferral = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM employment_referrals r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
