import type { Db } from '../db/open'

/** The current ward of a certificate's holder (null: a past file), for ward scoping of calls naming a certificate. */
export function wardsOfCertificate(db: Db, id: string): Array<string | null> {
  return (db.prepare('SELECT p.ward_id AS wardId FROM certificates c JOIN people p ON p.id = c.person_id WHERE c.id = ?').all(id) as Array<{ wardId: string | null }>).map((r) => r.wardId)
}
