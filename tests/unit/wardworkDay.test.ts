/**
 * Issue 13: the ward's day and the daily log on a hand-built fixture (people arriving, leaving and moving, records on
 * and around the day), conductPoints over windows on both sides of their boundaries, and the log's save (future date
 * refused, one live log per ward and date, stale revision refused).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { conductPoints } from '../../electron/core/wardwork/conductQueries'
import type { Input, MethodName } from '../../electron/shared/contract'
import { idNumberFor } from './fitnessFixtures'
import { call, err, makeWorld, ok, personInput, TODAY, seenWard } from './helpers'

const DAY = '2026-11-20'

function fixture() {
  const w = makeWorld(['ward_officer'])
  const admin = w.sessions.admin!
  const run = <M extends MethodName>(m: M, input: Input<M>) => ok(call(w.dispatch, m, input, admin))
  const person = (name: string, i: number, admissionDate: string, ward = w.wards.a) =>
    run('people:create', personInput(ward, { name, idNumber: idNumberFor('1990-03-07', 'M', i + 1), admissionDate })).id
  // In the ward before the day: 甲, 乙 (乙 moves to 二大队 on the day), 丙.
  const jia = person('甲', 0, '2026-06-01')
  const yi = person('乙', 1, '2026-06-01')
  const bing = person('丙', 2, '2026-06-01')
  // Admitted on the day: 丁. Moved in from 二大队 on the day: 戊. In 二大队 all along: 己.
  const ding = person('丁', 3, DAY)
  const wu = person('戊', 4, '2026-06-01', w.wards.b)
  const ji = person('己', 5, '2026-06-01', w.wards.b)
  run('people:assignWard', { id: yi, seen: seenWard(w.db, yi), wardId: w.wards.b, effectiveDate: DAY })
  run('people:assignWard', { id: wu, seen: seenWard(w.db, wu), wardId: w.wards.a, effectiveDate: DAY })
  return { w, admin, run, jia, yi, bing, ding, wu, ji }
}

describe("the ward's day and its counts", () => {
  let f: ReturnType<typeof fixture>
  beforeAll(() => {
    f = fixture()
    const { run, jia, bing, ding, ji } = f
    run('wardwork:recordTalk', { personId: ding, kind: 'admission', status: 'done', plannedOn: DAY, doneOn: DAY })
    run('wardwork:recordTalk', { personId: jia, kind: 'routine', status: 'planned', plannedOn: DAY })
    run('wardwork:recordTalk', { personId: bing, kind: 'routine', status: 'cancelled', plannedOn: DAY })
    run('wardwork:recordTalk', { personId: jia, kind: 'routine', status: 'done', doneOn: '2026-11-19' })
    run('wardwork:recordConduct', { personId: jia, kind: 'reward', category: 'praise', points: 1, on: DAY, reason: '内务整洁' })
    run('wardwork:recordConduct', { personId: bing, kind: 'sanction', category: 'warning', points: -1, on: DAY, reason: '迟到' })
    run('wardwork:recordConduct', { personId: bing, kind: 'sanction', category: 'warning', points: -2, on: '2026-11-21', reason: '迟到' })
    const visit = run('wardwork:recordVisit', { personId: jia, on: DAY, visitor: '甲母', kind: 'meeting' })
    run('wardwork:voidVisit', { personId: jia, id: visit.id, reason: '重复登记' })
    run('wardwork:recordVisit', { personId: jia, on: DAY, visitor: '甲父', kind: 'phone', minutes: 10 })
    // Out the day before and back on the day; out on the day and still out; out and back before the day (not counted).
    run('wardwork:recordMedical', { personId: bing, hospital: '市医院', outAt: '2026-11-19T15:00', backAt: `${DAY}T09:00`, reason: '发热' })
    run('wardwork:recordMedical', { personId: jia, hospital: '市医院', outAt: `${DAY}T20:00`, reason: '腹痛' })
    run('wardwork:recordMedical', { personId: jia, hospital: '市医院', outAt: '2026-11-18T08:00', backAt: '2026-11-19T23:59', reason: '复查' })
    // Active on the day: open since before; ended on the day. Not active: ended the day before, starting the day after.
    run('wardwork:recordMeasure', { personId: bing, kind: 'watch', startOn: '2026-11-01', reason: '情绪低落' })
    run('wardwork:recordMeasure', { personId: jia, kind: 'focus', startOn: '2026-11-10', endOn: DAY, reason: '家庭变故' })
    run('wardwork:recordMeasure', { personId: jia, kind: 'focus', startOn: '2026-11-01', endOn: '2026-11-19', reason: '家庭变故' })
    run('wardwork:recordMeasure', { personId: jia, kind: 'watch', startOn: '2026-11-21', reason: '情绪低落' })
    // Another ward's record on the day is not this ward's.
    run('wardwork:recordConduct', { personId: ji, kind: 'reward', category: 'praise', points: 1, on: DAY, reason: '帮助他人' })
  })
  afterAll(() => f.w.close())

  it('counts residents, arrivals and departures from the ward history and each record kind of the day', () => {
    const day = f.run('wardwork:wardDay', { wardId: f.w.wards.a, date: DAY })
    expect(day.counts).toEqual({
      residentsAtStart: 3,
      admitted: 1,
      transferredIn: 1,
      left: 1,
      residentsAtEnd: 4,
      inHospital: 2,
      medicalOut: 1,
      medicalBack: 1,
      visits: 1,
      talksDone: 1,
      talksPlanned: 2,
      rewards: 1,
      sanctions: 1,
      activeMeasures: 2,
    })
    expect(day.talksDone.map((t) => t.personName)).toEqual(['丁'])
    expect(day.conduct.map((c) => c.personName).sort()).toEqual(['丙', '甲'])
    expect(day.visits.map((v) => v.visitor)).toEqual(['甲父'])
  })

  it('the daily log: computed counts, save, a second new save refused, a stale revision refused, a future date refused', () => {
    const { w, admin, run } = f
    const page = run('wardwork:log', { wardId: w.wards.a, date: DAY })
    expect(page.log).toBeNull()
    expect(page.computed.residentsAtEnd).toBe(4)
    const saved = run('wardwork:saveLog', { wardId: w.wards.a, date: DAY, incidents: '无', notes: '秩序良好', onDuty: '王警官' })
    expect(saved.revision).toBe(1)
    expect(err(call(w.dispatch, 'wardwork:saveLog', { wardId: w.wards.a, date: DAY, notes: '另一份' }, admin)).code).toBe('conflict')
    expect(run('wardwork:saveLog', { wardId: w.wards.a, date: DAY, revision: 1, notes: '秩序良好，已复核' }).revision).toBe(2)
    expect(err(call(w.dispatch, 'wardwork:saveLog', { wardId: w.wards.a, date: DAY, revision: 1, notes: '旧' }, admin)).code).toBe('conflict')
    const log = run('wardwork:log', { wardId: w.wards.a, date: DAY }).log!
    expect(log).toMatchObject({ notes: '秩序良好，已复核', incidents: null, revision: 2 })
    expect(log.counts.visits).toBe(1)
    ok(call(w.dispatch, 'wardwork:saveLog', { wardId: w.wards.a, date: TODAY, notes: '今天' }, admin))
    expect(err(call(w.dispatch, 'wardwork:saveLog', { wardId: w.wards.a, date: '2026-11-24', notes: '明天' }, admin)).fields).toEqual({ date: 'wardwork.log_future' })
    // A voided log frees the date for a new one.
    run('wardwork:voidLog', { wardId: w.wards.a, id: log.id, reason: '重新填写' })
    expect(run('wardwork:saveLog', { wardId: w.wards.a, date: DAY, notes: '重填' }).revision).toBe(1)
  })

  it('the ward records between dates, by type, and the range limits', () => {
    const { w, run, admin } = f
    const records = run('wardwork:wardRecords', { wardId: w.wards.a, from: '2026-11-19', to: '2026-11-21', types: ['conduct', 'talk'] })
    expect(records.conduct.map((c) => c.on)).toEqual([DAY, DAY, '2026-11-21'])
    expect(records.talks).toHaveLength(4)
    expect(records.visits).toEqual([])
    expect(err(call(w.dispatch, 'wardwork:wardRecords', { wardId: w.wards.a, from: '2026-11-21', to: '2026-11-20' }, admin)).fields).toEqual({ to: 'wardwork.range_order' })
    ok(call(w.dispatch, 'wardwork:wardRecords', { wardId: w.wards.a, from: '2026-08-21', to: '2026-11-20' }, admin))
    expect(err(call(w.dispatch, 'wardwork:wardRecords', { wardId: w.wards.a, from: '2026-08-20', to: '2026-11-20' }, admin)).fields).toEqual({
      to: 'wardwork.range_too_long|{"max":92}',
    })
  })
})

describe('conductPoints (the behaviour evidence of diagnostic assessment)', () => {
  let f: ReturnType<typeof fixture>
  beforeAll(() => {
    f = fixture()
    const { run, jia } = f
    run('wardwork:recordConduct', { personId: jia, kind: 'reward', category: 'merit', points: 3, on: '2026-10-01', reason: '劳动积极' })
    run('wardwork:recordConduct', { personId: jia, kind: 'sanction', category: 'demerit', points: -2, on: '2026-10-15', reason: '打架' })
    run('wardwork:recordConduct', { personId: jia, kind: 'reward', category: 'commendation', points: 5, on: '2026-10-31', reason: '见义勇为' })
    const voided = run('wardwork:recordConduct', { personId: jia, kind: 'reward', category: 'praise', points: 1, on: '2026-10-20', reason: '重复' })
    run('wardwork:voidConduct', { personId: jia, id: voided.id, reason: '重复登记' })
  })
  afterAll(() => f.w.close())

  it.each([
    [null, '2026-11-30', 6, 8, -2],
    ['2026-10-01', '2026-10-31', 6, 8, -2],
    ['2026-10-02', '2026-10-31', 3, 5, -2],
    ['2026-10-01', '2026-10-30', 1, 3, -2],
    ['2026-10-15', '2026-10-15', -2, 0, -2],
    ['2026-10-16', '2026-10-30', 0, 0, 0],
    [null, '2026-09-30', 0, 0, 0],
  ] as const)('from %s to %s: total %i (rewards %i, sanctions %i), voided entries left out', (from, to, total, rewards, sanctions) => {
    const points = conductPoints(f.w.db, f.jia, from, to)
    expect({ total: points.total, rewards: points.rewards, sanctions: points.sanctions }).toEqual({ total, rewards, sanctions })
    expect(points.entries.every((e) => e.on >= (from ?? '') && e.on <= to)).toBe(true)
  })

  it('lists the entries in date order with kind, category and signed points', () => {
    expect(conductPoints(f.w.db, f.jia, null, TODAY).entries.map(({ id: _id, ...e }) => e)).toEqual([
      { on: '2026-10-01', kind: 'reward', category: 'merit', points: 3 },
      { on: '2026-10-15', kind: 'sanction', category: 'demerit', points: -2 },
      { on: '2026-10-31', kind: 'reward', category: 'commendation', points: 5 },
    ])
  })
})
