/**
 * The daily backup and rotation with an injected clock (no waiting a day), and who may manage backups: settings
 * validated field by field, nothing stored on a refusal.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { backupFilesIn, facilityStamp, manifestPathFor, rotationVictims } from '../../electron/core/backup/backupFiles'
import { rotate } from '../../electron/core/backup/backupJob'
import { backupHostFor, dailyBackupDue } from '../../electron/core/backup/backupRuntime'
import { backupsSettled, facilityBackend } from './backupHelpers'
import { ADMIN, call, count, err, makeWorld, ok, tempDir } from './helpers'

const temp = tempDir('xinsheng-backup-schedule-')
afterAll(() => temp.cleanup())

describe('names and rotation', () => {
  it('names backups with the facility-local date and minute', () => {
    expect(facilityStamp(new Date('2026-11-30T08:05:00Z'))).toBe('2026-11-30-1605')
    // 23:59 UTC is already the next day in Beijing.
    expect(facilityStamp(new Date('2026-12-31T23:59:00Z'))).toBe('2027-01-01-0759')
  })

  it('rotation keeps the N newest (file and manifest), whatever order the folder lists them in', () => {
    const folder = join(temp.dir, 'rotation')
    mkdirSync(folder)
    const names = ['xinsheng-2026-11-28-0900.db', 'xinsheng-2026-11-30-0900.db', 'xinsheng-2026-11-29-0900.db.enc', 'xinsheng-2026-11-30-0900-2.db', 'notes.txt']
    for (const name of names) {
      writeFileSync(join(folder, name), 'x')
      if (name.startsWith('xinsheng')) writeFileSync(manifestPathFor(join(folder, name)), '{}')
    }
    expect(backupFilesIn(folder).map((f) => f.split(/[/\\]/).pop())).toEqual([
      'xinsheng-2026-11-30-0900-2.db',
      'xinsheng-2026-11-30-0900.db',
      'xinsheng-2026-11-29-0900.db.enc',
      'xinsheng-2026-11-28-0900.db',
    ])
    expect(rotationVictims(['a', 'b', 'c'], 5)).toEqual([])
    const removed = rotate(folder, 2)
    expect(removed.map((f) => f.split(/[/\\]/).pop())).toEqual(['xinsheng-2026-11-29-0900.db.enc', 'xinsheng-2026-11-28-0900.db'])
    expect(backupFilesIn(folder)).toHaveLength(2)
  })

  it('the daily backup is due once per facility-local day', () => {
    const now = new Date('2026-11-29T16:01:00Z') // 00:01 on 11-30 in Beijing
    expect(dailyBackupDue({ daily: true, now, newestCreatedAt: null })).toBe(true)
    expect(dailyBackupDue({ daily: false, now, newestCreatedAt: null })).toBe(false)
    expect(dailyBackupDue({ daily: true, now, newestCreatedAt: '2026-11-29T15:59:00Z' })).toBe(true) // 23:59 the day before
    expect(dailyBackupDue({ daily: true, now, newestCreatedAt: '2026-11-29T16:00:00Z' })).toBe(false)
  })
})

describe('the daily timer (clock injected)', () => {
  it('backs up once a day while the app runs, keeps N, and records each in the audit log', async () => {
    let now = new Date('2026-11-23T02:00:00Z')
    const f = facilityBackend(join(temp.dir, 'daily', 'xinsheng.db'), 1, { now: () => now })
    ok(f.call('backup:updateSettings', { version: ok(f.call('backup:list', {})).version, folder: null, keep: 3, daily: true, encrypt: false }))
    const host = backupHostFor(f.backend.db)!
    for (let day = 0; day < 5; day++) {
      expect(host.checkDaily(f.backend.db)).toBe(true)
      await backupsSettled(f)
      // Later the same day: not due again.
      now = new Date(now.getTime() + 6 * 3600_000)
      expect(host.checkDaily(f.backend.db)).toBe(false)
      now = new Date(now.getTime() + 18 * 3600_000)
    }
    // Days have passed: the admin's session has expired; sign in again.
    const admin = ok(f.call('auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
    const list = ok(f.call('backup:list', {}, admin))
    expect(list.entries.map((e) => e.name)).toEqual(['xinsheng-2026-11-27-1000.db', 'xinsheng-2026-11-26-1000.db', 'xinsheng-2026-11-25-1000.db'])
    expect(list.entries.every((e) => e.trigger === 'daily' && e.checksum === 'ok')).toBe(true)
    expect(f.backend.db.prepare("SELECT count(*) AS n FROM audit_log WHERE method = 'backup:daily' AND actor_id IS NULL").get()).toEqual({ n: 5 })

    ok(f.call('backup:updateSettings', { version: ok(f.call('backup:list', {}, admin)).version, folder: null, keep: 3, daily: false, encrypt: false }, admin))
    now = new Date(now.getTime() + 24 * 3600_000)
    expect(host.checkDaily(f.backend.db)).toBe(false)
    f.backend.close()
  })

  it('an encrypted daily backup without a passphrase is not made, and the history says why', () => {
    const f = facilityBackend(join(temp.dir, 'daily-nopass', 'xinsheng.db'), 0)
    // Encryption switched on directly (the screen refuses it without a passphrase; a restored database may carry it).
    f.backend.db.prepare("INSERT INTO settings (key, value) VALUES ('backup.encrypt', 'true')").run()
    expect(backupHostFor(f.backend.db)!.checkDaily(f.backend.db)).toBe(false)
    expect(ok(f.call('backup:list', {})).lastError).toBe('backup.passphrase_needed')
    f.backend.close()
  })
})

describe('who manages backups and what the settings accept', () => {
  it("'backup.manage' is the administrator's alone", () => {
    const w = makeWorld(['counsellor', 'ward_officer', 'trainer', 'vocational'])
    for (const role of ['counsellor', 'ward_officer', 'trainer', 'vocational'] as const) {
      for (const method of ['backup:list', 'backup:run', 'backup:updateSettings', 'backup:setPassphrase', 'backup:restore'] as const) {
        expect(err(w.dispatch(method, {}, w.sessions[role]!)).code, `${role} ${method}`).toBe('forbidden')
      }
    }
    expect(ok(call(w.dispatch, 'backup:list', {}, w.sessions.admin!)).settings).toEqual({ folder: null, keep: 14, daily: true, encrypt: false })
    w.close()
  })

  it('settings: each bad field says why and states the limit; nothing is stored', () => {
    const w = makeWorld()
    const admin = w.sessions.admin!
    const auditBefore = count(w.db, 'audit_log')
    const settingsBefore = count(w.db, 'settings')
    const version = ok(call(w.dispatch, 'backup:list', {}, admin)).version
    const update = (input: Omit<Parameters<typeof call<'backup:updateSettings'>>[2], 'version'>) => err(call(w.dispatch, 'backup:updateSettings', { ...input, version }, admin)).fields
    expect(update({ folder: null, keep: 0, daily: true, encrypt: false })).toEqual({ keep: 'v.range|{"min":1,"max":365}' })
    expect(update({ folder: null, keep: 366, daily: true, encrypt: false })).toEqual({ keep: 'v.range|{"min":1,"max":365}' })
    expect(update({ folder: 'x'.repeat(501), keep: 14, daily: true, encrypt: false })).toEqual({ folder: 'v.too_long|{"max":500}' })
    expect(update({ folder: 'backups', keep: 14, daily: true, encrypt: false })).toEqual({ folder: 'backup.folder_relative' })
    expect(update({ folder: join(temp.dir, 'does-not-exist'), keep: 14, daily: true, encrypt: false })).toEqual({ folder: 'backup.folder_missing' })
    const aFile = join(temp.dir, 'a-file.txt')
    writeFileSync(aFile, 'x')
    expect(update({ folder: aFile, keep: 14, daily: true, encrypt: false })).toEqual({ folder: 'backup.folder_not_dir' })
    expect(err(call(w.dispatch, 'backup:setPassphrase', { passphrase: 'short', confirm: 'short' }, admin)).fields).toEqual({ passphrase: 'v.password_short|{"min":10}' })
    expect(count(w.db, 'audit_log')).toBe(auditBefore)
    expect(count(w.db, 'settings')).toBe(settingsBefore)

    const folder = join(temp.dir, 'chosen')
    mkdirSync(folder)
    ok(call(w.dispatch, 'backup:updateSettings', { version: ok(call(w.dispatch, 'backup:list', {}, admin)).version, folder, keep: 7, daily: false, encrypt: false }, admin))
    expect(ok(call(w.dispatch, 'backup:list', {}, admin))).toMatchObject({ folder, settings: { folder, keep: 7, daily: false, encrypt: false }, entries: [] })
    // A dispatcher without a back end (no file to swap) cannot restore.
    expect(err(call(w.dispatch, 'backup:restore', { file: join(folder, 'x.db') }, admin)).key).toBe('backup.restore_needs_backend')
    w.close()
  })

  it('a backup of the default folder is made in it; a chosen folder that disappeared is a clear error', async () => {
    const f = facilityBackend(join(temp.dir, 'gone', 'xinsheng.db'), 0)
    const folder = join(temp.dir, 'gone', 'usb')
    mkdirSync(folder)
    ok(f.call('backup:updateSettings', { version: ok(f.call('backup:list', {})).version, folder, keep: 14, daily: false, encrypt: false }))
    ok(f.call('backup:run', {}))
    await backupsSettled(f)
    expect(backupFilesIn(folder)).toHaveLength(1)
    ok(f.call('backup:updateSettings', { version: ok(f.call('backup:list', {})).version, folder: null, keep: 14, daily: false, encrypt: false }))
    f.backend.db.prepare("UPDATE settings SET value = ? WHERE key = 'backup.folder'").run(JSON.stringify(join(folder, 'unplugged')))
    expect(err(f.call('backup:run', {}))).toMatchObject({ code: 'rule_violation', key: 'backup.folder_missing' })
    f.backend.close()
  })
})
