import type { Db } from '../db/open'

/**
 * The current ward of a referral's person (null: a past file), for ward scoping of the calls that name a referral by id
 * (core/auth/scopeRecords.ts). An unknown id gives none: the handler then answers "not found".
 */
export const wardsOfReferral = (db: Db, id: string): Array<string | null> =>
  (db.prepare('SELECT p.ward_id AS wardId FROM employment_referrals r JOIN people p ON p.id = r.person_id WHERE r.id = ?').all(id) as Array<{ wardId: string | null }>).map((r) => r.wardId)
