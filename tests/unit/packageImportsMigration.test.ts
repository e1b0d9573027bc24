/**
 * Migration 024 (package_imports: the register of workstation packages imported into the facility server) on a
 * database with data: it adds the table empty, changes no existing row, and the table's constraints hold.
 */
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { sql as packageImportsMigration } from '../../electron/core/db/migrations/024_package_imports'
import { integrityCheck, migrate, openDatabase, schemaVersion, type Db } from '../../electron/core/db/open'
import { ADMIN, call, fixedClock, ok, personInput } from './helpers'

function tables(db: Db): Record<string, string[]> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name)
  // Sorted in JS: some tables have no rowid to order by.
  return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r)).sort()]))
}

describe('migration 024 (package imports), with data', () => {
  it('adds package_imports empty, keeps every existing row, and its constraints hold', () => {
    const n = MIGRATIONS.indexOf(packageImportsMigration) + 1
    expect(n).toBe(24)
    const db = openDatabase(':memory:', { migrate: false })
    try {
      migrate(db, MIGRATIONS.slice(0, n - 1))
      const dispatch = createDispatcher({ db, clock: fixedClock })
      ok(call(dispatch, 'setup:initialize', { facilityName: '测试所', wards: [{ name: '一大队', capacity: 10 }], admin: ADMIN }, null))
      const sid = ok(call(dispatch, 'auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
      const wardId = ok(call(dispatch, 'wards:list', {}, sid))[0]!.id
      ok(call(dispatch, 'people:create', personInput(wardId), sid))
      const before = tables(db)
      expect(migrate(db, MIGRATIONS.slice(0, n))).toEqual([n])
      expect(schemaVersion(db)).toBe(n)
      const { package_imports: imports, ...after } = tables(db)
      expect(after).toEqual(before)
      expect(imports).toEqual([])

      const staffId = (db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id
      const insert = db.prepare(
        `INSERT INTO package_imports (id, sha256, facility_name, package_created_at, schema_version, imported_at, imported_by, report)
         VALUES (@id, @sha256, '工作站', '2026-11-23T02:00:00Z', 24, '2026-11-23T03:00:00Z', @by, @report)`,
      )
      const row = { id: 'p-1', sha256: 'a'.repeat(64), by: staffId, report: '{"people":{}}' }
      insert.run(row)
      // Once per package; a checksum is 64 hex characters; the report is JSON; the importer is an account (or none: the CLI).
      expect(() => insert.run(row)).toThrow(/UNIQUE/)
      expect(() => insert.run({ ...row, id: 'p-2', sha256: 'short' })).toThrow(/CHECK/)
      expect(() => insert.run({ ...row, id: 'p-3', report: 'not json' })).toThrow(/CHECK/)
      expect(() => insert.run({ ...row, id: 'p-4', by: 'nobody' })).toThrow(/FOREIGN KEY/)
      insert.run({ ...row, id: 'p-5', by: null })
      expect(() => db.prepare("UPDATE package_imports SET schema_version = 'x' WHERE id = 'p-1'").run()).toThrow(/cannot store TEXT value in INTEGER column/)
      expect(integrityCheck(db).ok).toBe(true)
    } finally {
      db.close()
    }
  })
})
