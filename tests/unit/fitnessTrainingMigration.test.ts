/**
 * Migration 011 (exercise training) on a database with data, and ward scoping of the training calls: the migration
 * adds its tables and changes no existing row; a ward officer reads only his ward's groups.
 */
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { sql as trainingMigration } from '../../electron/core/db/migrations/011_training'
import { integrityCheck, migrate, openDatabase, schemaVersion, type Db } from '../../electron/core/db/open'
import { ADMIN, call, err, fixedClock, makeWorld, ok, personInput } from './helpers'

const TRAINING_TABLES = ['person_intensity', 'training_attendance', 'training_groups', 'training_members', 'training_session_revisions', 'training_sessions']

function tables(db: Db): Record<string, unknown[]> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name)
  // Sorted in JS: some tables have no rowid to order by.
  return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT * FROM ${name}`).all().map((r) => JSON.stringify(r)).sort()]))
}

describe('migration 011 (exercise training), with data', () => {
  it('adds the training tables empty and keeps every existing row; the constraints hold', () => {
    const n = MIGRATIONS.indexOf(trainingMigration) + 1
    expect(n).toBeGreaterThan(1)
    const db = openDatabase(':memory:', { migrate: false })
    try {
      migrate(db, MIGRATIONS.slice(0, n - 1))
      const dispatch = createDispatcher({ db, clock: fixedClock })
      ok(call(dispatch, 'setup:initialize', { facilityName: '测试所', wards: [{ name: '一大队', capacity: 10 }], admin: ADMIN }, null))
      const sid = ok(call(dispatch, 'auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
      const wardId = ok(call(dispatch, 'wards:list', {}, sid))[0]!.id
      const personId = ok(call(dispatch, 'people:create', personInput(wardId), sid)).id
      const before = tables(db)
      expect(migrate(db, MIGRATIONS.slice(0, n))).toEqual([n])
      expect(schemaVersion(db)).toBe(n)
      const after = tables(db)
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows)
      for (const table of TRAINING_TABLES) expect(after[table], table).toEqual([])
      expect(integrityCheck(db).ok).toBe(true)

      const staffId = (db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id
      const at = '2026-11-23T02:00:00.000Z'
      db.prepare("INSERT INTO training_groups (id, ward_id, name, trainer_id, created_at, created_by, updated_at) VALUES ('g', ?, '甲组', ?, ?, ?, ?)").run(wardId, staffId, at, staffId, at)
      // Leaving must come after joining.
      expect(() => db.prepare("INSERT INTO training_members (id, group_id, person_id, joined_on, left_on, recorded_at, recorded_by) VALUES ('m', 'g', ?, '2026-11-01', '2026-11-01', ?, ?)").run(personId, at, staffId)).toThrow(/CHECK/)
      db.prepare("INSERT INTO training_sessions (id, group_id, ward_id, session_date, start_time, duration_minutes, content, recorded_at, recorded_by, updated_at) VALUES ('s', 'g', ?, '2026-11-20', '08:30', 60, '慢跑', ?, ?, ?)").run(wardId, at, staffId, at)
      const attend = db.prepare("INSERT INTO training_attendance (session_id, person_id, present, reason, reason_text) VALUES ('s', ?, ?, ?, ?)")
      // An absence needs a reason, 其他 its text, a presence none.
      expect(() => attend.run(personId, 0, null, null)).toThrow(/CHECK/)
      expect(() => attend.run(personId, 0, 'other', null)).toThrow(/CHECK/)
      expect(() => attend.run(personId, 1, 'sick', null)).toThrow(/CHECK/)
      attend.run(personId, 0, 'other', '外出劳动')
      expect(() => attend.run(personId, 1, null, null)).toThrow(/PRIMARY|UNIQUE/)
    } finally {
      db.close()
    }
  })
})

describe('ward scoping of training calls (包队责任制)', () => {
  it("a ward officer reads his ward's groups and is refused another ward's; a group named with the wrong ward is not found", () => {
    const w = makeWorld(['trainer', 'ward_officer'])
    try {
      const group = (wardId: string, name: string) => ok(call(w.dispatch, 'training:createGroup', { wardId, name, trainerId: w.staffIds.trainer! }, w.sessions.trainer!)).id
      group(w.wards.a, '甲组')
      const other = group(w.wards.b, '乙组')
      expect(ok(call(w.dispatch, 'training:groups', { wardId: w.wards.a }, w.sessions.ward_officer!)).map((g) => g.name)).toEqual(['甲组'])
      expect(err(call(w.dispatch, 'training:groups', { wardId: w.wards.b }, w.sessions.ward_officer!)).key).toBe('err.ward_forbidden')
      // Named with 一大队 (where the caller may act), 二大队's group is not found: the ward check cannot be side-stepped.
      expect(err(call(w.dispatch, 'training:members', { wardId: w.wards.a, groupId: other }, w.sessions.ward_officer!)).code).toBe('not_found')
      expect(err(call(w.dispatch, 'training:roster', { wardId: w.wards.a, groupId: other, date: '2026-11-20' }, w.sessions.trainer!)).code).toBe('not_found')
    } finally {
      w.close()
    }
  })
})
