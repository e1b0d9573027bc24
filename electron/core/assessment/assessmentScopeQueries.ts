import { recordPeople } from '../auth/recordPeopleQueries'

/**
 * The person a diagnostic-assessment record concerns, with their current ward (null: a past file), for calls that name
 * the record by id alone (core/auth/scopeRecords.ts).
 */
export const peopleOfDiagAssessment = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM diag_assessments r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const peopleOfTermProposal = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM term_proposals r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
