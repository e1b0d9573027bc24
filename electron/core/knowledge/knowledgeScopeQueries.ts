import { recordPeople } from '../auth/recordPeopleQueries'

/** The person of a knowledge-test sitting, with their current ward (null: a past file). */
export const peopleOfKnowledgeAttempt = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM knowledge_attempts r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
