/**
 * Backup and restore on real SQLite files through core/backend.ts: the online copy and its manifest, the content
 * identical after backup → restore (a checksum of every table), encryption, and every refusal leaving all files as
 * they were.
 */
import Database from 'better-sqlite3'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../electron/core/audit/auditLog'
import { decryptBackup, encryptBackup, WrongPassphraseError } from '../../electron/core/backup/backupCrypto'
import { manifestPathFor } from '../../electron/core/backup/backupFiles'
import { sha256 } from '../../electron/core/backup/backupJob'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { openDatabase, schemaVersion } from '../../electron/core/db/open'
import type { BackupManifest } from '../../electron/shared/contract'
import { addPerson, afterCall, backupsSettled, facilityBackend, tableChecksums, type FacilityBackend } from './backupHelpers'
import { startBackendWorker } from '../../electron/core/worker/client'
import type { ApiResult, Input, MethodName, Output } from '../../electron/shared/contract'
import type { ProgressEvent } from '../../electron/shared/events'
import { ADMIN, err, FIXED_NOW, ok, personInput, tempDir } from './helpers'

const temp = tempDir('xinsheng-backup-')
afterAll(() => temp.cleanup())
let n = 0
/** A fresh folder holding the database and, in `backups/`, its backups. */
function fresh(people = 3): { f: FacilityBackend; dir: string; folder: string } {
  const dir = join(temp.dir, `case-${++n}`)
  const f = facilityBackend(join(dir, 'xinsheng.db'), people)
  return { f, dir, folder: join(dir, 'backups') }
}

async function backUp(f: FacilityBackend): Promise<string> {
  const { file } = ok(f.call('backup:run', {}))
  await backupsSettled(f)
  const entry = ok(f.call('backup:list', {})).entries.find((e) => e.name === file)
  expect(entry, file).toBeDefined()
  return entry!.file
}

const manifestOf = (file: string) => JSON.parse(readFileSync(manifestPathFor(file), 'utf8')) as BackupManifest
const except = (sums: Record<string, string>, table: string) => Object.fromEntries(Object.entries(sums).filter(([k]) => k !== table))
const filesIn = (dir: string) => readdirSync(dir).sort()

describe('backup encryption (Node crypto: AES-256-GCM, scrypt key)', () => {
  const plain = Buffer.from('SQLite format 3\u0000 facility records 测试强制隔离戒毒所')
  it('a random salt and IV per file: the same content encrypts differently, and opens with the passphrase only', () => {
    const a = encryptBackup(plain, 'a facility passphrase')
    const b = encryptBackup(plain, 'a facility passphrase')
    expect(a.equals(b)).toBe(false)
    expect(a.includes(Buffer.from('SQLite'))).toBe(false)
    expect(decryptBackup(a, 'a facility passphrase').equals(plain)).toBe(true)
    expect(() => decryptBackup(a, 'another passphrase!')).toThrow(WrongPassphraseError)
  })

  it('any changed byte (header, body or tag) fails authentication', () => {
    const sealed = encryptBackup(plain, 'a facility passphrase')
    for (const at of [9, 20, sealed.length - 30, sealed.length - 1]) {
      const bent = Buffer.from(sealed)
      bent[at]! ^= 0x01
      expect(() => decryptBackup(bent, 'a facility passphrase'), `byte ${at}`).toThrow(WrongPassphraseError)
    }
  })
})

describe('backup', () => {
  it('copies the open database online, with a manifest describing the copy, and lists it with its checksum checked', async () => {
    const { f, folder } = fresh()
    const file = await backUp(f)
    expect(file.startsWith(folder)).toBe(true)
    // Facility-local time: 02:00 UTC is 10:00 in Beijing.
    expect(file).toMatch(/xinsheng-2026-11-23-1000\.db$/)
    const manifest = manifestOf(file)
    const db = f.backend.db
    expect(manifest).toMatchObject({ format: 1, file: 'xinsheng-2026-11-23-1000.db', encrypted: false, trigger: 'manual', facilityName: '测试强制隔离戒毒所', appVersion: '0.1.0' })
    expect(manifest.schemaVersion).toBe(schemaVersion(db))
    expect(manifest.sha256).toBe(sha256(readFileSync(file)))
    expect(manifest.rowCounts.people).toBe(3)
    // The copy's audit head is the backup:run row itself (committed before the copy started).
    const head = db.prepare('SELECT seq, hash, method FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string; method: string }
    expect(head.method).toBe('backup:run')
    expect(manifest.auditHead).toEqual({ seq: head.seq, hash: head.hash })
    const copy = new Database(file, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(tableChecksums(copy)).toEqual(tableChecksums(db))
    copy.close()
    const list = ok(f.call('backup:list', {}))
    expect(list.entries).toHaveLength(1)
    expect(list.entries[0]).toMatchObject({ checksum: 'ok', encrypted: false, totalRows: Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0) })
    expect(list.folder).toBe(folder)
    f.backend.close()
  })

  it('a second backup in the same minute gets its own name; rotation keeps the newest N', async () => {
    const { f } = fresh(0)
    ok(f.call('backup:updateSettings', { version: ok(f.call('backup:list', {})).version, folder: null, keep: 2, daily: true, encrypt: false }))
    const names: string[] = []
    for (let i = 0; i < 3; i++) names.push(await backUp(f))
    expect(names.map((p) => p.split(/[/\\]/).pop())).toEqual(['xinsheng-2026-11-23-1000.db', 'xinsheng-2026-11-23-1000-2.db', 'xinsheng-2026-11-23-1000-3.db'])
    const left = ok(f.call('backup:list', {})).entries.map((e) => e.name)
    expect(left).toEqual(['xinsheng-2026-11-23-1000-3.db', 'xinsheng-2026-11-23-1000-2.db'])
    expect(existsSync(manifestPathFor(names[0]!))).toBe(false)
    f.backend.close()
  })

  it('refuses a second backup while one runs', async () => {
    const { f } = fresh(0)
    ok(f.call('backup:run', {}))
    expect(err(f.call('backup:run', {}))).toMatchObject({ code: 'conflict', key: 'backup.running' })
    await backupsSettled(f)
    f.backend.close()
  })
})

describe('restore through the back end', () => {
  it('round trip: every table identical to the backup, the restore recorded in both databases, sessions dropped', async () => {
    const { f, dir } = fresh(4)
    const file = await backUp(f)
    const atBackup = tableChecksums(f.backend.db)
    const auditAtBackup = verifyAudit(f.backend.db).rows
    addPerson(f, 7)
    expect(tableChecksums(f.backend.db).people).not.toBe(atBackup.people)

    const answer = ok(f.call('backup:restore', { file }))
    expect(answer.restoredFrom).toBe('xinsheng-2026-11-23-1000.db')
    await afterCall()
    const db = f.backend.db
    expect(f.backend.file).toBe(join(dir, 'xinsheng.db'))
    // Every table as it was at the backup, except the audit log, which gained exactly the restore's row.
    expect(except(tableChecksums(db), 'audit_log')).toEqual(except(atBackup, 'audit_log'))
    const audit = verifyAudit(db)
    expect(audit).toEqual({ ok: true, rows: auditAtBackup + 1 })
    const last = db.prepare('SELECT method, actor_name AS actor, record_id AS record FROM audit_log ORDER BY seq DESC LIMIT 1').get()
    expect(last).toEqual({ method: 'backup:restore', actor: '管理员甲', record: 'xinsheng-2026-11-23-1000.db' })
    // Everyone is signed out.
    expect(err(f.call('backup:list', {}))).toMatchObject({ code: 'unauthenticated' })

    // The replaced database is kept beside it, with the file added after the backup and its own restore row.
    // Opened as the app would (its audit key and anchor went with it), so its chain verifies on its own.
    const kept = openDatabase(answer.keptCopy, { migrate: false })
    expect(answer.keptCopy).toMatch(/xinsheng\.before-restore-2026-11-23-1000\.db$/)
    expect((kept.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(5)
    expect((kept.prepare('SELECT method FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { method: string }).method).toBe('backup:restore')
    expect(verifyAudit(kept).ok).toBe(true)
    kept.close()
    // No temporary file is left behind.
    expect(filesIn(dir).filter((name) => name.includes('.tmp'))).toEqual([])
    f.backend.close()
  })

  it('encrypted round trip: nothing readable in the file; the passphrase opens it', async () => {
    const { f } = fresh(2)
    expect(err(f.call('backup:updateSettings', { version: ok(f.call('backup:list', {})).version, folder: null, keep: 14, daily: true, encrypt: true })).fields).toEqual({ encrypt: 'backup.passphrase_needed' })
    expect(err(f.call('backup:setPassphrase', { passphrase: 'correct horse battery', confirm: 'correct horse batterY' })).fields).toEqual({ confirm: 'backup.passphrase_mismatch' })
    ok(f.call('backup:setPassphrase', { passphrase: 'correct horse battery', confirm: 'correct horse battery' }))
    ok(f.call('backup:updateSettings', { version: ok(f.call('backup:list', {})).version, folder: null, keep: 14, daily: true, encrypt: true }))
    const list = ok(f.call('backup:list', {}))
    expect(list.passphraseSet).toBe(true)
    expect(JSON.stringify(list)).not.toContain('correct horse')
    // The passphrase is in no table.
    expect(JSON.stringify(f.backend.db.prepare('SELECT * FROM settings').all())).not.toContain('correct horse')

    const file = await backUp(f)
    expect(file.endsWith('.db.enc')).toBe(true)
    const bytes = readFileSync(file)
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    expect(bytes.includes(Buffer.from('测试强制隔离戒毒所'))).toBe(false)
    expect(bytes.includes(Buffer.from('audit_log'))).toBe(false)
    expect(manifestOf(file)).toMatchObject({ encrypted: true, sha256: sha256(bytes) })
    const atBackup = tableChecksums(f.backend.db)
    addPerson(f, 5)

    ok(f.call('backup:restore', { file }))
    await afterCall()
    expect(except(tableChecksums(f.backend.db), 'audit_log')).toEqual(except(atBackup, 'audit_log'))
    f.backend.close()
  })

  it('a wrong passphrase is a clear error on the passphrase field, and nothing changes', async () => {
    const { f, dir } = fresh(1)
    ok(f.call('backup:setPassphrase', { passphrase: 'correct horse battery', confirm: 'correct horse battery' }))
    ok(f.call('backup:updateSettings', { version: ok(f.call('backup:list', {})).version, folder: null, keep: 14, daily: false, encrypt: true }))
    const file = await backUp(f)
    const before = tableChecksums(f.backend.db)
    const filesBefore = filesIn(dir)
    const e = err(f.call('backup:restore', { file, passphrase: 'not the passphrase' }))
    expect(e).toMatchObject({ code: 'rule_violation', fields: { passphrase: 'backup.wrong_passphrase' } })
    expect(tableChecksums(f.backend.db)).toEqual(before)
    expect(filesIn(dir)).toEqual(filesBefore)
    f.backend.close()
  })

  it('a backup with one byte changed is refused by its checksum (and shown as damaged in the history)', async () => {
    const { f, dir } = fresh(1)
    const file = await backUp(f)
    const bytes = readFileSync(file)
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01
    writeFileSync(file, bytes)
    expect(ok(f.call('backup:list', {})).entries[0]!.checksum).toBe('mismatch')
    const before = tableChecksums(f.backend.db)
    const filesBefore = filesIn(dir)
    const e = err(f.call('backup:restore', { file }))
    expect(e.fields).toEqual({ file: 'backup.checksum_mismatch' })
    expect(e.message).toBe('输入有误，请检查标红的项目')
    expect(tableChecksums(f.backend.db)).toEqual(before)
    expect(filesIn(dir)).toEqual(filesBefore)
    f.backend.close()
  })

  it('a backup from a newer schema is refused, by its manifest and by the file itself', async () => {
    const { f } = fresh(1)
    const file = await backUp(f)
    const newer = MIGRATIONS.length + 1
    const manifest = manifestOf(file)
    // 1. The manifest says newer.
    writeFileSync(manifestPathFor(file), JSON.stringify({ ...manifest, schemaVersion: newer, appVersion: '9.0.0' }))
    const tooNew = `backup.too_new|${JSON.stringify({ found: newer, supported: MIGRATIONS.length, appVersion: '9.0.0' })}`
    expect(err(f.call('backup:restore', { file })).fields).toEqual({ file: tooNew })
    // 2. The file is newer, its manifest (checksums recomputed) not.
    const db = new Database(file)
    db.pragma(`user_version = ${newer}`)
    db.close()
    const sum = sha256(readFileSync(file))
    writeFileSync(manifestPathFor(file), JSON.stringify({ ...manifest, sha256: sum, contentSha256: sum }))
    const e = err(f.call('backup:restore', { file }))
    expect(e.fields).toEqual({ file: `backup.too_new|${JSON.stringify({ found: newer, supported: MIGRATIONS.length, appVersion: '0.1.0' })}` })
    expect(ok(f.call('setup:status', {}))).toMatchObject({ initialized: true })
    f.backend.close()
  })

  it('a backup whose audit chain was rewritten (checksums recomputed to match) is refused', async () => {
    const { f } = fresh(1)
    const file = await backUp(f)
    const db = new Database(file)
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor_name = '某人' WHERE seq = 2")
    db.close()
    const sum = sha256(readFileSync(file))
    writeFileSync(manifestPathFor(file), JSON.stringify({ ...manifestOf(file), sha256: sum, contentSha256: sum }))
    const before = tableChecksums(f.backend.db)
    const e = err(f.call('backup:restore', { file }))
    expect(e.fields?.file).toMatch(/^backup\.audit_chain_broken\|/)
    expect(tableChecksums(f.backend.db)).toEqual(before)
    f.backend.close()
  })

  it('refuses a file without a manifest, a missing file and the database itself', async () => {
    const { f, dir } = fresh(0)
    const file = await backUp(f)
    writeFileSync(manifestPathFor(file), '{not json')
    expect(err(f.call('backup:restore', { file })).fields).toEqual({ file: 'backup.manifest_invalid' })
    expect(err(f.call('backup:restore', { file: join(dir, 'nope.db') })).fields).toEqual({ file: 'backup.file_missing' })
    expect(err(f.call('backup:restore', { file: join(dir, 'xinsheng.db') })).fields).toEqual({ file: 'backup.same_file' })
    f.backend.close()
  })
})

describe('through the back-end worker (as Electron and browser mode run it)', () => {
  it('reports progress events while backing up, and a restore swaps the data and signs everyone out', async () => {
    const dir = join(temp.dir, 'worker')
    const dbFile = join(dir, 'xinsheng.db')
    facilityBackend(dbFile, 2).backend.close()
    const worker = await startBackendWorker({ dbFile, fixedNow: FIXED_NOW.toISOString() })
    try {
      const events: ProgressEvent[] = []
      worker.onEvent((event) => event.type === 'progress' && events.push(event))
      const invoke = async <M extends MethodName>(method: M, input: Input<M>, session: string | null) => (await worker.invoke(method, input, session)) as ApiResult<Output<M>>
      const admin = ok(await invoke('auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
      const { file } = ok(await invoke('backup:run', {}, admin))
      const until = Date.now() + 15_000
      while (!events.some((e) => e.label === 'backup.progress.done')) {
        if (Date.now() > until) throw new Error('no done event')
        await new Promise((r) => setTimeout(r, 20))
      }
      expect(events.every((e) => e.method === 'backup:run')).toBe(true)
      expect(events.some((e) => e.label === 'backup.progress.copy')).toBe(true)
      const entry = ok(await invoke('backup:list', {}, admin)).entries[0]!
      expect(entry).toMatchObject({ name: file, checksum: 'ok' })

      ok(await invoke('people:create', personInput(ok(await invoke('wards:list', {}, admin))[0]!.id, { idNumber: '110101199003070038', sex: 'M' }), admin))
      expect(ok(await invoke('people:list', {}, admin)).rows).toHaveLength(3)
      ok(await invoke('backup:restore', { file: entry.file }, admin))
      // The very next call already meets the restored database: the session is gone.
      expect(err(await invoke('people:list', {}, admin)).code).toBe('unauthenticated')
      const again = ok(await invoke('auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
      expect(ok(await invoke('people:list', {}, again)).rows).toHaveLength(2)
    } finally {
      await worker.close()
    }
  })
})
