/**
 * Issue 8 items 6 and 7 through the dispatcher: term warnings on the file and the lists (with the facility's window),
 * the confirmation an extension on an expired term needs, the extension's approval date, and the whole-ward roster
 * (花名册) for print and export, read through an index. Today is 2026-11-23 (fixed clock).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { WARD_ROSTER_SQL } from '../../electron/core/people/peopleQueries'
import { call, count, err, makeWorld, ok, personInput, type World } from './helpers'

/** The n-th valid ID number (GB 11643: weights 2^(17−i) mod 11, check "10X98765432"), a man born 1990-01-(n+1). */
function idFor(n: number) {
  const birthDate = `1990-01-${String(n + 1).padStart(2, '0')}`
  const body = `110101${birthDate.replaceAll('-', '')}01${String(2 * n + 1).slice(-1)}`
  const sum = [...body].reduce((a, d, i) => a + Number(d) * (2 ** (17 - i) % 11), 0)
  return { idNumber: body + '10X98765432'[sum % 11]!, birthDate, sex: 'M' as const }
}

/** A decision date whose plain two-year term ends on `lastDay` (decision + 24 months − 1 day). */
const decisionFor = (lastDay: string) => {
  const d = new Date(`${lastDay}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  d.setUTCFullYear(d.getUTCFullYear() - 2)
  return d.toISOString().slice(0, 10)
}

let w: World
const officer = () => w.sessions.ward_officer!
const admin = () => w.sessions.admin!
let n = 0
function create(lastDay: string, overrides: Partial<Input<'people:create'>> = {}): string {
  const decisionDate = decisionFor(lastDay)
  const input = personInput(w.wards.a, { ...idFor(n++), name: `人员${String(n).replace(/\d/g, (d) => "零一二三四五六七八九"[Number(d)]!)}`, decisionDate, admissionDate: decisionDate, ...overrides })
  return ok(call(w.dispatch, 'people:create', input, officer())).id
}
const file = (id: string) => ok(call(w.dispatch, 'people:get', { id }, admin()))
const listRow = (id: string) => ok(call(w.dispatch, 'people:list', { limit: 500 }, admin())).rows.find((r) => r.id === id)
const extension = (id: string, extra: Partial<Extract<Input<'people:addTermEvent'>, { kind: 'extension' }>> = {}) =>
  call(w.dispatch, 'people:addTermEvent', { id, kind: 'extension', months: 3, docNo: '延字〔2026〕7号', approvalDate: '2026-11-20', ...extra }, officer())

beforeAll(() => {
  w = makeWorld(['ward_officer', 'counsellor'])
})
afterAll(() => w.close())

describe('term warning on the file and in the lists', () => {
  it.each([
    ['2026-11-22', { kind: 'expired', days: 1 }], // last day yesterday
    ['2026-11-23', { kind: 'due', days: 0 }], // last day today
    ['2026-12-23', { kind: 'due', days: 30 }], // today + N (default N = 30)
    ['2026-12-24', null], // today + N + 1
  ] as const)('last day %s → %j', (lastDay, expected) => {
    const p = create(lastDay)
    expect(file(p).term.result?.lastDay).toBe(lastDay)
    expect(file(p).termWarning).toEqual(expected)
    expect(listRow(p)?.termWarning).toEqual(expected)
    const roster = ok(call(w.dispatch, 'people:roster', { wardId: w.wards.a }, officer()))
    expect(roster.rows.find((r) => r.id === p)?.termWarning).toEqual(expected)
  })

  it('the window is the facility setting people.termWarningDays (admin only, range stated, nothing changed on bad input)', () => {
    const p = create('2027-01-22') // today + 60
    expect(file(p).termWarning).toBeNull()
    expect(ok(call(w.dispatch, 'people:termSettings', {}, officer()))).toEqual({ termWarningDays: 30, version: 'default' })
    const version = 'default'

    expect(err(call(w.dispatch, 'people:setTermWarningDays', { termWarningDays: 60, version }, officer())).code).toBe('forbidden')
    for (const bad of [366, -1, 2.5]) {
      const e = err(call(w.dispatch, 'people:setTermWarningDays', { termWarningDays: bad, version }, admin()))
      expect(e.code).toBe('invalid_input')
      expect(e.fields?.termWarningDays).toBe(bad === 2.5 ? 'v.integer' : 'term.warning_days_range')
    }
    expect(ok(call(w.dispatch, 'people:termSettings', {}, officer()))).toEqual({ termWarningDays: 30, version })

    ok(call(w.dispatch, 'people:setTermWarningDays', { termWarningDays: 60, version }, admin()))
    expect(file(p).termWarning).toEqual({ kind: 'due', days: 60 })
    expect(listRow(p)?.termWarning).toEqual({ kind: 'due', days: 60 })
    ok(call(w.dispatch, 'people:setTermWarningDays', { termWarningDays: 30, version: ok(call(w.dispatch, 'people:termSettings', {}, admin())).version }, admin()))
  })
})

describe('an extension on an expired term needs a confirmation', () => {
  it('is refused without confirmExpired, with the last day in the message, and nothing recorded', () => {
    const p = create('2026-11-22')
    const before = count(w.db, 'term_events')
    const e = err(extension(p))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ confirmExpired: 'term.extension_expired|{"lastDay":"2026-11-22"}' })
    expect(count(w.db, 'term_events')).toBe(before)
    expect(file(p).term.result?.lastDay).toBe('2026-11-22')
  })

  it('is recorded once confirmed, the audit row says so, and the term moves', () => {
    const p = create('2026-11-22')
    ok(extension(p, { confirmExpired: true }))
    const f = file(p)
    expect(f.term.result?.lastDay).toBe('2027-02-22') // decision 2024-11-23 + 27 m − 1 day
    expect(f.termWarning).toBeNull()
    const audit = w.db.prepare("SELECT detail FROM audit_log WHERE method = 'people:addTermEvent' ORDER BY seq DESC LIMIT 1").get() as { detail: string }
    expect(JSON.parse(audit.detail)).toMatchObject({ kind: 'extension', confirmedExpired: true })
  })

  it('is not asked for while the last day is today or later', () => {
    const p = create('2026-11-23')
    ok(extension(p))
    expect(file(p).term.result?.lastDay).toBe('2027-02-23')
  })
})

describe('the approval date (批准日期) of an extension', () => {
  it('is stored and listed beside the document number', () => {
    const p = create('2027-06-30')
    ok(extension(p, { approvalDate: '2026-11-23' }))
    expect(file(p).termEvents.map((e) => [e.docNo, e.approvalDate])).toEqual([['延字〔2026〕7号', '2026-11-23']])
  })

  it.each([
    ['after today', '2026-11-24', 'term.approval_in_future|{"today":"2026-11-23"}'],
    ['before the decision date', '2025-06-30', 'term.approval_before_decision|{"decisionDate":"2025-07-01"}'],
  ])('is refused %s', (_label, approvalDate, field) => {
    const p = create('2027-06-30') // decision 2025-07-01
    const e = err(extension(p, { approvalDate }))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ approvalDate: field })
    expect(file(p).termEvents).toEqual([])
  })

  it('is required and must be a date', () => {
    const p = create('2027-06-30')
    const missing = err(w.dispatch('people:addTermEvent', { id: p, kind: 'extension', months: 3, docNo: '延' }, officer()))
    expect(missing.fields?.approvalDate).toBe('v.required')
    expect(err(extension(p, { approvalDate: '2026-02-30' })).fields?.approvalDate).toBe('v.date')
    expect(file(p).termEvents).toEqual([])
  })

  it('the decision date itself is allowed', () => {
    const p = create('2027-06-30')
    ok(extension(p, { approvalDate: '2025-07-01' }))
  })
})

describe('the ward roster (people:roster)', () => {
  it('lists every live person of the ward, sorted by pinyin, with masked ID numbers, beyond one list page', () => {
    const roster = ok(call(w.dispatch, 'people:roster', { wardId: w.wards.a }, officer()))
    const live = ok(call(w.dispatch, 'people:list', { wardId: w.wards.a, limit: 500 }, admin()))
    expect(roster).toMatchObject({ facilityName: '测试强制隔离戒毒所', wardName: '一大队', wardId: w.wards.a, today: '2026-11-23' })
    expect(roster.rows.map((r) => r.id).sort()).toEqual(live.rows.map((r) => r.id).sort())
    expect(roster.rows.length).toBe(live.total)
    for (const r of roster.rows) {
      expect(r.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)
      expect(JSON.stringify(r)).not.toMatch(/\d{17}[\dX]/)
    }
    expect(roster.rows[0]).toMatchObject({ sex: 'M', age: expect.any(Number) })
    const pinyin = roster.rows.map((r) => w.db.prepare('SELECT name_pinyin AS p FROM people WHERE id = ?').get(r.id) as { p: string }).map((r) => r.p)
    expect(pinyin).toEqual([...pinyin].sort())
  })

  it('leaves out voided files and people of other wards; an unknown ward is not_found', () => {
    const p = create('2027-06-30')
    ok(call(w.dispatch, 'people:void', { id: p, reason: '重复建档' }, admin()))
    expect(ok(call(w.dispatch, 'people:roster', { wardId: w.wards.a }, officer())).rows.map((r) => r.id)).not.toContain(p)
    expect(ok(call(w.dispatch, 'people:roster', { wardId: w.wards.b }, admin())).rows).toEqual([])
    expect(err(call(w.dispatch, 'people:roster', { wardId: '00000000-0000-4000-8000-000000000000' }, admin())).code).toBe('not_found')
    // The officer of 一大队 reads only his ward's roster (包队责任制); an id that is no ward of his is refused alike.
    expect(err(call(w.dispatch, 'people:roster', { wardId: w.wards.b }, officer())).key).toBe('err.ward_forbidden')
    expect(err(call(w.dispatch, 'people:roster', { wardId: '00000000-0000-4000-8000-000000000000' }, officer())).key).toBe('err.ward_forbidden')
  })

  it('is an audited read of the ward', () => {
    ok(call(w.dispatch, 'people:roster', { wardId: w.wards.a }, w.sessions.counsellor!))
    const row = w.db.prepare("SELECT record_type AS type, record_id AS id FROM audit_log WHERE method = 'people:roster' ORDER BY seq DESC LIMIT 1").get()
    expect(row).toEqual({ type: 'ward', id: w.wards.a })
  })

  it('reads through the people_ward index, never a full scan of people', () => {
    const plan = w.db.prepare(`EXPLAIN QUERY PLAN ${WARD_ROSTER_SQL}`).all({ wardId: w.wards.a, today: '2026-11-23' }) as Array<{ detail: string }>
    const details = plan.map((r) => r.detail)
    expect(details.some((d) => /SEARCH p USING INDEX people_ward \(ward_id=\? AND voided_at=\?\)/.test(d))).toBe(true)
    expect(details.some((d) => /^SCAN p\b/.test(d))).toBe(false)
  })
})
