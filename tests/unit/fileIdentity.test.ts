/**
 * A database file deleted or replaced while the app runs (issue 10 §5): SQLite would go on writing into the unlinked
 * file and every acknowledged save would vanish at the next start. Writes (and audited reads, which write their audit
 * row) are refused with a message saying why; nothing is acknowledged that is not on disk.
 */
import { copyFileSync, renameSync, rmSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import { openDatabase } from '../../electron/core/db/open'
import { ADMIN, call, count, err, fixedClock, makeWorld, ok, personInput, tempDir, type World } from './helpers'

let dir: { dir: string; cleanup: () => void }
let file: string
let w: World
beforeEach(() => {
  dir = tempDir('xinsheng-identity-')
  file = join(dir.dir, 'facility.db')
  w = makeWorld([], file)
})
afterEach(() => {
  w.close()
  dir.cleanup()
})

const create = (n: number) =>
  call(w.dispatch, 'people:create', personInput(w.wards.a, { idNumber: ['110101199003070011', '110101199003070038'][n]! }), w.sessions.admin!)

describe('the database file under the running app', () => {
  it('while it is the file that was opened, saves go through', () => {
    expect(create(0).ok).toBe(true)
  })

  it.each([
    ['deleted', () => {
      for (const suffix of ['', '-wal', '-shm']) unlinkSync(file + suffix)
    }, 'db.file_deleted'],
    ['replaced', () => {
      const other = join(dir.dir, 'other.db')
      copyFileSync(file, other)
      renameSync(other, file)
    }, 'db.file_replaced'],
  ])('%s: saves and audited reads are refused with the reason; lists still answer', (_what, act, key) => {
    const id = ok(create(0)).id
    const people = count(w.db, 'people')
    const audit = count(w.db, 'audit_log')
    act()
    expect(err(create(1))).toMatchObject({ code: 'internal', key })
    expect(err(call(w.dispatch, 'people:get', { id }, w.sessions.admin!)).key).toBe(key)
    expect(count(w.db, 'people')).toBe(people)
    expect(count(w.db, 'audit_log')).toBe(audit)
    expect(ok(call(w.dispatch, 'people:list', {}, w.sessions.admin!)).rows).toHaveLength(1)
  })
})

describe('a new database on a path where one was in use', () => {
  /** The app started again after the file was deleted: its audit key and anchor are still beside the path. */
  function restartAfterDeletion() {
    ok(create(0))
    w.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    w = { ...w, ...freshDispatcher() }
  }
  const freshDispatcher = () => {
    const db = openDatabase(file)
    return { db, dispatch: createDispatcher({ db, clock: fixedClock }), close: () => db.close() }
  }
  const setup = (replacesPreviousDatabase?: boolean) =>
    call(w.dispatch, 'setup:initialize', {
      facilityName: '新所', wards: [{ name: '一大队', capacity: 100 }], admin: ADMIN, ...(replacesPreviousDatabase === undefined ? {} : { replacesPreviousDatabase }),
    }, null)

  it('says so, never loads demo data there, and sets up only when the new database is confirmed', () => {
    restartAfterDeletion()
    expect(ok(call(w.dispatch, 'setup:status', {}, null))).toEqual({ initialized: false, facilityName: null, previouslyUsed: true })
    expect(err(call(w.dispatch, 'setup:loadDemo', { people: 10 }, null))).toMatchObject({ code: 'rule_violation', key: 'setup.no_demo_here' })
    expect(err(setup()).fields).toEqual({ replacesPreviousDatabase: 'setup.previous_database' })
    expect(count(w.db, 'people')).toBe(0)
    ok(setup(true))
    expect(ok(call(w.dispatch, 'setup:status', {}, null))).toMatchObject({ initialized: true, previouslyUsed: false })
  })

  it('a path never used before offers set-up and demo data as usual', () => {
    const fresh = join(dir.dir, 'brand-new.db')
    const db = openDatabase(fresh)
    const dispatch = createDispatcher({ db, clock: fixedClock })
    try {
      expect(ok(call(dispatch, 'setup:status', {}, null)).previouslyUsed).toBe(false)
      expect(call(dispatch, 'setup:loadDemo', { people: 5 }, null).ok).toBe(true)
    } finally {
      db.close()
    }
  })
})
