/**
 * Moving a workstation's database to the facility server (issue 15): a demo workstation (40 people and their records)
 * is exported and imported into a separate server facility that already holds one of its people (same ID number) and
 * one of its accounts. Real SQLite files in a temp dir; nothing mocked.
 */
import Database from 'better-sqlite3'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../electron/core/audit/auditLog'
import { manifestPathFor } from '../../electron/core/backup/backupFiles'
import { createDispatcher } from '../../electron/core/dispatch'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { freshSummarySql } from '../../electron/core/db/migrations/022_due_summary'
import { integrityCheck, migrate, openDatabase, type Db } from '../../electron/core/db/open'
import { readSetting, writeSetting } from '../../electron/core/db/settingsRepo'
import { copyPlan, parseIndexSql } from '../../electron/core/transfer/copyPlan'
import { exportPackage, TransferRefused } from '../../electron/core/transfer/exportPackage'
import { importPackage, type ImportReport } from '../../electron/core/transfer/importPackage'
import { tableShapes, triggerBodies } from '../../electron/core/transfer/transferSchemaQueries'
import { maskIdNumber } from '../../electron/shared/domain/idNumber'
import { tableChecksums } from './backupHelpers'
import { call, count, err, expectOneJsonLine, fixedClock, makeWorld, ok, personInput, runCli, signedInCaller, tempDir, type World } from './helpers'

const temp = tempDir('xinsheng-transfer-')
const path = (name: string) => join(temp.dir, name)
const AT = new Date('2026-11-23T03:00:00Z')
const ACTOR = { id: null, name: 'test' }

interface PersonRow {
  id: string
  name: string
  name_pinyin: string
  sex: 'M' | 'F'
  birth_date: string
  id_number: string
}

let server: World
let duplicate: PersonRow
let serverDuplicateId: string
let newPersonId: string

const rows = (file: string, sql: string, ...params: unknown[]) => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as Array<Record<string, unknown>>
  } finally {
    db.close()
  }
}
const tableNames = (db: Db) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((r) => r.name)
const counts = (db: Db) => Object.fromEntries(tableNames(db).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]))

function refusal(run: () => unknown): TransferRefused {
  try {
    run()
  } catch (error) {
    if (error instanceof TransferRefused) return error
    throw error
  }
  throw new Error('expected a refusal')
}

beforeAll(async () => {
  // The workstation: the demo facility, plus writes through the dispatcher so its audit log names records.
  const ws = openDatabase(path('workstation.db'))
  ok(createDispatcher({ db: ws, clock: fixedClock })('setup:loadDemo', { people: 40 }, null) as never)
  const as = signedInCaller(ws)
  const wardId = (ws.prepare("SELECT id FROM wards WHERE name = '三大队'").get() as { id: string }).id
  newPersonId = as<{ id: string }>('people:create', personInput(wardId, { name: '新来甲' })).id
  // The person with the most assessments: the server will already hold them.
  duplicate = ws
    .prepare(
      `SELECT p.id, p.name, p.name_pinyin, p.sex, p.birth_date, p.id_number FROM people p JOIN assessments a ON a.person_id = p.id
       WHERE p.voided_at IS NULL AND p.ward_id IS NOT NULL GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`,
    )
    .get() as PersonRow
  as('people:revealIdNumber', { id: duplicate.id, reason: '核对身份' })
  ws.close()
  const done = await exportPackage(path('workstation.db'), path('package.db'), { at: AT })
  expect(done.manifest.package.people.total).toBeGreaterThanOrEqual(41)

  // The server: its own facility, with 一大队 and 二大队, the counsellor account 'xinli', and the duplicate person.
  server = makeWorld([], path('server.db'))
  const admin = server.sessions.admin!
  ok(call(server.dispatch, 'staff:create', { username: 'XinLi', displayName: '服务器心理', role: 'counsellor', wardIds: [server.wards.a], password: 'Server#2026pw' }, admin))
  serverDuplicateId = ok(
    call(server.dispatch, 'people:create', personInput(server.wards.a, { name: duplicate.name, sex: duplicate.sex, birthDate: duplicate.birth_date, idNumber: duplicate.id_number }), admin),
  ).id
}, 60_000)

afterAll(() => {
  server?.close()
  temp.cleanup()
})

describe('the copy plan, read from the schema itself', () => {
  it('copies every table but the named few and those kept by triggers, each after the tables it references', () => {
    const db = openDatabase(':memory:')
    try {
      const shapes = tableShapes(db, 'main')
      const plan = copyPlan(shapes, triggerBodies(db, 'main'))
      expect(Object.keys(plan.notCopied).sort()).toEqual(['audit_log', 'course_figure_pairs', 'due_summary', 'instrument_texts', 'package_imports', 'person_search_terms', 'settings'])
      expect(plan.order.length + Object.keys(plan.notCopied).length).toBe(shapes.length)
      const position = new Map(plan.order.map((t, i) => [t.name, i]))
      for (const t of plan.order) for (const fk of t.foreignKeys) expect(position.get(fk.parent)!, `${fk.parent} before ${t.name}`).toBeLessThan(position.get(t.name)!)
      const people = plan.order.find((t) => t.name === 'people')!
      expect(people.uniqueKeys).toEqual([{ name: 'people_id_number_live', terms: ['id_number'], where: 'voided_at IS NULL' }])
    } finally {
      db.close()
    }
  })

  it('reads a unique index: its terms (expressions too) and its condition', () => {
    expect(parseIndexSql("CREATE UNIQUE INDEX x ON t(person_id, test_date, ifnull(voided_at, '')) WHERE a = 1")).toEqual({
      terms: ['person_id', 'test_date', "ifnull(voided_at, '')"],
      where: 'a = 1',
    })
    expect(parseIndexSql('CREATE UNIQUE INDEX "y" ON "t" ("a" DESC)')).toEqual({ terms: ['"a"'], where: null })
  })
})

describe('export-package', () => {
  it('writes a backup-shaped package with a package section, and the workstation records that it moved', () => {
    const manifest = JSON.parse(readFileSync(manifestPathFor(path('package.db')), 'utf8')) as Record<string, unknown> & { package: Record<string, unknown> }
    expect(manifest).toMatchObject({ format: 1, schemaVersion: MIGRATIONS.length, facilityName: '示范省第一强制隔离戒毒所', encrypted: false })
    expect(manifest.package).toMatchObject({ format: 1, workstationAudit: { ok: true } })
    expect((manifest.rowCounts as Record<string, number>).people).toBe((manifest.package.people as { total: number }).total)
    const ws = openDatabase(path('workstation.db'), { migrate: false })
    try {
      expect(readSetting(ws, 'transfer.exported')).toMatchObject({ packageId: manifest.package.packageId, sha256: manifest.sha256 })
      expect(ws.prepare("SELECT record_id FROM audit_log WHERE method = 'transfer:exportPackage'").get()).toEqual({ record_id: manifest.package.packageId })
      expect(verifyAudit(ws).ok).toBe(true)
    } finally {
      ws.close()
    }
  })

  it('refuses a second export unless asked again', async () => {
    await expect(exportPackage(path('workstation.db'), path('again.db'), { at: AT })).rejects.toMatchObject({ key: 'transfer.already_exported' })
  })
})

describe('import-package', () => {
  let before: Record<string, number>
  let report: ImportReport

  it('a dry run answers the report and changes nothing', () => {
    const sums = tableChecksums(server.db)
    const dry = importPackage(server.db, path('package.db'), { dryRun: true, actor: ACTOR, at: AT })
    expect(dry.dryRun).toBe(true)
    expect(dry.people.skippedDuplicate).toHaveLength(1)
    expect(tableChecksums(server.db)).toEqual(sums)
    before = counts(server.db)
    report = importPackage(server.db, path('package.db'), { actor: ACTOR, at: AT })
    // The same report as the real import (but for the flag and the seq of the import's audit row).
    expect({ ...dry, dryRun: false, audit: { ...dry.audit, importSeq: 0 } }).toEqual({ ...report, audit: { ...report.audit, importSeq: 0 } })
  })

  it('skips the person whose ID number the server holds, with all their records, and lists them', () => {
    expect(report.people.skippedDuplicate).toEqual([{ name: duplicate.name, idNumberMasked: maskIdNumber(duplicate.id_number), serverPersonId: serverDuplicateId }])
    expect(report.people.imported).toBe(report.people.inPackage - 1)
    for (const table of ['assessments', 'period_moves', 'ward_assignments', 'person_revisions']) {
      const theirs = rows(path('package.db'), `SELECT count(*) AS n FROM ${table} WHERE person_id = ?`, duplicate.id)[0]!.n as number
      expect(theirs, table).toBeGreaterThan(0)
      expect(report.tables[table]!.skippedWithPerson, table).toBe(theirs)
      expect(server.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE person_id = ?`).get(duplicate.id), table).toEqual({ n: 0 })
    }
    expect(server.db.prepare('SELECT count(*) AS n FROM people WHERE id_number = ? AND voided_at IS NULL').get(duplicate.id_number)).toEqual({ n: 1 })
  })

  it("brings every other person's records: per table, server rows grew by what the package held minus what was skipped", () => {
    const after = counts(server.db)
    for (const [table, t] of Object.entries(report.tables)) {
      expect(t.imported + t.alreadyPresent + t.matched + t.skippedWithPerson + t.serverOwned, table).toBe(t.inPackage)
      expect(after[table]! - before[table]!, table).toBe(t.imported)
    }
    expect(report.rowsImported).toBeGreaterThan(1000)
    // Each package row of a person-owned table, but the duplicate's, is on the server under its own key.
    const personTables = tableNames(server.db).filter((t) => report.tables[t] && (server.db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(t, 'person_id')))
    expect(personTables.length).toBeGreaterThan(20)
    for (const table of personTables) {
      const pk = (server.db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as Array<{ name: string }>).map((c) => c.name)
      const wanted = rows(path('package.db'), `SELECT ${pk.join(', ')} FROM ${table} WHERE person_id <> ?`, duplicate.id)
      const has = server.db.prepare(`SELECT 1 FROM ${table} WHERE ${pk.map((c) => `${c} = ?`).join(' AND ')}`)
      expect(wanted.filter((r) => !has.get(...pk.map((c) => r[c]))), table).toEqual([])
    }
    // The server held no records of its own that a package row could collide with.
    expect(report.conflicts).toEqual([])
  })

  it('matches wards by name and staff by username; a missing account arrives inactive, with no usable password', () => {
    expect(report.wards).toEqual({ matched: ['一大队', '二大队'], created: ['三大队', '四大队'] })
    expect(report.staff.matched.sort()).toEqual(['admin', 'xinli'])
    expect(report.staff.created.map((s) => s.username).sort()).toEqual(['kangfu', 'minjing', 'zhineng'])
    const kangfu = server.db.prepare("SELECT active, password_hash AS hash FROM staff WHERE username = 'kangfu'").get()
    expect(kangfu).toEqual({ active: 0, hash: '!' })
    expect(call(server.dispatch, 'auth:login', { username: 'kangfu', password: 'Kangfu#2026' }, null).ok).toBe(false)
    // References to a matched ward or account are the server's: the new person sits in the server's copy of 三大队,
    // and the demo's records written by the workstation's admin name the server's admin.
    const serverAdmin = (server.db.prepare("SELECT id FROM staff WHERE username = 'admin'").get() as { id: string }).id
    expect(server.db.prepare('SELECT count(*) AS n FROM people WHERE created_by NOT IN (SELECT id FROM staff)').get()).toEqual({ n: 0 })
    expect(server.db.prepare('SELECT ward_id FROM people WHERE id = ?').get(newPersonId)).toEqual({ ward_id: (server.db.prepare("SELECT id FROM wards WHERE name = '三大队'").get() as { id: string }).id })
    expect(server.db.prepare("SELECT count(*) AS n FROM staff_wards WHERE staff_id = ?").get(serverAdmin)).toEqual({ n: 0 })
    // The server's counsellor keeps only the ward the server gave them.
    expect(server.db.prepare("SELECT count(*) AS n FROM staff_wards w JOIN staff s ON s.id = w.staff_id WHERE s.username = 'xinli'").get()).toEqual({ n: 1 })
  })

  it('leaves the derived tables right (search terms and the due-work summary), the database sound and the chain verified', () => {
    const strip = (r: Record<string, unknown>) => {
      const { stamp: _stamp, ...rest } = r
      return rest
    }
    expect(server.db.prepare('SELECT * FROM due_summary ORDER BY person_id').all().map((r) => strip(r as Record<string, unknown>))).toEqual(server.db.prepare(freshSummarySql).all())
    // Every search term of an imported person, as the workstation had it, and none left over for anyone.
    const termSql = 'SELECT in_facility, whole, term, sort_key, person_id FROM person_search_terms WHERE person_id <> ? ORDER BY person_id, term, whole, in_facility'
    const packageTerms = rows(path('package.db'), termSql, duplicate.id)
    const imported = new Set(packageTerms.map((t) => t.person_id))
    expect(server.db.prepare(termSql).all(duplicate.id).filter((t) => imported.has((t as { person_id: string }).person_id))).toEqual(packageTerms)
    expect(integrityCheck(server.db)).toEqual({ ok: true, integrity: ['ok'], foreignKeys: [] })
    expect(verifyAudit(server.db).ok).toBe(true)
  })

  it("appends the workstation's audit rows about imported records, re-chained, then one row for the import", () => {
    const appended = server.db.prepare("SELECT method, record_id AS recordId, detail FROM audit_log WHERE detail LIKE '%transferPackage%' ORDER BY seq").all() as Array<{ method: string; recordId: string; detail: string }>
    expect(appended).toHaveLength(report.audit.appended)
    expect(appended.map((r) => [r.method, r.recordId])).toContainEqual(['people:create', newPersonId])
    // The duplicate's rows (the reveal) stay out: their records were not imported.
    expect(appended.some((r) => r.recordId === duplicate.id)).toBe(false)
    expect(JSON.parse(appended[0]!.detail)).toMatchObject({ transferPackage: report.packageId })
    const last = server.db.prepare("SELECT seq, method, record_id AS recordId, detail FROM audit_log WHERE method = 'transfer:importPackage'").get() as { seq: number; method: string; recordId: string; detail: string }
    expect(last).toMatchObject({ seq: report.audit.importSeq, recordId: report.packageId })
    // The import's own row follows the rows it brought.
    expect(server.db.prepare("SELECT max(seq) AS seq FROM audit_log WHERE detail LIKE '%transferPackage%'").get()).toEqual({ seq: report.audit.importSeq - 1 })
    expect(JSON.parse(last.detail)).toMatchObject({ sha256: report.sha256, people: { skippedDuplicate: 1 } })
  })

  it('refuses the same package a second time, changing nothing', () => {
    const sums = tableChecksums(server.db)
    expect(refusal(() => importPackage(server.db, path('package.db'), { actor: ACTOR, at: AT })).key).toBe('transfer.already_imported')
    expect(tableChecksums(server.db)).toEqual(sums)
  })

  it('refuses a tampered package (one byte changed) and a package of another schema version, changing nothing', async () => {
    const bytes = readFileSync(path('package.db'))
    const at = bytes.length - 100
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at)
    writeFileSync(path('tampered.db'), bytes)
    copyFileSync(manifestPathFor(path('package.db')), manifestPathFor(path('tampered.db')))
    // An older workstation: schema one version behind, exported as it is.
    const old = openDatabase(path('old.db'), { migrate: false })
    migrate(old, MIGRATIONS.slice(0, MIGRATIONS.length - 1))
    writeSetting(old, 'facility.name', '旧版工作站')
    old.close()
    await exportPackage(path('old.db'), path('old-package.db'), { at: AT })
    const sums = tableChecksums(server.db)
    expect(refusal(() => importPackage(server.db, path('tampered.db'), { actor: ACTOR, at: AT })).key).toBe('transfer.checksum_mismatch')
    const older = refusal(() => importPackage(server.db, path('old-package.db'), { actor: ACTOR, at: AT }))
    expect(older.key).toBe('transfer.schema_mismatch')
    expect(older.params).toEqual({ package: MIGRATIONS.length - 1, server: MIGRATIONS.length, advice: 'transfer.upgrade_workstation' })
    expect(tableChecksums(server.db)).toEqual(sums)
  })
})

describe('the CLI', () => {
  it('import-package: bad arguments exit 2, a refused package exits 1 with the reason, a dry run writes its report', () => {
    const missing = runCli(['import-package', '--db', path('server.db')])
    expectOneJsonLine(missing)
    expect(missing.code).toBe(2)
    expect(missing.json).toEqual({ error: '--package FILE is required' })
    server.close()
    const tampered = runCli(['import-package', '--db', path('server.db'), '--package', path('tampered.db'), '--dry-run'])
    expect(tampered.code).toBe(1)
    expect(tampered.json).toMatchObject({ ok: false, reason: 'transfer.checksum_mismatch' })
    expect((tampered.json as { error: string }).error).toContain('校验值')
    const again = runCli(['import-package', '--db', path('server.db'), '--package', path('package.db'), '--dry-run', '--report', path('report.json')])
    expect(again.code).toBe(1)
    expect(again.json).toMatchObject({ reason: 'transfer.already_imported' })
  })

  it('export-package then import-package into a fresh server: the summary line and the report file', () => {
    const fresh = makeWorld([], path('fresh.db'))
    fresh.close()
    const exported = runCli(['export-package', '--db', path('workstation.db'), '--out', path('second.db'), '--again'])
    expect(exported.code).toBe(0)
    expect(exported.json).toMatchObject({ ok: true, workstationAudit: { ok: true } })
    const dry = runCli(['import-package', '--db', path('fresh.db'), '--package', path('second.db'), '--dry-run', '--report', path('report.json')])
    expectOneJsonLine(dry)
    expect(dry.code).toBe(0)
    const out = dry.json as { summary: string; report: ImportReport }
    expect(out.summary).toMatch(/^试运行（未做任何更改）：数据包 [0-9a-f]{8} 将导入 \d+ 人/)
    expect(JSON.parse(readFileSync(path('report.json'), 'utf8'))).toEqual(out.report)
    expect(out.report.people.skippedDuplicate).toEqual([])
    const noOut = runCli(['export-package', '--db', path('workstation.db')])
    expect(noOut.code).toBe(2)
    expect(noOut.json).toEqual({ error: '--out FILE is required' })
  })
})

describe('a moved workstation', () => {
  it('takes no more changes after the export (sign-in and reading go on); export-package --cancel lifts that, audited', () => {
    const use = () => {
      const db = openDatabase(path('workstation.db'), { migrate: false })
      const dispatch = createDispatcher({ db, clock: fixedClock })
      const sid = ok(call(dispatch, 'auth:login', { username: 'admin', password: 'Admin#2026' }, null)).sessionId
      return { db, dispatch, sid }
    }
    const ws = use()
    // Every window learns it (the shell's read-only strip).
    expect(ok(call(ws.dispatch, 'transfer:status', {}, ws.sid)).movedAt).toBe(readSetting(ws.db, 'transfer.exported')!.exportedAt)
    const wardId = ok(call(ws.dispatch, 'wards:list', {}, ws.sid))[0]!.id
    const before = count(ws.db, 'people')
    const refused = err(call(ws.dispatch, 'people:create', personInput(wardId, { name: '迁移后', idNumber: '110101199003070054' }), ws.sid))
    expect(refused).toMatchObject({ code: 'conflict', key: expect.stringMatching(/^transfer\.workstation_moved\|/) })
    expect(refused.message).toMatch(/^本工作站的数据已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 导出、迁移到机构服务器/)
    expect(count(ws.db, 'people')).toBe(before)
    expect(ok(call(ws.dispatch, 'people:list', {}, ws.sid)).rows.length).toBeGreaterThan(0)
    ws.db.close()

    expect(runCli(['export-package', '--db', path('workstation.db'), '--cancel', '--again']).code).toBe(2)
    const cancelled = runCli(['export-package', '--db', path('workstation.db'), '--cancel'])
    expect(cancelled.code).toBe(0)
    expect(cancelled.json).toMatchObject({ ok: true, summary: expect.stringMatching(/^已撤销本工作站的导出记录/) })
    const again = use()
    expect(ok(call(again.dispatch, 'transfer:status', {}, again.sid))).toEqual({ movedAt: null })
    ok(call(again.dispatch, 'people:create', personInput(wardId, { name: '迁移后', idNumber: '110101199003070054' }), again.sid))
    expect(again.db.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'transfer:cancelExport'").get()).toEqual({ n: 1 })
    expect(verifyAudit(again.db).ok).toBe(true)
    again.db.close()
    const nothing = runCli(['export-package', '--db', path('workstation.db'), '--cancel'])
    expect(nothing.code).toBe(1)
    expect(nothing.json).toMatchObject({ ok: false, reason: 'transfer.not_exported' })
  })
})
