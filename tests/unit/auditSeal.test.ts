/**
 * The audit chain against someone who can write the database file (issue 10 §1): deleting the last rows or every row,
 * editing a row and re-hashing the chain after it, dropping the append-only triggers, deleting the key file. Each is
 * caught by `audit-verify` and, at the next open, recorded as a security event; triggers are recreated at open.
 */
import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../electron/core/audit/auditLog'
import { auditAnchorFile, auditKeyFile, auditRecoveryCode, restoreAuditKey } from '../../electron/core/audit/auditSeal'
import { openDatabase } from '../../electron/core/db/open'
import { call, expectOneJsonLine, makeWorld, ok, personInput, runCli, tempDir } from './helpers'

let dir: { dir: string; cleanup: () => void }
let file: string

/** A facility with a few audited writes and reads, closed again: the file as it lies on disk. */
function facilityOnDisk() {
  const w = makeWorld([], file)
  const id = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), w.sessions.admin!)).id
  for (let i = 0; i < 3; i++) ok(call(w.dispatch, 'people:get', { id }, w.sessions.admin!))
  w.close()
}

/** The attacker's own connection: plain better-sqlite3, no app code. */
function tamper(steps: (raw: Database.Database) => void) {
  const raw = new Database(file)
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;')
  steps(raw)
  raw.close()
}

const rowCount = () => {
  const raw = new Database(file, { readonly: true })
  const n = (raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
  raw.close()
  return n
}

/** Opens as the app does, and returns the verification and the security events the open recorded. */
function reopen() {
  const db = openDatabase(file)
  try {
    const events = (db.prepare("SELECT method FROM audit_log WHERE method LIKE 'audit:%' ORDER BY seq").all() as Array<{ method: string }>).map((r) => r.method)
    const triggers = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").get() as { n: number }).n
    return { verify: verifyAudit(db), events, triggers }
  } finally {
    db.close()
  }
}

beforeEach(() => {
  dir = tempDir('xinsheng-seal-')
  file = join(dir.dir, 'facility.db')
  facilityOnDisk()
})
afterEach(() => dir.cleanup())

describe('the sealed chain', () => {
  it('verifies as written; the key file is readable by the account only and the anchor names the newest row', () => {
    const db = openDatabase(file)
    try {
      expect(verifyAudit(db).ok).toBe(true)
      const anchor = JSON.parse(readFileSync(auditAnchorFile(file), 'utf8')) as { seq: number }
      expect(anchor.seq).toBe((db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s)
    } finally {
      db.close()
    }
    expect(statSync(auditKeyFile(file)).mode & 0o777).toBe(0o600)
  })

  it.each([
    ['deleting the last rows', (raw: Database.Database) => raw.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)'), /were deleted/],
    ['deleting every row', (raw: Database.Database) => raw.exec('DELETE FROM audit_log'), /were deleted/],
    [
      'editing a row and re-hashing the chain after it',
      (raw: Database.Database) => {
        raw.exec("UPDATE audit_log SET actor_name = '别人' WHERE seq = 2")
        // Re-chains with plain SHA-256, as the attacker can (the key is not in the file).
        const rows = raw.prepare('SELECT * FROM audit_log WHERE seq >= 2 ORDER BY seq').all() as Array<Record<string, string | number | null>>
        let prev = (raw.prepare('SELECT hash FROM audit_log WHERE seq = 1').get() as { hash: string }).hash
        for (const r of rows) {
          const hash = createHash('sha256').update(JSON.stringify([prev, r.seq, r.at, r.actor_id, r.actor_name, r.method, r.record_type, r.record_id, r.detail])).digest('hex')
          raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq)
          prev = hash
        }
      },
      /was altered/,
    ],
  ])('catches %s, and records it at the next open', (_what, steps, problem) => {
    tamper(steps)
    const { verify, events, triggers } = reopen()
    expect(verify.ok).toBe(false)
    expect(verify.ok ? '' : verify.problem).toMatch(problem)
    expect(events).toEqual(['audit:triggersRestored', 'audit:chainBroken'])
    expect(triggers).toBe(2)
  })

  it('recreates dropped triggers at open, says so in the chain, and the chain stays sound', () => {
    const before = rowCount()
    tamper(() => undefined)
    const { verify, events, triggers } = reopen()
    expect(triggers).toBe(2)
    expect(events).toEqual(['audit:triggersRestored'])
    expect(verify).toEqual({ ok: true, rows: before + 1 })
  })

  it('a deleted key file is noticed; the printed recovery code brings it back', () => {
    const db = openDatabase(file)
    const code = auditRecoveryCode(db)!
    db.close()
    expect(code).toMatch(/^\d+(-[A-Z2-9]{4}){13}$/)
    rmSync(auditKeyFile(file))
    // A stranger's key: the rows chained with the real one no longer verify.
    expect(reopen().verify.ok).toBe(false)
    restoreAuditKey(file, code)
    const strangerRows = reopen()
    // Events the stranger key wrote do not verify under the real key; everything before does.
    expect(strangerRows.verify.ok ? 0 : strangerRows.verify.brokenAt).toBeGreaterThan(rowCount() - 3)
  })

  it('audit-key-restore rebuilds the key file from a file holding the code, and refuses to overwrite without --replace', () => {
    const db = openDatabase(file)
    const code = auditRecoveryCode(db)!
    db.close()
    const before = readFileSync(auditKeyFile(file), 'utf8')
    const codeFile = join(dir.dir, 'code.txt')
    writeFileSync(codeFile, `${code}\n`)
    const refused = runCli(['audit-key-restore', '--db', file, '--code-file', codeFile])
    expect(refused.code).toBe(2)
    rmSync(auditKeyFile(file))
    const run = runCli(['audit-key-restore', '--db', file, '--code-file', codeFile])
    expectOneJsonLine(run)
    expect(run.code).toBe(0)
    expect(JSON.parse(readFileSync(auditKeyFile(file), 'utf8'))).toEqual(JSON.parse(before))
    expect(runCli(['audit-verify', '--db', file]).code).toBe(0)
  })

  it('refuses a mistyped recovery code without touching the key file', () => {
    const before = readFileSync(auditKeyFile(file), 'utf8')
    expect(() => restoreAuditKey(file, '5-ABCD-EFGH')).toThrow(/not a recovery code/)
    expect(readFileSync(auditKeyFile(file), 'utf8')).toBe(before)
  })

  it('audit-verify on the command line fails on a tampered file', () => {
    expect(runCli(['audit-verify', '--db', file]).code).toBe(0)
    tamper((raw) => raw.exec('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)'))
    const run = runCli(['audit-verify', '--db', file])
    expectOneJsonLine(run)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/were deleted/)
    expect(existsSync(auditAnchorFile(file))).toBe(true)
  })
})
