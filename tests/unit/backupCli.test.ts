/** `backup` and `restore` on the command line: one JSON line, exit codes, nothing changed on bad input. */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../electron/core/audit/auditLog'
import { auditKeyFile } from '../../electron/core/audit/auditSeal'
import { manifestPathFor } from '../../electron/core/backup/backupFiles'
import { openDatabase } from '../../electron/core/db/open'
import { openBackend } from '../../electron/core/backend'
import type { MethodName } from '../../electron/shared/contract'
import { addPerson, facilityBackend, tableChecksums, type FacilityBackend } from './backupHelpers'
import { ADMIN, expectOneJsonLine, fixedClock, ok, REPO_ROOT, runCli, tempDir } from './helpers'

const temp = tempDir('xinsheng-backup-cli-')
afterAll(() => temp.cleanup())
const path = (name: string) => join(temp.dir, name)

function checksumsOf(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    return tableChecksums(db)
  } finally {
    db.close()
  }
}
const except = (sums: Record<string, string>, table: string) => Object.fromEntries(Object.entries(sums).filter(([k]) => k !== table))

beforeAll(() => {
  facilityBackend(path('facility.db'), 3).backend.close()
  writeFileSync(path('pass.txt'), 'a facility passphrase\n')
  writeFileSync(path('wrong.txt'), 'not the passphrase at all')
  writeFileSync(path('short.txt'), 'short')
})

describe('cli backup', () => {
  it('writes the backup and its manifest, and answers with one JSON line', () => {
    const run = runCli(['backup', '--db', path('facility.db'), '--to', path('plain.db')])
    expectOneJsonLine(run)
    expect(run.code).toBe(0)
    expect(run.json).toMatchObject({ ok: true, file: path('plain.db'), manifest: path('plain.manifest.json'), encrypted: false })
    expect(except(checksumsOf(path('plain.db')), 'audit_log')).toEqual(except(checksumsOf(path('facility.db')), 'audit_log'))
    const last = new Database(path('facility.db'), { readonly: true })
    expect(last.prepare('SELECT method, actor_name AS actor FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ method: 'cli:backup', actor: 'cli' })
    last.close()
  })

  it('encrypts with a passphrase read from a file (never from the command line)', () => {
    const run = runCli(['backup', '--db', path('facility.db'), '--to', path('secret.db.enc'), '--passphrase-file', path('pass.txt')])
    expect(run.code).toBe(0)
    expect(run.json).toMatchObject({ ok: true, encrypted: true })
    expect(readFileSync(path('secret.db.enc')).includes(Buffer.from('SQLite format 3'))).toBe(false)
    const onCommandLine = runCli(['backup', '--db', path('facility.db'), '--to', path('x.db'), '--passphrase', 'a facility passphrase'])
    expectOneJsonLine(onCommandLine)
    expect(onCommandLine.code).toBe(2)
    expect(existsSync(path('x.db'))).toBe(false)
  })

  it('bad input changes nothing: an existing target, a short passphrase, a missing database', () => {
    const before = readFileSync(path('plain.db'))
    const exists = runCli(['backup', '--db', path('facility.db'), '--to', path('plain.db')])
    expect(exists.code).toBe(2)
    expect(exists.json).toEqual({ error: `${path('plain.db')} (or its manifest) already exists; nothing was overwritten` })
    expect(readFileSync(path('plain.db')).equals(before)).toBe(true)
    const short = runCli(['backup', '--db', path('facility.db'), '--to', path('y.db'), '--passphrase-file', path('short.txt')])
    expect(short.json).toEqual({ error: 'the passphrase must be 10 to 200 characters long' })
    expect(short.code).toBe(2)
    expect(runCli(['backup', '--db', path('missing.db'), '--to', path('z.db')]).json).toEqual({ error: `no database at ${path('missing.db')}` })
    expect(readdirSync(temp.dir).filter((n) => /^[xyz]\./.test(n))).toEqual([])
  })
})

describe('cli restore', () => {
  it('refuses a wrong passphrase and a tampered file with exit 1, changing nothing', () => {
    const before = readFileSync(path('facility.db'))
    const wrong = runCli(['restore', '--db', path('facility.db'), '--from', path('secret.db.enc'), '--passphrase-file', path('wrong.txt')])
    expectOneJsonLine(wrong)
    expect(wrong.code).toBe(1)
    expect(wrong.json).toMatchObject({ ok: false, reason: 'backup.wrong_passphrase' })
    const tampered = path('tampered.db')
    const bytes = readFileSync(path('plain.db'))
    bytes[4096 + 100]! ^= 0xff
    writeFileSync(tampered, bytes)
    writeFileSync(manifestPathFor(tampered), readFileSync(path('plain.manifest.json')))
    const refused = runCli(['restore', '--db', path('facility.db'), '--from', tampered])
    expect(refused.code).toBe(1)
    expect(refused.json).toMatchObject({ ok: false, reason: 'backup.checksum_mismatch' })
    expect(readFileSync(path('facility.db')).equals(before)).toBe(true)
    expect(readdirSync(temp.dir).filter((n) => n.includes('before-restore') || n.endsWith('.tmp'))).toEqual([])
  })

  it('restores an encrypted backup over a database, keeping the old one beside it', () => {
    // Another facility's database (its own audit key) does not take this facility's backup.
    facilityBackend(path('other.db'), 0).backend.close()
    const foreign = runCli(['restore', '--db', path('other.db'), '--from', path('secret.db.enc'), '--passphrase-file', path('pass.txt')])
    expect(foreign.json).toMatchObject({ ok: false, reason: 'backup.audit_chain_broken' })
    // The same facility, one file further on.
    copyFileSync(path('facility.db'), path('changed.db'))
    copyFileSync(auditKeyFile(path('facility.db')), auditKeyFile(path('changed.db')))
    const backend = openBackend({ file: path('changed.db'), clock: fixedClock, dailyBackups: false })
    const call = ((method: MethodName, input: unknown, session: string | null = admin) => backend.dispatch(method, input, session)) as FacilityBackend['call']
    const admin: string = ok(call('auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
    addPerson({ backend, admin, wardId: ok(call('wards:list', {}))[0]!.id, call }, 9)
    backend.close()
    const wanted = checksumsOf(path('facility.db'))
    const run = runCli(['restore', '--db', path('changed.db'), '--from', path('secret.db.enc'), '--passphrase-file', path('pass.txt')])
    expectOneJsonLine(run)
    expect(run.code).toBe(0)
    const answer = run.json as { ok: boolean; keptCopy: string }
    expect(answer.ok).toBe(true)
    expect(answer.keptCopy).toMatch(/changed\.before-restore-\d{4}-\d{2}-\d{2}-\d{4}\.db$/)
    const restored = checksumsOf(path('changed.db'))
    expect(except(restored, 'audit_log')).toEqual(except(wanted, 'audit_log'))
    const db = openDatabase(path('changed.db'), { migrate: false })
    expect(verifyAudit(db)).toMatchObject({ ok: true })
    expect(db.prepare('SELECT method FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ method: 'cli:restore' })
    db.close()
    const kept = new Database(answer.keptCopy, { readonly: true })
    expect(kept.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 4 })
    kept.close()
  })

  it('reads the passphrase from stdin with --passphrase-file -', () => {
    const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
    const cli = (args: string[], input: string) => spawnSync(tsx, ['electron/core/cli/index.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', input, timeout: 30_000 })
    const backup = cli(['backup', '--db', path('facility.db'), '--to', path('stdin.db.enc'), '--passphrase-file', '-'], 'typed on stdin 123\n')
    expect(backup.status).toBe(0)
    expect(JSON.parse(backup.stdout)).toMatchObject({ ok: true, encrypted: true })
    copyFileSync(auditKeyFile(path('facility.db')), auditKeyFile(path('from-stdin.db')))
    const restore = cli(['restore', '--db', path('from-stdin.db'), '--from', path('stdin.db.enc'), '--passphrase-file', '-'], 'typed on stdin 123\n')
    expect(restore.status).toBe(0)
    expect(JSON.parse(restore.stdout)).toMatchObject({ ok: true })
  })

  it('restores into a new path (a new workstation) once the facility audit key is there, and refuses without it', () => {
    const refused = runCli(['restore', '--db', path('bare/xinsheng.db'), '--from', path('plain.db')])
    expect(refused.code).toBe(1)
    expect(refused.json).toMatchObject({ ok: false, reason: 'backup.audit_chain_broken' })
    expect(existsSync(path('bare/xinsheng.db'))).toBe(false)
    expect(readdirSync(path('bare'))).toEqual([])
    // What `audit-key-restore` rebuilds from the printed recovery code.
    mkdirSync(path('new'))
    copyFileSync(auditKeyFile(path('facility.db')), auditKeyFile(path('new/xinsheng.db')))
    const run = runCli(['restore', '--db', path('new/xinsheng.db'), '--from', path('plain.db')])
    expect(run.code).toBe(0)
    expect(run.json).toMatchObject({ ok: true, keptCopy: null })
    expect(except(checksumsOf(path('new/xinsheng.db')), 'audit_log')).toEqual(except(checksumsOf(path('plain.db')), 'audit_log'))
  })
})
