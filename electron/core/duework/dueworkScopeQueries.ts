import type { Db } from '../db/open'

/** The current ward of the person an exemption concerns (null: a past file), for ward scoping by record id. */
export function wardsOfDueExemption(db: Db, id: string): Array<string | null> {
  const rows = db.prepare('SELECT p.ward_id AS wardId FROM due_exemptions e JOIN people p ON p.id = e.person_id WHERE e.id = ?').all(id) as Array<{ wardId: string | null }>
  return rows.map((r) => r.wardId)
}
