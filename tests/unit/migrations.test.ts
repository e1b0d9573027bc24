/**
 * Database opening and migrations (design.md, Data): WAL, foreign keys, STRICT tables, numbered migrations tracked by
 * user_version, each in its own transaction, and a database newer than the app refused without being changed.
 */
import Database from 'better-sqlite3'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatabaseTooNewError, integrityCheck, migrate, openDatabase, schemaVersion, type Db } from '../../electron/core/db/open'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { expectOneJsonLine, runCli, tempDir } from './helpers'

const TABLES = ['settings', 'wards', 'staff', 'people', 'person_revisions', 'ward_assignments', 'period_moves', 'term_events', 'audit_log']

const tmp = tempDir('xinsheng-migrations-')
afterAll(() => tmp.cleanup())
let fileCounter = 0
const tmpFile = (name = 'db') => join(tmp.dir, `${name}-${++fileCounter}.sqlite`)

function tableNames(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name)
}

describe('a fresh database', () => {
  let db: Db
  beforeAll(() => {
    db = openDatabase(':memory:')
  })
  afterAll(() => db.close())

  it('is at user_version = MIGRATIONS.length', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
  })

  it.each(TABLES)('table %s exists and is STRICT', (name) => {
    const rows = db.pragma(`table_list(${name})`) as Array<{ name: string; type: string; strict: number }>
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ name, type: 'table', strict: 1 })
  })

  it('has no table that is not STRICT', () => {
    const loose = (db.pragma('table_list') as Array<{ schema: string; name: string; type: string; strict: number }>).filter(
      (t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && t.strict !== 1,
    )
    expect(loose).toEqual([])
  })

  it('STRICT is enforced: text in an INTEGER column is refused', () => {
    expect(() =>
      db.prepare("INSERT INTO wards (id, name, capacity, active, created_at, updated_at) VALUES ('w', 'x', 'lots', 1, 't', 't')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/)
  })

  it('has foreign keys on, and enforces them', () => {
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() =>
      db
        .prepare("INSERT INTO ward_assignments (id, person_id, ward_id, start_date, recorded_at, recorded_by) VALUES ('a', 'nobody', 'nowhere', '2026-01-01', 't', 'nobody')")
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/)
  })

  it('has the audit log append-only triggers', () => {
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name)
    expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_no_update'])
  })

  it('passes the integrity check', () => {
    expect(integrityCheck(db)).toEqual({ ok: true, integrity: ['ok'], foreignKeys: [] })
  })
})

describe('a database file', () => {
  it('is opened in WAL mode with foreign keys and a busy timeout', () => {
    const db = openDatabase(tmpFile())
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
      expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    } finally {
      db.close()
    }
  })

  it('creates missing parent folders', () => {
    const file = join(tmp.dir, 'nested', 'deeper', 'x.sqlite')
    openDatabase(file).close()
    expect(existsSync(file)).toBe(true)
  })

  it('is not migrated again when reopened', () => {
    const file = tmpFile()
    openDatabase(file).close()
    const db = openDatabase(file, { migrate: false })
    try {
      expect(schemaVersion(db)).toBe(MIGRATIONS.length)
      expect(migrate(db)).toEqual([])
    } finally {
      db.close()
    }
  })

  it('integrityCheck reports a dangling foreign key', () => {
    const db = openDatabase(tmpFile())
    try {
      db.pragma('foreign_keys = OFF')
      db.prepare("INSERT INTO ward_assignments (id, person_id, ward_id, start_date, recorded_at, recorded_by) VALUES ('a', 'nobody', 'nowhere', '2026-01-01', 't', 'nobody')").run()
      const r = integrityCheck(db)
      expect(r.ok).toBe(false)
      expect(r.integrity).toEqual(['ok'])
      expect(r.foreignKeys.length).toBeGreaterThan(0)
    } finally {
      db.close()
    }
  })
})

describe('migrate with synthetic migrations', () => {
  const m1 = "CREATE TABLE a (x INTEGER) STRICT; CREATE TABLE applied (name TEXT) STRICT; INSERT INTO applied VALUES ('m1');"
  const m2 = "CREATE TABLE b (y TEXT) STRICT; INSERT INTO applied VALUES ('m2');"
  const m3bad = "CREATE TABLE c (z TEXT) STRICT; INSERT INTO applied VALUES ('m3'); INSERT INTO no_such_table VALUES (1);"
  const m4 = "CREATE TABLE d (w TEXT) STRICT; INSERT INTO applied VALUES ('m4');"

  const applied = (db: Db) => (db.prepare('SELECT name FROM applied ORDER BY rowid').all() as Array<{ name: string }>).map((r) => r.name)

  it('upgrades step by step, applying only what is pending', () => {
    const db = openDatabase(tmpFile('synthetic'), { migrate: false })
    try {
      expect(schemaVersion(db)).toBe(0)
      expect(migrate(db, [m1])).toEqual([1])
      expect(schemaVersion(db)).toBe(1)
      expect(tableNames(db)).toEqual(['a', 'applied'])
      expect(migrate(db, [m1, m2])).toEqual([2])
      expect(schemaVersion(db)).toBe(2)
      expect(applied(db)).toEqual(['m1', 'm2'])
      expect(migrate(db, [m1, m2])).toEqual([])
      expect(applied(db)).toEqual(['m1', 'm2'])
    } finally {
      db.close()
    }
  })

  it('applies several pending migrations in order', () => {
    const db = openDatabase(tmpFile('synthetic'), { migrate: false })
    try {
      expect(migrate(db, [m1, m2, m4])).toEqual([1, 2, 3])
      expect(applied(db)).toEqual(['m1', 'm2', 'm4'])
      expect(schemaVersion(db)).toBe(3)
    } finally {
      db.close()
    }
  })

  it('rolls a failing migration back completely and leaves user_version unchanged', () => {
    const file = tmpFile('synthetic')
    const db = openDatabase(file, { migrate: false })
    try {
      migrate(db, [m1, m2])
      expect(() => migrate(db, [m1, m2, m3bad, m4])).toThrow(/no such table/)
      expect(schemaVersion(db)).toBe(2)
      expect(tableNames(db)).toEqual(['a', 'applied', 'b'])
      expect(applied(db)).toEqual(['m1', 'm2'])
    } finally {
      db.close()
    }
    // and on disk
    const raw = new Database(file, { readonly: true })
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(2)
    } finally {
      raw.close()
    }
  })

  it('stops at the failing migration when starting from zero: earlier ones stay applied', () => {
    const db = openDatabase(tmpFile('synthetic'), { migrate: false })
    try {
      expect(() => migrate(db, [m1, m3bad, m4])).toThrow()
      expect(schemaVersion(db)).toBe(1)
      expect(tableNames(db)).toEqual(['a', 'applied'])
    } finally {
      db.close()
    }
  })

  it('refuses to migrate a database newer than the list', () => {
    const db = openDatabase(tmpFile('synthetic'), { migrate: false })
    try {
      migrate(db, [m1, m2])
      expect(() => migrate(db, [m1])).toThrow(DatabaseTooNewError)
      expect(schemaVersion(db)).toBe(2)
    } finally {
      db.close()
    }
  })
})

describe('migrate with function migrations (data backfills)', () => {
  const m1 = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT; INSERT INTO notes (body) VALUES (' a '), ('b ');"
  const trimBodies = (db: Db) => {
    for (const row of db.prepare('SELECT id, body FROM notes').all() as Array<{ id: number; body: string }>) {
      db.prepare('UPDATE notes SET body = ? WHERE id = ?').run(row.body.trim(), row.id)
    }
  }
  const addColumnThenFail = (db: Db) => {
    db.exec('ALTER TABLE notes ADD COLUMN length INTEGER')
    db.prepare('UPDATE notes SET length = length(body)').run()
    throw new Error('backfill failed half-way')
  }
  const bodies = (db: Db) => (db.prepare('SELECT body FROM notes ORDER BY id').all() as Array<{ body: string }>).map((r) => r.body)
  const columns = (db: Db) => (db.pragma('table_info(notes)') as Array<{ name: string }>).map((c) => c.name)

  it('runs a function migration after SQL ones, and bumps user_version', () => {
    const db = openDatabase(tmpFile('function'), { migrate: false })
    try {
      expect(migrate(db, [m1, trimBodies])).toEqual([1, 2])
      expect(schemaVersion(db)).toBe(2)
      expect(bodies(db)).toEqual(['a', 'b'])
      expect(migrate(db, [m1, trimBodies])).toEqual([])
    } finally {
      db.close()
    }
  })

  it('rolls a throwing function migration back completely (its DDL and its writes) and leaves user_version unchanged', () => {
    const db = openDatabase(tmpFile('function'), { migrate: false })
    try {
      migrate(db, [m1])
      expect(() => migrate(db, [m1, addColumnThenFail, trimBodies])).toThrow('backfill failed half-way')
      expect(schemaVersion(db)).toBe(1)
      expect(columns(db)).toEqual(['id', 'body'])
      expect(bodies(db)).toEqual([' a ', 'b '])
    } finally {
      db.close()
    }
  })

  it('refuses a too-new database before running any function migration', () => {
    const db = openDatabase(tmpFile('function'), { migrate: false })
    try {
      migrate(db, [m1, trimBodies])
      let ran = false
      expect(() => migrate(db, [() => (ran = true)])).toThrow(DatabaseTooNewError)
      expect(ran).toBe(false)
    } finally {
      db.close()
    }
  })
})

describe('a database newer than the app', () => {
  function makeTooNew(journalMode: 'wal' | 'delete'): string {
    const file = tmpFile(`toonew-${journalMode}`)
    const raw = new Database(file)
    raw.pragma(`journal_mode = ${journalMode}`)
    raw.exec("CREATE TABLE future_things (x TEXT) STRICT; INSERT INTO future_things VALUES ('kept');")
    raw.pragma('user_version = 999')
    raw.close()
    return file
  }

  function readBack(file: string) {
    const raw = new Database(file, { readonly: true })
    try {
      return {
        version: raw.pragma('user_version', { simple: true }),
        tables: tableNames(raw),
        rows: raw.prepare('SELECT x FROM future_things').all(),
      }
    } finally {
      raw.close()
    }
  }

  it('is refused with DatabaseTooNewError and a clear message', () => {
    const file = makeTooNew('wal')
    let thrown: unknown
    try {
      openDatabase(file)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DatabaseTooNewError)
    const e = thrown as DatabaseTooNewError
    expect(e.found).toBe(999)
    expect(e.supported).toBe(MIGRATIONS.length)
    expect(e.message).toContain('newer version')
    expect(e.message).toContain('999')
    expect(e.message).toContain(`up to ${MIGRATIONS.length}`)
    expect(e.message).toContain('has not been changed')
  })

  it('is refused also when opened without migrating', () => {
    const file = makeTooNew('wal')
    expect(() => openDatabase(file, { migrate: false })).toThrow(DatabaseTooNewError)
  })

  it('keeps user_version 999, its schema and its rows', () => {
    const file = makeTooNew('wal')
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError)
    expect(readBack(file)).toEqual({ version: 999, tables: ['future_things'], rows: [{ x: 'kept' }] })
  })

  it('leaves a WAL-mode file byte for byte unchanged', () => {
    const file = makeTooNew('wal')
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  // The error message promises "the database has not been changed", but openDatabase switches journal_mode to WAL
  // (a persistent change written to the file header, bytes 18–19) before it checks user_version.
  it('leaves a rollback-journal file byte for byte unchanged (journal mode not switched to WAL)', () => {
    const file = makeTooNew('delete')
    const before = readFileSync(file)
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError)
    const after = readFileSync(file)
    expect([after[18], after[19]]).toEqual([before[18], before[19]])
    expect(after.equals(before)).toBe(true)
  })
})

describe('CLI migrate and integrity', () => {
  it('migrate --db creates and migrates a new file, then has nothing to do', () => {
    const file = tmpFile('cli')
    const first = runCli(['migrate', '--db', file])
    expect(first.code).toBe(0)
    expectOneJsonLine(first)
    expect(first.json).toEqual({ ok: true, from: 0, to: MIGRATIONS.length, applied: MIGRATIONS.map((_, i) => i + 1) })
    const second = runCli(['migrate', '--db', file])
    expect(second.code).toBe(0)
    expect(second.json).toEqual({ ok: true, from: MIGRATIONS.length, to: MIGRATIONS.length, applied: [] })

    const integrity = runCli(['integrity', '--db', file])
    expect(integrity.code).toBe(0)
    expectOneJsonLine(integrity)
    expect(integrity.json).toEqual({ ok: true, integrity: ['ok'], foreignKeys: [] })
  })

  it('integrity --db on a missing file is a usage error, exit 2', () => {
    const run = runCli(['integrity', '--db', join(tmp.dir, 'does-not-exist.sqlite')])
    expect(run.code).toBe(2)
    expect(run.json).toEqual({ error: expect.stringContaining('no database at') })
  })

  it('migrate --db on a too-new file refuses with exit 2 and leaves user_version alone', () => {
    const file = tmpFile('cli-toonew')
    const raw = new Database(file)
    raw.pragma('journal_mode = wal')
    raw.pragma('user_version = 999')
    raw.close()
    const run = runCli(['migrate', '--db', file])
    expect(run.code).toBe(2)
    expect(run.json).toEqual({ error: expect.stringContaining('newer version') })
    const check = new Database(file, { readonly: true })
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(999)
    } finally {
      check.close()
    }
  })
})
