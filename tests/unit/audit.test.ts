/**
 * The append-only, hash-chained audit log (design.md, Data): triggers refuse UPDATE and DELETE; a change made around
 * them (triggers dropped) is caught by verifyAudit, which names the first broken row.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { appendAudit, verifyAudit } from '../../electron/core/audit/auditLog'
import { openDatabase } from '../../electron/core/db/open'
import { call, count, expectOneJsonLine, makeWorld, ok, personInput, runCli, tempDir, type World } from './helpers'

const tmp = tempDir('xinsheng-audit-')
afterAll(() => tmp.cleanup())

/**
 * A facility with a known number of audited calls: setup:initialize (1), admin login (1), three people:create (3),
 * one people:get (1), one people:update (1) = 7 rows.
 */
const AUDITED_CALLS = 7
function worldWithWrites(file = ':memory:'): World {
  const w = makeWorld([], file)
  const admin = w.sessions.admin!
  const ids = [
    // 110101199003070011: S=154 → 1; 110101198506150035: S=194 → 5; 530102198510155677: S=269 → 7 (all male)
    ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin)).id,
    ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '李四', birthDate: '1985-06-15', idNumber: '110101198506150035' }), admin)).id,
    ok(call(w.dispatch, 'people:create', personInput(w.wards.b, { name: '王五', birthDate: '1985-10-15', idNumber: '530102198510155677' }), admin)).id,
  ]
  const file1 = ok(call(w.dispatch, 'people:get', { id: ids[0]! }, admin))
  ok(call(w.dispatch, 'people:update', { id: ids[0]!, revision: file1.revision, ...file1.identity, householdAddress: '新地址1号' }, admin))
  return w
}

describe('verifyAudit on an untouched log', () => {
  it('is ok with one row per audited call, numbered 1..N and chained', () => {
    const w = worldWithWrites()
    try {
      expect(count(w.db, 'audit_log')).toBe(AUDITED_CALLS)
      expect(verifyAudit(w.db)).toEqual({ ok: true, rows: AUDITED_CALLS })
      const rows = w.db.prepare('SELECT seq, method, prev_hash, hash FROM audit_log ORDER BY seq').all() as Array<{ seq: number; method: string; prev_hash: string; hash: string }>
      expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7])
      expect(rows.map((r) => r.method)).toEqual([
        'setup:initialize',
        'auth:login',
        'people:create',
        'people:create',
        'people:create',
        'people:get',
        'people:update',
      ])
      expect(rows[0]!.prev_hash).toBe('0'.repeat(64))
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash)
      for (const r of rows) expect(r.hash).toMatch(/^[0-9a-f]{64}$/)
      expect(new Set(rows.map((r) => r.hash)).size).toBe(rows.length)
    } finally {
      w.close()
    }
  })

  it('is ok on an empty log', () => {
    const db = openDatabase(':memory:')
    try {
      expect(verifyAudit(db)).toEqual({ ok: true, rows: 0 })
    } finally {
      db.close()
    }
  })

  it('audit:verify through the dispatcher agrees, and audit:list shows the newest first', () => {
    const w = worldWithWrites()
    try {
      expect(ok(call(w.dispatch, 'audit:verify', {}, w.sessions.admin!))).toEqual({ ok: true, rows: AUDITED_CALLS })
      const list = ok(call(w.dispatch, 'audit:list', { limit: 2 }, w.sessions.admin!))
      expect(list.next).toEqual({ at: list.rows[1]!.at, seq: 6 })
      expect(list.rows.map((r) => [r.seq, r.method])).toEqual([
        [7, 'people:update'],
        [6, 'people:get'],
      ])
      const creates = ok(call(w.dispatch, 'audit:list', { method: 'people:create' }, w.sessions.admin!))
      expect(creates.rows).toHaveLength(3)
      expect(creates.next).toBeNull()
    } finally {
      w.close()
    }
  })
})

describe('the log is append-only', () => {
  it.each([
    ['UPDATE', "UPDATE audit_log SET detail = 'edited' WHERE seq = 3"],
    ['UPDATE of the hash', "UPDATE audit_log SET hash = 'x' WHERE seq = 1"],
    ['DELETE', 'DELETE FROM audit_log WHERE seq = 3'],
    ['DELETE of everything', 'DELETE FROM audit_log'],
  ])('%s is refused by the trigger', (_name, sql) => {
    const w = worldWithWrites()
    try {
      const before = w.db.prepare('SELECT * FROM audit_log ORDER BY seq').all()
      expect(() => w.db.prepare(sql).run()).toThrow(/append-only/)
      expect(w.db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before)
      expect(verifyAudit(w.db)).toEqual({ ok: true, rows: AUDITED_CALLS })
    } finally {
      w.close()
    }
  })
})

describe('tampering around the triggers is detected', () => {
  it.each([3, 1, AUDITED_CALLS])('editing the detail of row %i → ok:false, brokenAt that row', (seq) => {
    const w = worldWithWrites()
    try {
      w.db.exec('DROP TRIGGER audit_log_no_update')
      w.db.prepare("UPDATE audit_log SET detail = 'nothing to see' WHERE seq = ?").run(seq)
      const r = verifyAudit(w.db)
      expect(r).toMatchObject({ ok: false, brokenAt: seq, rows: seq })
      if (!r.ok) expect(r.problem).toContain('altered')
    } finally {
      w.close()
    }
  })

  it.each([
    ['actor_name', "'someone else'"],
    ['method', "'people:list'"],
    ['record_id', "'00000000-0000-4000-8000-000000000000'"],
    ['at', "'2020-01-01T00:00:00.000Z'"],
    ['actor_id', 'NULL'],
  ])('editing %s of a row is detected', (column, value) => {
    const w = worldWithWrites()
    try {
      w.db.exec('DROP TRIGGER audit_log_no_update')
      w.db.prepare(`UPDATE audit_log SET ${column} = ${value} WHERE seq = 4`).run()
      expect(verifyAudit(w.db)).toMatchObject({ ok: false, brokenAt: 4 })
    } finally {
      w.close()
    }
  })

  it('a row that no longer links to the one before it is reported', () => {
    const w = worldWithWrites()
    try {
      w.db.exec('DROP TRIGGER audit_log_no_update')
      w.db.prepare("UPDATE audit_log SET prev_hash = ? WHERE seq = 5").run('f'.repeat(64))
      const r = verifyAudit(w.db)
      expect(r).toMatchObject({ ok: false, brokenAt: 5 })
      if (!r.ok) expect(r.problem).toContain('does not link')
    } finally {
      w.close()
    }
  })

  it('swapping the content of two rows is detected', () => {
    const w = worldWithWrites()
    try {
      w.db.exec('DROP TRIGGER audit_log_no_update')
      const r3 = w.db.prepare('SELECT method, record_id FROM audit_log WHERE seq = 3').get() as { method: string; record_id: string }
      const r4 = w.db.prepare('SELECT method, record_id FROM audit_log WHERE seq = 4').get() as { method: string; record_id: string }
      w.db.prepare('UPDATE audit_log SET record_id = ? WHERE seq = 3').run(r4.record_id)
      w.db.prepare('UPDATE audit_log SET record_id = ? WHERE seq = 4').run(r3.record_id)
      expect(verifyAudit(w.db)).toMatchObject({ ok: false, brokenAt: 3 })
    } finally {
      w.close()
    }
  })

  it('deleting a middle row → ok:false at the missing row', () => {
    const w = worldWithWrites()
    try {
      w.db.exec('DROP TRIGGER audit_log_no_delete')
      w.db.prepare('DELETE FROM audit_log WHERE seq = 4').run()
      const r = verifyAudit(w.db)
      expect(r).toMatchObject({ ok: false, brokenAt: 4 })
      if (!r.ok) expect(r.problem).toContain('missing')
    } finally {
      w.close()
    }
  })

  it('deleting the first row → ok:false at row 1', () => {
    const w = worldWithWrites()
    try {
      w.db.exec('DROP TRIGGER audit_log_no_delete')
      w.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()
      expect(verifyAudit(w.db)).toMatchObject({ ok: false, brokenAt: 1 })
    } finally {
      w.close()
    }
  })

  it('deleting a row and renumbering the rest is still detected (the chain does not link)', () => {
    const w = worldWithWrites()
    try {
      w.db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update')
      w.db.prepare('DELETE FROM audit_log WHERE seq = 4').run()
      w.db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 4').run()
      expect(verifyAudit(w.db)).toMatchObject({ ok: false, brokenAt: 4 })
    } finally {
      w.close()
    }
  })

  it('new rows appended after verification keep the chain valid', () => {
    const w = worldWithWrites()
    try {
      appendAudit(w.db, { at: '2026-11-23T02:00:00.000Z', actorId: null, actorName: null, method: 'test:append', recordType: null, recordId: null, detail: '附加' })
      expect(verifyAudit(w.db)).toEqual({ ok: true, rows: AUDITED_CALLS + 1 })
    } finally {
      w.close()
    }
  })
})

describe('CLI audit-verify', () => {
  it('prints {"ok":true,"rows":N} for a good file (exit 0), and the broken row once tampered (exit 1)', () => {
    const file = join(tmp.dir, 'audit.sqlite')
    const w = worldWithWrites(file)
    w.close()

    const good = runCli(['audit-verify', '--db', file])
    expect(good.code).toBe(0)
    expectOneJsonLine(good)
    expect(good.stdout.trim()).toBe(`{"ok":true,"rows":${AUDITED_CALLS}}`)

    const raw = new Database(file)
    raw.exec('DROP TRIGGER audit_log_no_update')
    raw.prepare("UPDATE audit_log SET actor_name = 'nobody' WHERE seq = 5").run()
    raw.close()

    const bad = runCli(['audit-verify', '--db', file])
    expect(bad.code).toBe(1)
    expectOneJsonLine(bad)
    expect(bad.json).toEqual({ ok: false, rows: 5, brokenAt: 5, problem: expect.stringContaining('row 5') })
  })

  it('needs --db (exit 2)', () => {
    const run = runCli(['audit-verify'])
    expect(run.code).toBe(2)
    expect(run.json).toEqual({ error: expect.stringContaining('--db') })
  })
})
