import { recordPeople } from '../auth/recordPeopleQueries'

/** The person an exemption concerns, with their current ward (null: a past file), for ward scoping by record id. */
export const peopleOfDueExemption = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM due_exemptions r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
