/**
 * No silent lost update (issue 10 §4): edits of staff accounts and wards name the revision their form showed; a change
 * made by someone else in between is refused with a conflict and nothing is written. (People, counselling records,
 * the early-release bar and the psychology settings are covered beside their other rules.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { sql as editVersionsMigration } from '../../electron/core/db/migrations/008_edit_versions'
import { migrate, openDatabase } from '../../electron/core/db/open'
import { call, err, makeWorld, ok, type World } from './helpers'

let w: World
beforeEach(() => {
  w = makeWorld(['counsellor'])
})
afterEach(() => w.close())

const staffRow = () => ok(call(w.dispatch, 'staff:list', {}, w.sessions.admin!)).find((s) => s.username === 'counsellor')!
const wardRow = () => ok(call(w.dispatch, 'wards:list', {}, w.sessions.admin!)).find((r) => r.id === w.wards.a)!

describe('staff accounts', () => {
  it('an edit from a stale form is refused; the first edit stands and the revision moves on', () => {
    const seen = staffRow()
    const edit = (displayName: string) =>
      call(w.dispatch, 'staff:update', { id: seen.id, revision: seen.revision, displayName, role: 'counsellor', wardIds: [w.wards.a], active: true }, w.sessions.admin!)
    ok(edit('咨询师甲'))
    expect(err(edit('咨询师乙'))).toMatchObject({ code: 'conflict', key: 'staff.stale_revision' })
    expect(staffRow()).toMatchObject({ displayName: '咨询师甲', revision: seen.revision + 1 })
  })
})

describe('wards', () => {
  it('an edit from a stale form is refused; the first edit stands', () => {
    const seen = wardRow()
    const edit = (capacity: number) =>
      call(w.dispatch, 'wards:update', { id: seen.id, revision: seen.revision, name: seen.name, capacity, note: null, active: true }, w.sessions.admin!)
    ok(edit(120))
    expect(err(edit(90))).toMatchObject({ code: 'conflict', key: 'ward.stale_revision' })
    expect(wardRow()).toMatchObject({ capacity: 120, revision: seen.revision + 1 })
  })
})

describe('migration (edit versions), with data', () => {
  it('puts every existing account and ward at revision 1 and refuses revision 0', () => {
    const n = MIGRATIONS.indexOf(editVersionsMigration) + 1
    const db = openDatabase(':memory:', { migrate: false })
    try {
      migrate(db, MIGRATIONS.slice(0, n - 1))
      db.exec(`INSERT INTO wards (id, name, capacity, note, active, created_at, updated_at) VALUES ('w1', '一大队', 100, NULL, 1, 'x', 'x')`)
      migrate(db, MIGRATIONS.slice(0, n))
      expect(db.prepare('SELECT revision FROM wards').all()).toEqual([{ revision: 1 }])
      expect(() => db.exec("UPDATE wards SET revision = 0 WHERE id = 'w1'")).toThrow(/CHECK/)
    } finally {
      db.close()
    }
  })
})
