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

const adminId = (db: Db) => (db.prepare(`SELECT id FROM staff WHERE role = 'admin' LIMIT 1`).get() as { id: string }).id
const wardOf = (db: Db, personId: string) => (db.prepare('SELECT ward_id AS w FROM people WHERE id = ?').get(personId) as { w: string }).w

/** A fitness test of the person on the date, written straight into the table (test days need a whole ward's form). */
export function insertFitnessTest(db: Db, personId: string, on: string, voided = false): string {
  const id = randomUUID()
  const by = adminId(db)
  const at = `${on}T02:00:00.000Z`
  db.prepare(
    `INSERT INTO fitness_tests (id, person_id, ward_id, test_date, sex, age, standard_id, recorded_at, recorded_by, updated_at, updated_by, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, 'M', 30, 'GTY-2003-adult', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, personId, wardOf(db, personId), on, at, by, at, by, voided ? at : null, voided ? by : null, voided ? '录错' : null)
  return id
}

/** A diagnostic assessment (final unless said) of a point, straight into the table. */
export function insertDiagAssessment(db: Db, personId: string, point: string, on: string, options: { status?: 'draft' | 'final'; stagePeriod?: string; voided?: boolean } = {}): string {
  const id = randomUUID()
  const by = adminId(db)
  const at = `${on}T02:00:00.000Z`
  db.prepare(
    `INSERT INTO diag_assessments (id, person_id, point, stage_period, assessed_on, status, template_id, template_version, components, recommendation, assessors,
       recorded_at, recorded_by, updated_at, updated_by, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, ?, ?, 'generic', 1, '[]', 'none', '王警官', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, personId, point, options.stagePeriod ?? null, on, options.status ?? 'final', at, by, at, by, options.voided ? at : null, options.voided ? by : null, options.voided ? '录错' : null)
  return id
}

/** A ward talk, straight into the table. */
export function insertTalk(db: Db, personId: string, t: { kind: string; status: 'planned' | 'done' | 'cancelled'; plannedOn?: string | null; doneOn?: string | null; voided?: boolean }): string {
  const id = randomUUID()
  const by = adminId(db)
  const at = '2026-11-01T02:00:00.000Z'
  db.prepare(
    `INSERT INTO ward_talks (id, person_id, ward_id, kind, status, planned_on, done_on, recorded_at, recorded_by, updated_at, updated_by, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, personId, wardOf(db, personId), t.kind, t.status, t.plannedOn ?? null, t.doneOn ?? null, at, by, at, by, t.voided ? at : null, t.voided ? by : null, t.voided ? '录错' : null)
  return id
}

/** A live watch measure with a review date, straight into the table. */
export function insertWatchMeasure(db: Db, personId: string, startOn: string, reviewOn: string, endOn: string | null = null): string {
  const id = randomUUID()
  const by = adminId(db)
  const at = `${startOn}T02:00:00.000Z`
  db.prepare(
    `INSERT INTO watch_measures (id, person_id, ward_id, kind, start_on, end_on, review_on, reason, recorded_at, recorded_by, updated_at, updated_by)
     VALUES (?, ?, ?, 'watch', ?, ?, ?, '情绪低落', ?, ?, ?, ?)`,
  ).run(id, personId, wardOf(db, personId), startOn, endOn, reviewOn, at, by, at, by)
  return id
}
