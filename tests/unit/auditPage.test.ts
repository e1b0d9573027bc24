/**
 * Issue 8 item 9: the audit page. Names instead of ids (records, actors, ids inside details), filters by person, staff
 * member, date range and method answered from an index (query-plan assertions), pages found without counting, repeated
 * reads collapsed into one row with a count that is right across page boundaries, the Excel export's rows, and the
 * index migration's upgrade.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendAudit, verifyAudit } from '../../electron/core/audit/auditLog'
import { auditListQuery, READ_GROUP_SQL } from '../../electron/core/audit/auditQueries'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { sql as auditIndexes } from '../../electron/core/db/migrations/004_audit_indexes'
import { migrate, openDatabase, schemaVersion, type Db } from '../../electron/core/db/open'
import type { AuditLogRow, Input } from '../../electron/shared/contract'
import { call, err, makeWorld, ok, personInput, type World, seenWard } from './helpers'

const PERSON_2 = { name: '李四', birthDate: '1985-06-15', idNumber: '110101198506150035' } // S=194 → 5

describe('audit:list shows names and readable references', () => {
  let w: World
  let zhang: string
  beforeAll(() => {
    w = makeWorld(['counsellor'])
    const admin = w.sessions.admin!
    zhang = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin)).id
    ok(call(w.dispatch, 'people:assignWard', { id: zhang, seen: seenWard(w.db, zhang), wardId: w.wards.b, effectiveDate: '2026-11-20' }, admin))
    ok(call(w.dispatch, 'staff:update', { id: w.staffIds.counsellor!, revision: 1, displayName: '咨询师乙', role: 'counsellor', wardIds: [w.wards.a], active: true }, admin))
  })
  afterAll(() => w.close())

  it('resolves the person, the staff record, the actors and the wards inside details', () => {
    const page = ok(call(w.dispatch, 'audit:list', { limit: 50 }, w.sessions.admin!))
    const assign = page.rows.find((r) => r.method === 'people:assignWard')!
    expect(assign).toMatchObject({ recordType: 'person', recordId: zhang, count: 1 })
    expect(page.names.people[zhang]).toEqual({ name: '张三', voided: false })
    expect(page.names.wards[w.wards.a]).toBe('一大队')
    expect(page.names.wards[w.wards.b]).toBe('二大队')
    expect(page.names.staff[w.staffIds.counsellor!]).toBe('咨询师乙')
    expect(page.names.staff[assign.actorId!]).toBe('管理员甲')
  })

  it('never carries an ID number: an identity edit records the names of the changed fields only', () => {
    const admin = w.sessions.admin!
    const file = ok(call(w.dispatch, 'people:get', { id: zhang }, admin))
    // 440106199003071231: same birth date and sex as the first number (S=242 → 1)
    ok(call(w.dispatch, 'people:update', { id: zhang, revision: file.revision, ...file.identity, idNumber: '440106199003071231' }, admin))
    const page = ok(call(w.dispatch, 'audit:list', { personId: zhang, limit: 50 }, admin))
    expect(page.rows[0]).toMatchObject({ method: 'people:update', detail: JSON.stringify({ changed: ['idNumber'] }) })
    const text = JSON.stringify([page, ok(call(w.dispatch, 'audit:export', { personId: zhang }, admin))])
    expect(text).not.toContain('110101199003070011')
    expect(text).not.toContain('440106199003071231')
  })
})

/** A log written directly (appendAudit) with chosen instants: two staff, two people, reads and writes. */
function seededLog() {
  const w = makeWorld(['counsellor'])
  const admin = w.sessions.admin!
  const zhang = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin)).id
  const li = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, PERSON_2), admin)).id
  const adminId = (w.db.prepare("SELECT id FROM staff WHERE username = 'admin'").get() as { id: string }).id
  const counsellor = w.staffIds.counsellor!
  const add = (at: string, actor: string, method: string, recordId: string | null, recordType: string | null = 'person') =>
    appendAudit(w.db, { at, actorId: actor, actorName: actor === adminId ? '管理员甲' : 'counsellor-staff', method, recordType, recordId, detail: null })
  // 2026-11-24 Beijing (UTC+8): 10:00–10:10 Beijing is 02:00–02:10Z. The counsellor reads 张三 five times in one window,
  // with other rows between; a sixth read in the next window is a row of its own.
  add('2026-11-24T02:00:00.000Z', counsellor, 'people:get', zhang)
  add('2026-11-24T02:01:00.000Z', adminId, 'people:get', zhang)
  add('2026-11-24T02:02:00.000Z', counsellor, 'people:get', zhang)
  add('2026-11-24T02:03:00.000Z', counsellor, 'people:get', li)
  add('2026-11-24T02:04:00.000Z', counsellor, 'people:get', zhang)
  add('2026-11-24T02:05:00.000Z', counsellor, 'people:history', zhang)
  add('2026-11-24T02:06:00.000Z', counsellor, 'people:get', zhang)
  add('2026-11-24T02:08:00.000Z', counsellor, 'people:get', zhang)
  add('2026-11-24T02:12:00.000Z', counsellor, 'people:get', zhang)
  add('2026-11-25T01:00:00.000Z', adminId, 'people:update', zhang)
  return { w, zhang, li, adminId, counsellor }
}

const key = (r: AuditLogRow) => `${r.seq}×${r.count}`

describe('audit:list filters and collapsing', () => {
  let s: ReturnType<typeof seededLog>
  const list = (input: Input<'audit:list'>) => ok(call(s.w.dispatch, 'audit:list', input, s.w.sessions.admin!))
  /** Every page of a filter, `limit` rows at a time, following `next`. */
  const allPages = (input: Omit<Input<'audit:list'>, 'after' | 'limit'>, limit: number) => {
    const rows: AuditLogRow[] = []
    let after: Input<'audit:list'>['after'] = undefined
    for (let pages = 0; pages < 100; pages++) {
      const page = list({ ...input, limit, after })
      rows.push(...page.rows)
      if (!page.next) return rows
      after = page.next
    }
    throw new Error('paging did not end')
  }
  beforeAll(() => {
    s = seededLog()
  })
  afterAll(() => s.w.close())

  it('collapses one user’s reads of one record within a window into its newest row with the count', () => {
    const rows = list({ personId: s.zhang, limit: 50 })
    const reads = rows.rows.filter((r) => r.method === 'people:get' && r.actorId === s.counsellor)
    expect(reads.map((r) => [r.at, r.count, r.firstAt])).toEqual([
      ['2026-11-24T02:12:00.000Z', 1, '2026-11-24T02:12:00.000Z'],
      ['2026-11-24T02:08:00.000Z', 5, '2026-11-24T02:00:00.000Z'],
    ])
    // another user's read and another method are rows of their own; every stored row is still in the chain
    expect(rows.rows.filter((r) => r.actorId === s.adminId && r.method === 'people:get')).toHaveLength(1)
    expect(rows.rows.filter((r) => r.method === 'people:history')).toHaveLength(1)
    expect(verifyAudit(s.w.db).ok).toBe(true)
  })

  it('gives the same rows and counts whatever the page size (groups across page boundaries)', () => {
    const whole = allPages({}, 200)
    for (const limit of [1, 2, 3, 5]) expect(allPages({}, limit).map(key)).toEqual(whole.map(key))
    // the counts add up to the stored rows: none lost, none counted twice
    const stored = (s.w.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
    expect(whole.reduce((n, r) => n + r.count, 0)).toBe(stored)
    expect(allPages({ personId: s.zhang }, 1).map(key)).toEqual(allPages({ personId: s.zhang }, 50).map(key))
  })

  it('filters by person, by staff member, by method and by Beijing date range', () => {
    const person = list({ personId: s.li, limit: 50 }).rows
    expect(person.every((r) => r.recordType === 'person' && r.recordId === s.li)).toBe(true)
    expect(person.map((r) => r.method)).toEqual(['people:get', 'people:create'])

    const actor = list({ actorId: s.counsellor, limit: 50 }).rows
    expect(actor.every((r) => r.actorId === s.counsellor)).toBe(true)
    expect(actor.map((r) => r.count)).toEqual([1, 5, 1, 1, 1]) // 2 reads, history, 李四, sign-in (makeWorld)

    expect(list({ method: 'people:update', limit: 50 }).rows.map((r) => r.at)).toEqual(['2026-11-25T01:00:00.000Z'])

    // 2026-11-24 in Beijing runs from 2026-11-23T16:00Z to 2026-11-24T16:00Z: the update on the 25th is outside
    const day = list({ from: '2026-11-24', to: '2026-11-24', limit: 50 }).rows
    expect(day.map((r) => r.at).every((at) => at >= '2026-11-23T16:00:00.000Z' && at < '2026-11-24T16:00:00.000Z')).toBe(true)
    expect(day.reduce((n, r) => n + r.count, 0)).toBe(9)
    expect(list({ from: '2026-11-25', limit: 50 }).rows.map((r) => r.method)).toEqual(['people:update'])
    expect(list({ actorId: s.counsellor, personId: s.zhang, from: '2026-11-24', to: '2026-11-24', limit: 50 }).rows.map((r) => r.count)).toEqual([1, 5, 1]) // two reads and the history
  })

  it('refuses an end date before the start date', () => {
    expect(err(call(s.w.dispatch, 'audit:list', { from: '2026-11-25', to: '2026-11-24' }, s.w.sessions.admin!))).toMatchObject({
      code: 'invalid_input',
      fields: { to: expect.any(String) },
    })
  })

  it('audit:export returns the filter’s collapsed rows with names, and is itself recorded', () => {
    const exported = ok(call(s.w.dispatch, 'audit:export', { personId: s.zhang }, s.w.sessions.admin!))
    expect(exported.truncated).toBe(false)
    expect(exported.rows.map(key)).toEqual(allPages({ personId: s.zhang }, 50).map(key))
    expect(exported.names.people[s.zhang]!.name).toBe('张三')
    const last = s.w.db.prepare('SELECT method, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { method: string; detail: string }
    expect(last.method).toBe('audit:export')
    expect(JSON.parse(last.detail)).toMatchObject({ personId: s.zhang, rows: exported.rows.length, truncated: false })
    expect(err(call(s.w.dispatch, 'audit:export', {}, s.w.sessions.counsellor!)).code).toBe('forbidden')
    // exports read no single record: two of them are two rows, never "viewed ×2"
    ok(call(s.w.dispatch, 'audit:export', { personId: s.li }, s.w.sessions.admin!))
    expect(list({ method: 'audit:export', limit: 50 }).rows.map((r) => r.count)).toEqual([1, 1])
  })
})

describe('each filter is answered from an index (EXPLAIN QUERY PLAN)', () => {
  const db = openDatabase(':memory:')
  afterAll(() => db.close())
  const P = '11111111-1111-4111-8111-111111111111'
  const plan = (sqlText: string, params: Record<string, unknown>) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sqlText}`).all(params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ')
  const cursor = { at: '2026-11-24T02:00:00.000Z', seq: 9 }
  it.each([
    ['no filter', {}, 'audit_at'],
    ['method', { method: 'people:get' }, 'audit_method_at'],
    ['person', { personId: P }, 'audit_record_at'],
    ['staff member', { actorId: P }, 'audit_actor_at'],
    ['date range', { fromAt: '2026-11-23T16:00:00.000Z', toAt: '2026-11-24T16:00:00.000Z' }, 'audit_at'],
    ['person and date range', { personId: P, fromAt: '2026-11-23T16:00:00.000Z' }, 'audit_record_at'],
  ])('%s', (_name, filter, index) => {
    for (const after of [undefined, cursor]) {
      const q = auditListQuery(filter, after, 51)
      const detail = plan(q.sql, q.params)
      expect(detail).toContain(`USING INDEX ${index}`)
      expect(detail).not.toMatch(/SCAN audit_log(?! USING)/)
      expect(detail).not.toContain('TEMP B-TREE') // the index gives the order: LIMIT stops early
      expect(q.sql).not.toMatch(/IS NULL OR/)
    }
  })

  it('the read-group lookup behind collapsing', () => {
    const detail = plan(READ_GROUP_SQL, { actorId: P, method: 'people:get', recordType: 'person', recordId: P, windowStart: 'a', windowEnd: 'b' })
    expect(detail).toMatch(/SEARCH audit_log USING INDEX audit_(actor|method|record)_at/)
  })
})

describe('migration: audit indexes, from the schema before it with data', () => {
  it('keeps every audit row (chain intact) and replaces the record index with the four filter indexes', () => {
    const n = MIGRATIONS.indexOf(auditIndexes) + 1
    expect(n).toBeGreaterThan(0)
    const db: Db = openDatabase(':memory:', { migrate: false })
    try {
      migrate(db, MIGRATIONS.slice(0, n - 1))
      for (let i = 0; i < 20; i++) {
        appendAudit(db, { at: `2026-11-2${i % 5}T0${i % 9}:00:00.000Z`, actorId: null, actorName: null, method: 'people:get', recordType: 'person', recordId: `p${i % 3}`, detail: null })
      }
      const before = db.prepare('SELECT * FROM audit_log ORDER BY seq').all()
      expect(migrate(db, MIGRATIONS.slice(0, n))).toEqual([n])
      expect(schemaVersion(db)).toBe(n)
      expect(db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before)
      expect(verifyAudit(db)).toEqual({ ok: true, rows: 20 })
      const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name)
      expect(indexes).toEqual(['audit_actor_at', 'audit_at', 'audit_method_at', 'audit_record_at'])
    } finally {
      db.close()
    }
  })
})
