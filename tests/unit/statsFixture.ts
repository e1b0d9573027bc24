/**
 * A small facility with hand-checked dashboard figures (TODAY 2026-11-23, asOf = TODAY, 6 months: 2026-06-01 …
 * 2026-11-23). Rows the dashboard reads but no API writes in one step (releases, screenings, tests, tasks) go straight
 * into their tables.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../electron/core/db/open'
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'
import { call, makeWorld, ok, personInput, type World } from './helpers'

let seq = 1
/** A valid male ID number (odd sequence digit), different on each call. */
export function nextIdNumber(): string {
  const body = `11010119900307${String(seq * 2 + 101).padStart(3, '0')}`
  seq++
  return body + checkCharacterFor(body)
}

const adminId = (db: Db) => (db.prepare(`SELECT id FROM staff WHERE role = 'admin' LIMIT 1`).get() as { id: string }).id

export interface StatsWorld extends World {
  people: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6', string>
}

function createPerson(w: World, ward: 'a' | 'b', name: string, admissionDate: string): string {
  return ok(call(w.dispatch, 'people:create', personInput(w.wards[ward], { name, idNumber: nextIdNumber(), admissionDate, decisionDate: admissionDate }), w.sessions.admin!)).id
}

export function release(db: Db, personId: string, r: { kind: string; on: string; status?: 'planned' | 'released' }): void {
  const by = adminId(db)
  const at = `${r.on}T02:00:00.000Z`
  const person = db.prepare('SELECT ward_id AS wardId, period FROM people WHERE id = ?').get(personId) as { wardId: string; period: string | null }
  const released = (r.status ?? 'released') === 'released'
  db.prepare(
    `INSERT INTO releases (id, person_id, kind, status, release_date, from_ward_id, from_period, created_at, created_by, updated_at, updated_by, released_at, released_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(randomUUID(), personId, r.kind, released ? 'released' : 'planned', r.on, released ? person.wardId : null, released ? person.period : null, at, by, at, by, released ? at : null, released ? by : null)
  if (released) db.prepare('UPDATE people SET ward_id = NULL, period = NULL WHERE id = ?').run(personId)
}

export function screening(db: Db, personId: string, on: string, flagged: boolean, options: { instrument?: string; voided?: boolean; incomplete?: boolean } = {}): void {
  const by = adminId(db)
  const at = `${on}T03:00:00.000Z`
  db.prepare(
    `INSERT INTO assessments (id, person_id, instrument_id, instrument_version, setting, administered_on, administered_by, answers, incomplete_reason, rounding, result, recorded_at, recorded_by, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, '1', 'periodic', ?, ?, '[]', ?, 'half_up', ?, ?, ?, ?, ?, ?)`,
  ).run(randomUUID(), personId, options.instrument ?? 'phq9', on, by, options.incomplete ? '拒答' : null, options.incomplete ? null : JSON.stringify({ flags: flagged ? [{ id: 'suicide_item' }] : [] }), at, by,
    options.voided ? at : null, options.voided ? by : null, options.voided ? '录错' : null)
}

export function fitnessTest(db: Db, personId: string, on: string, grade: string | null, voided = false): void {
  const by = adminId(db)
  const at = `${on}T02:00:00.000Z`
  const wardId = (db.prepare('SELECT ward_id AS w FROM people WHERE id = ?').get(personId) as { w: string }).w
  db.prepare(
    `INSERT INTO fitness_tests (id, person_id, ward_id, test_date, sex, age, standard_id, grade, recorded_at, recorded_by, updated_at, updated_by, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, 'M', 30, 'GTY-2003-adult', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(randomUUID(), personId, wardId, on, grade, at, by, at, by, voided ? at : null, voided ? by : null, voided ? '录错' : null)
}

export function task(db: Db, personId: string, status: 'open' | 'done'): void {
  const wardId = (db.prepare('SELECT ward_id AS w FROM people WHERE id = ?').get(personId) as { w: string | null }).w
  db.prepare(`INSERT INTO psych_tasks (id, person_id, ward_id, kind, label, created_at, status) VALUES (?, ?, ?, 'flag', '复评 PHQ-9', '2026-11-01T02:00:00.000Z', ?)`)
    .run(randomUUID(), personId, wardId, status)
}

export function crisis(db: Db, personId: string, status: 'open' | 'closed'): void {
  db.prepare(`INSERT INTO crises (id, person_id, risk_level, reason, raised_on, raised_by, status, recorded_at) VALUES (?, ?, 'high', '情绪激动', '2026-11-02', ?, ?, '2026-11-02T02:00:00.000Z')`)
    .run(randomUUID(), personId, adminId(db), status)
}

/**
 * p1 一大队 admitted 2026-06-01 (the window's first day), detox; p2 一大队 2026-05-31 (before the window), education;
 * p3 二大队 2026-11-23 (asOf); p4 一大队 2026-07-15, released on time 2026-09-30; p5 二大队 2026-08-01, released early
 * 2026-10-01; p6 一大队 2026-08-10, voided. A planned release of p1 (2026-10-15) counts nowhere.
 */
export function statsWorld(): StatsWorld {
  const w = makeWorld(['ward_officer', 'counsellor', 'trainer'])
  const people = {
    p1: createPerson(w, 'a', '甲一', '2026-06-01'),
    p2: createPerson(w, 'a', '乙二', '2026-05-31'),
    p3: createPerson(w, 'b', '丙三', '2026-11-23'),
    p4: createPerson(w, 'a', '丁四', '2026-07-15'),
    p5: createPerson(w, 'b', '戊五', '2026-08-01'),
    p6: createPerson(w, 'a', '己六', '2026-08-10'),
  }
  const { db } = w
  db.prepare(`UPDATE people SET period = 'detox' WHERE id = ?`).run(people.p1)
  db.prepare(`UPDATE people SET period = 'education' WHERE id = ?`).run(people.p2)
  db.prepare(`UPDATE people SET period = NULL WHERE id = ?`).run(people.p3)
  release(db, people.p4, { kind: 'on_time', on: '2026-09-30' })
  release(db, people.p5, { kind: 'early', on: '2026-10-01' })
  release(db, people.p1, { kind: 'on_time', on: '2026-10-15', status: 'planned' })
  // Psychology: p1 flagged latest screening and an open task; p2 flagged once, not on the latest; p3 an open crisis;
  // the released p4 an open task and crisis (not current: not counted); the voided p6 flagged.
  screening(db, people.p1, '2026-10-01', false)
  screening(db, people.p1, '2026-11-01', true)
  screening(db, people.p2, '2026-09-01', true)
  screening(db, people.p2, '2026-10-01', false)
  screening(db, people.p2, '2026-11-01', true, { voided: true })
  screening(db, people.p3, '2026-11-23', true, { incomplete: true })
  fitnessTest(db, people.p1, '2026-07-01', 'fail')
  fitnessTest(db, people.p1, '2026-10-01', 'good')
  fitnessTest(db, people.p2, '2026-10-01', 'excellent', true)
  fitnessTest(db, people.p3, '2026-11-23', null)
  fitnessTest(db, people.p6, '2026-09-01', 'pass')
  task(db, people.p1, 'open')
  task(db, people.p2, 'done')
  crisis(db, people.p3, 'open')
  crisis(db, people.p2, 'closed')
  task(db, people.p4, 'open')
  crisis(db, people.p4, 'open')
  screening(db, people.p6, '2026-11-01', true)
  task(db, people.p6, 'open')
  db.prepare(`UPDATE people SET voided_at = '2026-11-01T00:00:00.000Z', voided_by = ?, void_reason = '重复建档' WHERE id = ?`).run(adminId(db), people.p6)
  return { ...w, people }
}
