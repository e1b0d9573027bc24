/** `backup` and `restore` on the command line: one JSON line, exit codes, nothing changed on bad input. */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../electron/core/audit/auditLog'
import { manifestPathFor } from '../../electron/core/backup/backupFiles'
import { facilityBackend, tableChecksums } from './backupHelpers'
import { expectOneJsonLine, REPO_ROOT, runCli, tempDir } from './helpers'

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
    const f = facilityBackend(path('changed.db'), 0)
    f.backend.close()
    const wanted = checksumsOf(path('facility.db'))
    const run = runCli(['restore', '--db', path('changed.db'), '--from', path('secret.db.enc'), '--passphrase-file', path('pass.txt')])
    expectOneJsonLine(run)
    expect(run.code).toBe(0)
    const answer = run.json as { ok: boolean; keptCopy: string }
    expect(answer.ok).toBe(true)
    expect(answer.keptCopy).toMatch(/changed\.before-restore-\d{4}-\d{2}-\d{2}-\d{4}\.db$/)
    const restored = checksumsOf(path('changed.db'))
    expect(except(restored, 'audit_log')).toEqual(except(wanted, 'audit_log'))
    const db = new Database(path('changed.db'), { readonly: true })
    expect(verifyAudit(db).ok).toBe(true)
    expect(db.prepare('SELECT method FROM audit_log ORDER BY seq DESC LIMIT 1').get()).toEqual({ method: 'cli:restore' })
    db.close()
    const kept = new Database(answer.keptCopy, { readonly: true })
    expect(kept.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 0 })
    kept.close()
  })

  it('reads the passphrase from stdin with --passphrase-file -', () => {
    const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
    const cli = (args: string[], input: string) => spawnSync(tsx, ['electron/core/cli/index.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', input, timeout: 30_000 })
    const backup = cli(['backup', '--db', path('facility.db'), '--to', path('stdin.db.enc'), '--passphrase-file', '-'], 'typed on stdin 123\n')
    expect(backup.status).toBe(0)
    expect(JSON.parse(backup.stdout)).toMatchObject({ ok: true, encrypted: true })
    const restore = cli(['restore', '--db', path('from-stdin.db'), '--from', path('stdin.db.enc'), '--passphrase-file', '-'], 'typed on stdin 123\n')
    expect(restore.status).toBe(0)
    expect(JSON.parse(restore.stdout)).toMatchObject({ ok: true })
  })

  it('restores into a new path (a new workstation)', () => {
    const run = runCli(['restore', '--db', path('new/xinsheng.db'), '--from', path('plain.db')])
    expect(run.code).toBe(0)
    expect(run.json).toMatchObject({ ok: true, keptCopy: null })
    expect(except(checksumsOf(path('new/xinsheng.db')), 'audit_log')).toEqual(except(checksumsOf(path('plain.db')), 'audit_log'))
  })
})
