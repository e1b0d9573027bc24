import { randomUUID } from 'node:crypto'
import type { Db } from '../../electron/core/db/open'

/** A live exemption of the person's admission screening, written directly (as a record for the access matrix). */
export function insertDueExemption(db: Db, personId: string, rule = 'psych_admission_screening', occurrence = 'admission'): string {
  const id = randomUUID()
  const by = (db.prepare(`SELECT id FROM staff ORDER BY role = 'admin' DESC LIMIT 1`).get() as { id: string }).id
  db.prepare(
    `INSERT INTO due_exemptions (id, person_id, rule, occurrence, reason, created_by, created_at) VALUES (?, ?, ?, ?, '已在外院筛查', ?, ?)`,
  ).run(id, personId, rule, occurrence, by, new Date().toISOString())
  return id
}
