import type { Db } from '../db/open'

/**
 * The current ward of the person a diagnostic-assessment record concerns (null: a past file), for ward scoping of calls
 * that name the record by id alone (core/auth/scopeRecords.ts). An unknown id gives none: the handler answers "not found".
 */
const wardsOf = (sql: string) => (db: Db, id: string): Array<string | null> => (db.prepare(sql).all(id) as Array<{ wardId: string | null }>).map((r) => r.wardId)

export const wardsOfDiagAssessment = wardsOf('SELECT p.ward_id AS wardId FROM diag_assessments r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
export const wardsOfTermProposal = wardsOf('SELECT p.ward_id AS wardId FROM term_proposals r JOIN people p ON p.id = r.person_id WHERE r.id = ?')
