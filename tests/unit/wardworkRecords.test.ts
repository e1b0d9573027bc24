/**
 * Issue 13: the ward's own records on a real database — each record type's create, edit (naming the revision read)
 * and void; a stale revision refused; the field rules stated at their limits (points within the category, back after
 * out, dates not in the future); the facility's lists; ward scoping (an officer of another ward refused).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input, MethodName } from '../../electron/shared/contract'
import { DEFAULT_WARDWORK_LISTS } from '../../electron/shared/contract/wardwork'
import { call, count, err, makeWorld, ok, personInput, TODAY } from './helpers'

function setup() {
  const w = makeWorld(['ward_officer', 'counsellor', 'trainer'])
  const admin = w.sessions.admin!
  const officer = w.sessions.ward_officer!
  const personA = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin)).id
  const personB = ok(call(w.dispatch, 'people:create', personInput(w.wards.b, { name: '李四', idNumber: '110101199003070038' }), admin)).id
  const run = <M extends MethodName>(m: M, input: Input<M>, session = officer) => call(w.dispatch, m, input, session)
  return { w, admin, officer, personA, personB, run }
}

const RECORDS = {
  Talk: { create: { kind: 'routine', status: 'planned', plannedOn: TODAY }, edit: { kind: 'routine', status: 'done', plannedOn: TODAY, doneOn: TODAY, summary: '情绪稳定' }, table: 'ward_talks' },
  Conduct: { create: { kind: 'sanction', category: 'warning', points: -1, on: TODAY, reason: '顶撞管教' }, edit: { kind: 'sanction', category: 'demerit', points: -3, on: TODAY, reason: '顶撞管教，屡教不改' }, table: 'conduct_entries' },
  Visit: { create: { on: TODAY, visitor: '张母', relation: '母亲', kind: 'meeting', minutes: 30 }, edit: { on: TODAY, visitor: '张母', relation: '母亲', kind: 'video', minutes: 20 }, table: 'family_visits' },
  Medical: { create: { hospital: '市第一人民医院', outAt: `${TODAY}T08:00`, reason: '牙痛' }, edit: { hospital: '市第一人民医院', outAt: `${TODAY}T08:00`, backAt: `${TODAY}T09:30`, reason: '牙痛', outcome: '拔牙' }, table: 'outside_medical_visits' },
  Measure: { create: { kind: 'watch', startOn: TODAY, reason: '情绪低落' }, edit: { kind: 'watch', startOn: TODAY, endOn: TODAY, reason: '情绪低落，已好转' }, table: 'watch_measures' },
} as const

describe('each record: create, edit with revision, stale refused, void', () => {
  let s: ReturnType<typeof setup>
  beforeAll(() => {
    s = setup()
  })
  afterAll(() => s.w.close())

  for (const [type, r] of Object.entries(RECORDS)) {
    it(`${type}: created at revision 1 in the person's ward, edited to 2, a stale edit refused, voided with a reason`, () => {
      const { dispatch } = s.w
      const created = ok(call(dispatch, `wardwork:record${type}` as MethodName, { personId: s.personA, ...r.create } as never, s.officer)) as { id: string; revision: number }
      expect(created.revision).toBe(1)
      expect(s.w.db.prepare(`SELECT ward_id AS wardId FROM ${r.table} WHERE id = ?`).get(created.id)).toEqual({ wardId: s.w.wards.a })
      const edited = ok(call(dispatch, `wardwork:update${type}` as MethodName, { personId: s.personA, id: created.id, revision: 1, ...r.edit } as never, s.officer)) as { revision: number }
      expect(edited.revision).toBe(2)
      const stale = err(call(dispatch, `wardwork:update${type}` as MethodName, { personId: s.personA, id: created.id, revision: 1, ...r.create } as never, s.officer))
      expect(stale.code).toBe('conflict')
      expect(stale.message).toContain('已被他人修改')
      // The stale edit changed nothing: the row still holds the edit.
      expect(s.w.db.prepare(`SELECT revision FROM ${r.table} WHERE id = ?`).get(created.id)).toEqual({ revision: 2 })
      // Another person's id with this record: not found (the scope is checked on the person named).
      expect(err(call(dispatch, `wardwork:void${type}` as MethodName, { personId: s.personB, id: created.id, reason: '录入错误' } as never, s.admin)).code).toBe('not_found')
      ok(call(dispatch, `wardwork:void${type}` as MethodName, { personId: s.personA, id: created.id, reason: '录入错误' } as never, s.officer))
      expect(err(call(dispatch, `wardwork:update${type}` as MethodName, { personId: s.personA, id: created.id, revision: 2, ...r.edit } as never, s.officer)).code).toBe('rule_violation')
      const row = s.w.db.prepare(`SELECT voided_at IS NOT NULL AS voided, void_reason AS reason FROM ${r.table} WHERE id = ?`).get(created.id)
      expect(row).toEqual({ voided: 1, reason: '录入错误' })
      expect(count(s.w.db, r.table)).toBeGreaterThan(0)
    })
  }

  it('the person tab shows every record, the voided ones marked, and the ledger with a running total of live entries', () => {
    const { run, personA } = s
    ok(run('wardwork:recordConduct', { personId: personA, kind: 'reward', category: 'praise', points: 2, on: '2026-11-01', reason: '内务整洁' }))
    ok(run('wardwork:recordConduct', { personId: personA, kind: 'reward', category: 'merit', points: 3, on: '2026-11-05', reason: '劳动积极' }))
    ok(run('wardwork:recordConduct', { personId: personA, kind: 'sanction', category: 'warning', points: -1, on: '2026-11-10', reason: '迟到' }))
    const p = ok(run('wardwork:person', { personId: personA }))
    const live = p.conduct.entries.filter((e) => !e.voided)
    expect(live.map((e) => [e.on, e.points, e.runningTotal])).toEqual([
      ['2026-11-01', 2, 2],
      ['2026-11-05', 3, 5],
      ['2026-11-10', -1, 4],
    ])
    expect(p.conduct).toMatchObject({ total: 4, rewards: 5, sanctions: -1 })
    expect(p.talks).toHaveLength(1)
    expect(p.talks[0]!.voided).toMatchObject({ reason: '录入错误', byName: 'ward_officer-staff' })
  })
})

describe('field rules at their limits', () => {
  let s: ReturnType<typeof setup>
  beforeAll(() => {
    s = setup()
  })
  afterAll(() => s.w.close())

  const conduct = (category: string, points: number, kind: 'reward' | 'sanction' = 'sanction') =>
    s.run('wardwork:recordConduct', { personId: s.personA, kind, category, points, on: TODAY, reason: '违反规定' })

  it.each([
    // 记过 (demerit) takes −5 to −2 by default.
    ['demerit', -5, true],
    ['demerit', -6, false],
    ['demerit', -2, true],
    ['demerit', -1, false],
  ] as const)('a %s of %i points: accepted %s', (category, points, accepted) => {
    const result = conduct(category, points)
    if (accepted) ok(result)
    else expect(err(result).fields).toEqual({ points: 'wardwork.points_range|{"min":-5,"max":-2}' })
  })

  it('a category of the other kind, or an unknown one, is refused on the category field', () => {
    expect(err(conduct('praise', -1)).fields).toEqual({ category: 'wardwork.category_kind' })
    expect(err(conduct('no_such', -1)).fields).toEqual({ category: 'wardwork.unknown_category' })
    // A reward cannot carry negative points (the points' sign comes from the kind).
    expect(err(conduct('praise', -1, 'reward')).fields).toEqual({ points: 'wardwork.points_range|{"min":1,"max":3}' })
  })

  it.each([
    [`${TODAY}T07:59`, false],
    [`${TODAY}T08:00`, true],
    [`${TODAY}T08:01`, true],
  ])('back at %s after out at 08:00: accepted %s', (backAt, accepted) => {
    const result = s.run('wardwork:recordMedical', { personId: s.personA, hospital: '市医院', outAt: `${TODAY}T08:00`, backAt, reason: '发热' })
    if (accepted) ok(result)
    else expect(err(result).fields).toEqual({ backAt: `wardwork.back_before_out|{"outAt":"${TODAY} 08:00"}` })
  })

  it('times and dates after now are refused where the record says something happened; a talk may be planned ahead', () => {
    // The fixed clock is 10:00 in Beijing on TODAY.
    expect(err(s.run('wardwork:recordMedical', { personId: s.personA, hospital: '市医院', outAt: `${TODAY}T10:01`, reason: '发热' })).fields).toEqual({ outAt: 'wardwork.datetime_in_future' })
    ok(s.run('wardwork:recordMedical', { personId: s.personA, hospital: '市医院', outAt: `${TODAY}T10:00`, reason: '发热' }))
    expect(err(s.run('wardwork:recordVisit', { personId: s.personA, on: '2026-11-24', visitor: '张父', kind: 'meeting' })).fields).toEqual({ on: 'v.date_in_future' })
    expect(err(s.run('wardwork:recordTalk', { personId: s.personA, kind: 'routine', status: 'done', doneOn: '2026-11-24' })).fields).toEqual({ doneOn: 'v.date_in_future' })
    ok(s.run('wardwork:recordTalk', { personId: s.personA, kind: 'holiday', status: 'planned', plannedOn: '2026-12-30' }))
    expect(err(s.run('wardwork:recordTalk', { personId: s.personA, kind: 'routine', status: 'planned' })).fields).toEqual({ plannedOn: 'wardwork.planned_on_required' })
    expect(err(s.run('wardwork:recordTalk', { personId: s.personA, kind: 'chat', status: 'planned', plannedOn: TODAY })).fields).toEqual({ kind: 'wardwork.unknown_kind' })
  })

  it('a measure ends on or after its start and is reviewed on or after it', () => {
    const base = { personId: s.personA, kind: 'watch', startOn: '2026-11-20', reason: '情绪低落' }
    expect(err(s.run('wardwork:recordMeasure', { ...base, endOn: '2026-11-19' })).fields).toEqual({ endOn: 'wardwork.end_before_start|{"start":"2026-11-20"}' })
    expect(err(s.run('wardwork:recordMeasure', { ...base, reviewOn: '2026-11-19' })).fields).toEqual({ reviewOn: 'wardwork.review_before_start|{"start":"2026-11-20"}' })
    ok(s.run('wardwork:recordMeasure', { ...base, endOn: '2026-11-20', reviewOn: '2026-11-20' }))
    expect(err(s.run('wardwork:recordMeasure', { ...base, crisisId: '00000000-0000-4000-8000-000000000000' })).fields).toEqual({ crisisId: 'wardwork.unknown_crisis' })
  })
})

describe('scope, access and the lists', () => {
  let s: ReturnType<typeof setup>
  beforeAll(() => {
    s = setup()
  })
  afterAll(() => s.w.close())

  it('an officer of another ward is refused reading and writing a person there, and that ward\'s day and log', () => {
    const { run, personB, w } = s
    expect(err(run('wardwork:recordTalk', { personId: personB, kind: 'routine', status: 'planned', plannedOn: TODAY })).code).toBe('forbidden')
    expect(err(run('wardwork:wardDay', { wardId: w.wards.b, date: TODAY })).code).toBe('forbidden')
    expect(err(run('wardwork:saveLog', { wardId: w.wards.b, date: TODAY, notes: '无' })).code).toBe('forbidden')
    ok(run('wardwork:wardDay', { wardId: w.wards.a, date: TODAY }))
    expect(count(w.db, 'ward_talks')).toBe(0)
  })

  it('a counsellor reads but does not record; a trainer does neither', () => {
    const { run, personA, w } = s
    ok(run('wardwork:person', { personId: personA }, w.sessions.counsellor!))
    expect(err(run('wardwork:recordVisit', { personId: personA, on: TODAY, visitor: '张父', kind: 'meeting' }, w.sessions.counsellor!)).code).toBe('forbidden')
    expect(err(run('wardwork:person', { personId: personA }, w.sessions.trainer!)).code).toBe('forbidden')
  })

  it('the lists are versioned, an entry is retired not removed, and a retired kind stays on the records that have it', () => {
    const { run, admin, personA } = s
    const talk = ok(run('wardwork:recordTalk', { personId: personA, kind: 'holiday', status: 'planned', plannedOn: TODAY }))
    const { version, ...lists } = ok(run('wardwork:lists', {}, admin))
    expect(lists).toEqual(DEFAULT_WARDWORK_LISTS)
    const without = { ...lists, talkKinds: lists.talkKinds.filter((k) => k.id !== 'holiday') }
    expect(err(run('wardwork:setLists', { lists: without, version }, admin)).message).toContain('holiday')
    const retired = { ...lists, talkKinds: lists.talkKinds.map((k) => (k.id === 'holiday' ? { ...k, active: false } : k)) }
    ok(run('wardwork:setLists', { lists: retired, version }, admin))
    expect(err(run('wardwork:setLists', { lists: retired, version }, admin)).code).toBe('conflict')
    expect(err(run('wardwork:recordTalk', { personId: personA, kind: 'holiday', status: 'planned', plannedOn: TODAY })).fields).toEqual({ kind: 'wardwork.unknown_kind' })
    ok(run('wardwork:updateTalk', { personId: personA, id: talk.id, revision: 1, kind: 'holiday', status: 'done', plannedOn: TODAY, doneOn: TODAY }))
    expect(err(run('wardwork:setLists', { lists: retired, version: 'x' }, s.officer)).code).toBe('forbidden')
  })

  it('a category whose default lies outside its range, or a reward with negative points, is refused', () => {
    const { run, admin } = s
    const { version, ...lists } = ok(run('wardwork:lists', {}, admin))
    const bad = { ...lists, conductCategories: lists.conductCategories.map((c) => (c.id === 'praise' ? { ...c, defaultPoints: 9 } : c)) }
    expect(err(run('wardwork:setLists', { lists: bad, version }, admin)).fields).toEqual({ 'lists.conductCategories.0.defaultPoints': 'wardwork.category_range' })
    const negative = { ...lists, conductCategories: lists.conductCategories.map((c) => (c.id === 'praise' ? { ...c, minPoints: -1, defaultPoints: 0 } : c)) }
    expect(err(run('wardwork:setLists', { lists: negative, version }, admin)).fields).toEqual({ 'lists.conductCategories.0.minPoints': 'wardwork.category_sign' })
  })
})
