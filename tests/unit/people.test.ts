/**
 * Detainee files through the dispatcher: the period state machine, ward assignment with history, edits with revisions,
 * voiding, term events and search. Today is 2026-11-23 (fixed clock). Dates below are worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { call, count, err, makeWorld, ok, personInput, TODAY, type World, wardRevision, seenPeriod, seenWard } from './helpers'

/** Valid ID numbers with the birth date and sex they encode (S = weighted sum of the first 17 digits). */
const IDS = [
  { idNumber: '110101199003070011', birthDate: '1990-03-07', sex: 'M' }, // S=154, 0 → 1
  { idNumber: '110101198506150035', birthDate: '1985-06-15', sex: 'M' }, // S=194, 7 → 5
  { idNumber: '530102198510155677', birthDate: '1985-10-15', sex: 'M' }, // S=269, 5 → 7
  { idNumber: '440106199003071231', birthDate: '1990-03-07', sex: 'M' }, // S=242, 0 → 1
  { idNumber: '110101198808080052', birthDate: '1988-08-08', sex: 'M' }, // S=230, 10 → 2
  { idNumber: '510104199602290036', birthDate: '1996-02-29', sex: 'M' }, // S=237, 6 → 6
  { idNumber: '34052419800101001X', birthDate: '1980-01-01', sex: 'M' }, // S=189, 2 → X
  { idNumber: '110101199303030054', birthDate: '1993-03-03', sex: 'M' }, // S=151, 8 → 4
  { idNumber: '110101199404040075', birthDate: '1994-04-04', sex: 'M' }, // S=172, 7 → 5
  { idNumber: '44010619900307124X', birthDate: '1990-03-07', sex: 'F' }, // S=244, 2 → X
  { idNumber: '110101200002290042', birthDate: '2000-02-29', sex: 'F' }, // S=120, 10 → 2
  { idNumber: '110101199505050061', birthDate: '1995-05-05', sex: 'F' }, // S=187, 0 → 1
  { idNumber: '11010119900307002X', birthDate: '1990-03-07', sex: 'F' }, // S=156, 2 → X
  { idNumber: '110101199201010044', birthDate: '1992-01-01', sex: 'F' }, // S=118, 8 → 4
] as const

/** Names take letters only (no digits), so the files are told apart by a character per ID index. */
const NAME_SUFFIX = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰'

const OFFICER = 'ward_officer-staff'

function setup(): World {
  return makeWorld(['ward_officer'])
}

/**
 * Creates a file (decision 2026-03-01, admitted 2026-06-01, in detox from admission) as the ward officer of 一大队, or
 * as `session` (a file in a ward that is not the officer's).
 */
function create(w: World, idIndex: number, overrides: Partial<Input<'people:create'>> = {}, session = w.sessions.ward_officer!): string {
  const id = IDS[idIndex]!
  return ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { ...id, name: `人员${NAME_SUFFIX[idIndex]}`, ...overrides }), session)).id
}

const officer = (w: World) => w.sessions.ward_officer!
const admin = (w: World) => w.sessions.admin!
const get = (w: World, id: string) => ok(call(w.dispatch, 'people:get', { id }, admin(w)))
const listRow = (w: World, id: string) => ok(call(w.dispatch, 'people:list', { includeVoided: true, limit: 500 }, admin(w))).rows.find((r) => r.id === id)

describe('period state machine', () => {
  let w: World
  let p1: string
  let p2: string
  beforeAll(() => {
    w = setup()
    p1 = create(w, 0)
    p2 = create(w, 1)
  })
  afterAll(() => w.close())

  it('a new file starts in detox from its admission date', () => {
    const f = get(w, p1)
    expect(f.period).toBe('detox')
    expect(f.periodSince).toBe('2026-06-01')
    expect(f.daysInPeriod).toBe(175) // 2026-06-01 → 2026-11-23
    expect(f.nextPeriods).toEqual(['education'])
    expect(f.periods).toHaveLength(1)
    expect(f.periods[0]).toMatchObject({ fromPeriod: null, toPeriod: 'detox', effectiveDate: '2026-06-01', correction: false })
  })

  it('moves forward detox → education and records the move in the history', () => {
    const movesBefore = count(w.db, 'period_moves')
    ok(call(w.dispatch, 'people:movePeriod', { id: p1, seen: seenPeriod(w.db, p1), to: 'education', effectiveDate: '2026-07-01', note: '脱毒期评估合格' }, officer(w)))
    const f = get(w, p1)
    expect(f.period).toBe('education')
    expect(f.periodSince).toBe('2026-07-01')
    expect(f.daysInPeriod).toBe(145) // 2026-07-01 → 2026-11-23: 31 + 31 + 30 + 31 + 22
    expect(f.nextPeriods).toEqual(['rehabilitation'])
    expect(count(w.db, 'period_moves')).toBe(movesBefore + 1)
    expect(f.periods).toHaveLength(2)
    expect(f.periods[0]).toEqual({
      id: expect.any(String),
      fromPeriod: 'detox',
      toPeriod: 'education',
      effectiveDate: '2026-07-01',
      recordedAt: '2026-11-23T02:00:00.000Z',
      recordedBy: OFFICER,
      note: '脱毒期评估合格',
      correction: false,
    })
    const audit = w.db.prepare('SELECT method, record_id, detail FROM audit_log ORDER BY seq DESC LIMIT 1 OFFSET 1').get()
    expect(audit).toEqual({
      method: 'people:movePeriod',
      record_id: p1,
      detail: JSON.stringify({ from: 'detox', to: 'education', effectiveDate: '2026-07-01', correction: false }),
    })
  })

  it('the list shows the period and days in it', () => {
    expect(listRow(w, p1)).toMatchObject({ period: 'education', periodSince: '2026-07-01', daysInPeriod: 145 })
  })

  it.each<[string, 'p1' | 'p2', Input<'people:movePeriod'>['to'], string, string, string]>([
    ['backward education → detox', 'p1', 'detox', '2026-08-01', 'to', 'period.backward_move'],
    ['a skip detox → rehabilitation (not in the default template)', 'p2', 'rehabilitation', '2026-08-01', 'to', 'period.move_not_in_template'],
    ['a skip detox → return', 'p2', 'return', '2026-08-01', 'to', 'period.move_not_in_template'],
    ['the same period', 'p2', 'detox', '2026-08-01', 'to', 'period.same_period'],
    ['a date in the future', 'p2', 'education', '2026-11-24', 'effectiveDate', 'period.date_in_future'],
    ['a date before the current period began', 'p2', 'education', '2026-05-31', 'effectiveDate', 'period.before_current_start'],
  ])('refuses %s (rule_violation), writes nothing', (_name, who, to, effectiveDate, field, key) => {
    const id = who === 'p1' ? p1 : p2
    const before = { moves: count(w.db, 'period_moves'), audit: count(w.db, 'audit_log'), period: get(w, id).period }
    const auditAfterGet = before.audit + 1
    const e = err(call(w.dispatch, 'people:movePeriod', { id, seen: seenPeriod(w.db, id), to, effectiveDate }, officer(w)))
    expect(e.code).toBe('rule_violation')
    expect(Object.keys(e.fields ?? {})).toEqual([field])
    expect(e.fields?.[field]?.split('|')[0]).toBe(key)
    expect(count(w.db, 'period_moves')).toBe(before.moves)
    expect(count(w.db, 'audit_log')).toBe(auditAfterGet)
    expect(get(w, id).period).toBe(before.period)
  })

  it.each([
    ['before admission', '2026-05-31', 'period.before_admission'],
    ['in the future', '2026-11-24', 'period.date_in_future'],
  ])('a new file whose first period starts %s is refused', (_name, periodStart, key) => {
    const before = count(w.db, 'people')
    const e = err(call(w.dispatch, 'people:create', personInput(w.wards.a, { ...IDS[7], name: '新人', period: 'education', periodStart }), officer(w)))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ periodStart: key })
    expect(count(w.db, 'people')).toBe(before)
  })

  it('a new file may start in a later period from a given date', () => {
    const p = create(w, 8, { period: 'education', periodStart: '2026-08-01' })
    expect(get(w, p)).toMatchObject({ period: 'education', periodSince: '2026-08-01', daysInPeriod: 114 }) // 2026-08-01 → 2026-11-23: 31 + 30 + 31 + 22
  })

  it('moving on the day the current period began is allowed (0 days, no minimum in the default template)', () => {
    const p = create(w, 2)
    ok(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'education', effectiveDate: '2026-06-01' }, officer(w)))
    expect(get(w, p)).toMatchObject({ period: 'education', periodSince: '2026-06-01' })
  })

  it('walks through all four periods in order, and nothing follows the last', () => {
    const p = create(w, 3)
    ok(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'education', effectiveDate: '2026-07-01' }, officer(w)))
    ok(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'rehabilitation', effectiveDate: '2026-09-15' }, officer(w)))
    ok(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'return', effectiveDate: TODAY }, officer(w)))
    const f = get(w, p)
    expect(f.period).toBe('return')
    expect(f.daysInPeriod).toBe(0)
    expect(f.nextPeriods).toEqual([])
    expect(f.periods.map((m) => [m.fromPeriod, m.toPeriod, m.effectiveDate])).toEqual([
      ['rehabilitation', 'return', TODAY],
      ['education', 'rehabilitation', '2026-09-15'],
      ['detox', 'education', '2026-07-01'],
      [null, 'detox', '2026-06-01'],
    ])
    expect(err(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'detox', effectiveDate: TODAY }, officer(w))).fields?.to).toMatch(/^period\.backward_move/)
  })

  it('a correction with a reason may move backward and is flagged as a correction', () => {
    ok(call(w.dispatch, 'people:correctPeriod', { id: p1, seen: seenPeriod(w.db, p1), to: 'detox', effectiveDate: '2026-06-15', reason: '误录入教育适应期，更正' }, officer(w)))
    const f = get(w, p1)
    expect(f.period).toBe('detox')
    expect(f.periodSince).toBe('2026-06-15')
    expect(f.periods[0]).toMatchObject({ fromPeriod: 'education', toPeriod: 'detox', effectiveDate: '2026-06-15', correction: true, note: '误录入教育适应期，更正' })
    // the earlier moves are kept
    expect(f.periods).toHaveLength(3)
  })

  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['a one-character reason', { reason: '错' }],
    ['a reason of spaces', { reason: '    ' }],
  ])('a correction with %s is invalid_input on fields.reason, writes nothing', (_name, patch) => {
    const before = count(w.db, 'period_moves')
    const e = err(w.dispatch('people:correctPeriod', { id: p1, seen: seenPeriod(w.db, p1), to: 'education', effectiveDate: '2026-07-01', ...patch }, officer(w)))
    expect(e.code).toBe('invalid_input')
    expect(e.fields).toEqual({ reason: 'v.reason_required' })
    expect(count(w.db, 'period_moves')).toBe(before)
  })

  it.each([
    ['before admission', '2026-05-31', 'effectiveDate', 'period.before_admission'],
    ['in the future', '2026-11-24', 'effectiveDate', 'period.date_in_future'],
  ])('a correction dated %s is refused', (_name, effectiveDate, field, key) => {
    const e = err(call(w.dispatch, 'people:correctPeriod', { id: p2, seen: seenPeriod(w.db, p2), to: 'education', effectiveDate, reason: '补录' }, officer(w)))
    expect(e.code).toBe('rule_violation')
    expect(e.fields?.[field]).toBe(key)
  })

  it('a correction to the same period and date changes nothing and is refused', () => {
    const e = err(call(w.dispatch, 'people:correctPeriod', { id: p2, seen: seenPeriod(w.db, p2), to: 'detox', effectiveDate: '2026-06-01', reason: '无变化' }, officer(w)))
    expect(e.fields?.to).toBe('period.same_period')
  })

  it('nobody signed in cannot move periods', () => {
    const before = count(w.db, 'period_moves')
    expect(err(call(w.dispatch, 'people:movePeriod', { id: p2, seen: seenPeriod(w.db, p2), to: 'education', effectiveDate: '2026-07-01' }, null)).code).toBe('unauthenticated')
    expect(count(w.db, 'period_moves')).toBe(before)
  })
})

describe('period template with a minimum dwell time', () => {
  let w: World
  let p: string
  beforeAll(() => {
    w = setup()
    ok(
      call(w.dispatch, 'facility:setPeriodTemplate', {
        template: {
          id: 'province-x',
          name: '某省模板',
          moves: [
            ['detox', 'education'],
            ['detox', 'rehabilitation'],
            ['education', 'rehabilitation'],
            ['rehabilitation', 'return'],
          ],
          minDwellDays: { detox: 30, education: null, rehabilitation: 60, return: null },
        },
        version: ok(call(w.dispatch, 'facility:get', {}, admin(w))).versions.periodTemplate,
      }, admin(w)),
    )
    p = create(w, 0) // detox since 2026-06-01
  })
  afterAll(() => w.close())

  it('is what facility:get returns', () => {
    const f = ok(call(w.dispatch, 'facility:get', {}, officer(w)))
    expect(f.periodTemplate.id).toBe('province-x')
    expect(f.periodTemplate.minDwellDays.detox).toBe(30)
    expect(f.today).toBe(TODAY)
  })

  it.each([
    ['2026-06-20', 19],
    ['2026-06-30', 29],
  ])('refuses a move out of detox on %s (%i days < 30)', (effectiveDate, days) => {
    const e = err(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'education', effectiveDate }, officer(w)))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ effectiveDate: `period.min_dwell_not_met|{"minDwellDays":30,"daysInPeriod":${days}}` })
    expect(get(w, p).period).toBe('detox')
  })

  it('allows the move after exactly 30 days, and the template skip detox → rehabilitation', () => {
    ok(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'rehabilitation', effectiveDate: '2026-07-01' }, officer(w)))
    expect(get(w, p)).toMatchObject({ period: 'rehabilitation', periodSince: '2026-07-01', nextPeriods: ['return'] })
  })

  it('applies the next minimum (60 days in rehabilitation)', () => {
    // 2026-07-01 → 2026-08-29 = 59 days; → 2026-08-30 = 60 days
    expect(err(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'return', effectiveDate: '2026-08-29' }, officer(w))).fields?.effectiveDate).toBe(
      'period.min_dwell_not_met|{"minDwellDays":60,"daysInPeriod":59}',
    )
    ok(call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'return', effectiveDate: '2026-08-30' }, officer(w)))
  })

  it('a correction is not bound by the template or the dwell time', () => {
    const q = create(w, 1)
    ok(call(w.dispatch, 'people:correctPeriod', { id: q, seen: seenPeriod(w.db, q), to: 'return', effectiveDate: '2026-06-02', reason: '按原所档案补录' }, officer(w)))
    expect(get(w, q)).toMatchObject({ period: 'return', periodSince: '2026-06-02' })
  })

  it('refuses a template with a move from a period to itself, and only an admin may set one', () => {
    const template = {
      id: 'bad',
      name: '错误模板',
      moves: [['detox', 'detox']] as Array<['detox', 'detox']>,
      minDwellDays: { detox: null, education: null, rehabilitation: null, return: null },
    }
    const version = ok(call(w.dispatch, 'facility:get', {}, admin(w))).versions.periodTemplate
    expect(err(call(w.dispatch, 'facility:setPeriodTemplate', { template, version }, admin(w))).code).toBe('rule_violation')
    expect(err(call(w.dispatch, 'facility:setPeriodTemplate', { template, version }, officer(w))).code).toBe('forbidden')
    expect(ok(call(w.dispatch, 'facility:get', {}, admin(w))).periodTemplate.id).toBe('province-x')
  })
})

describe('ward assignment with history', () => {
  let w: World
  let p: string
  let wardC: string
  beforeAll(() => {
    w = setup()
    p = create(w, 0) // in 一大队 from 2026-06-01
    wardC = ok(call(w.dispatch, 'wards:create', { name: '三大队', capacity: 1 }, admin(w))).id
  })
  afterAll(() => w.close())

  it('closes the old assignment on the effective date and opens the new one', () => {
    ok(call(w.dispatch, 'people:assignWard', { id: p, seen: seenWard(w.db, p), wardId: w.wards.b, effectiveDate: '2026-08-01', note: '调整大队' }, officer(w)))
    const f = get(w, p)
    expect(f.wardId).toBe(w.wards.b)
    expect(f.wardName).toBe('二大队')
    expect(f.wards.map((a) => ({ wardName: a.wardName, startDate: a.startDate, endDate: a.endDate, note: a.note }))).toEqual([
      { wardName: '二大队', startDate: '2026-08-01', endDate: null, note: '调整大队' },
      { wardName: '一大队', startDate: '2026-06-01', endDate: '2026-08-01', note: null },
    ])
    expect(listRow(w, p)).toMatchObject({ wardId: w.wards.b, wardName: '二大队' })
    const wards = ok(call(w.dispatch, 'wards:list', {}, admin(w)))
    expect(wards.find((x) => x.id === w.wards.a)?.occupancy).toBe(0)
    expect(wards.find((x) => x.id === w.wards.b)?.occupancy).toBe(1)
    expect(wards.find((x) => x.id === w.wards.b)?.byPeriod).toEqual({ detox: 1, education: 0, rehabilitation: 0, return: 0 })
    // The officer of 一大队 handed the person over: the file is now 二大队's (包队责任制), the later moves are the
    // administrator's.
    expect(err(call(w.dispatch, 'people:get', { id: p }, officer(w))).key).toBe('err.ward_forbidden')
  })

  it('refuses the ward the person is already in', () => {
    const e = err(call(w.dispatch, 'people:assignWard', { id: p, seen: seenWard(w.db, p), wardId: w.wards.b, effectiveDate: '2026-09-01' }, admin(w)))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ wardId: 'ward.same_ward' })
  })

  it('refuses a date before the current assignment began', () => {
    const e = err(call(w.dispatch, 'people:assignWard', { id: p, seen: seenWard(w.db, p), wardId: w.wards.a, effectiveDate: '2026-07-31' }, admin(w)))
    expect(e.fields).toEqual({ effectiveDate: 'ward.before_current_start' })
    expect(get(w, p).wards).toHaveLength(2)
  })

  it('refuses a full ward and changes nothing', () => {
    const q = create(w, 1, { wardId: wardC }, admin(w))
    const assignments = count(w.db, 'ward_assignments')
    const e = err(call(w.dispatch, 'people:assignWard', { id: p, seen: seenWard(w.db, p), wardId: wardC, effectiveDate: '2026-09-01' }, admin(w)))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ wardId: 'ward.full|{"occupancy":1,"capacity":1}' })
    expect(count(w.db, 'ward_assignments')).toBe(assignments)
    expect(get(w, p).wardId).toBe(w.wards.b)
    expect(get(w, p).wards[0]).toMatchObject({ wardName: '二大队', endDate: null })
    // a new file cannot be placed there either
    const e2 = err(call(w.dispatch, 'people:create', personInput(wardC, { ...IDS[2], name: '满员' }), admin(w)))
    expect(e2.fields).toEqual({ wardId: 'ward.full|{"occupancy":1,"capacity":1}' })
    // voiding the occupant frees the place
    ok(call(w.dispatch, 'people:void', { id: q, reason: '重复建档' }, admin(w)))
    ok(call(w.dispatch, 'people:assignWard', { id: p, seen: seenWard(w.db, p), wardId: wardC, effectiveDate: '2026-09-01' }, admin(w)))
    expect(get(w, p).wards.map((a) => [a.wardName, a.startDate, a.endDate])).toEqual([
      ['三大队', '2026-09-01', null],
      ['二大队', '2026-08-01', '2026-09-01'],
      ['一大队', '2026-06-01', '2026-08-01'],
    ])
  })

  it('refuses an inactive ward', () => {
    const d = ok(call(w.dispatch, 'wards:create', { name: '四大队', capacity: 10 }, admin(w))).id
    ok(call(w.dispatch, 'wards:update', { id: d, revision: wardRevision(w.dispatch, admin(w), d), name: '四大队', capacity: 10, active: false }, admin(w)))
    const e = err(call(w.dispatch, 'people:assignWard', { id: p, seen: seenWard(w.db, p), wardId: d, effectiveDate: TODAY }, admin(w)))
    expect(e.fields).toEqual({ wardId: 'ward.inactive' })
  })

  it('refuses an unknown ward', () => {
    const e = err(call(w.dispatch, 'people:assignWard', { id: p, seen: seenWard(w.db, p), wardId: '00000000-0000-4000-8000-000000000000', effectiveDate: TODAY }, admin(w)))
    expect(e.code).toBe('invalid_input')
    expect(e.fields).toEqual({ wardId: 'err.not_found' })
  })
})

describe('edits keep history; voiding hides without deleting', () => {
  let w: World
  let p: string
  beforeAll(() => {
    w = setup()
    p = create(w, 0)
  })
  afterAll(() => w.close())

  const identity = (id: string) => get(w, id).identity

  it('people:update bumps the revision and people:history lists what changed', () => {
    const f = get(w, p)
    expect(f.revision).toBe(1)
    const r = ok(
      call(w.dispatch, 'people:update', {
        id: p,
        revision: 1,
        ...f.identity,
        householdAddress: '北京市西城区和平路2号',
        emergencyContactPhone: '13900000000',
        changeNote: '户籍迁移',
      }, officer(w)),
    )
    expect(r).toEqual({ revision: 2 })
    expect(get(w, p)).toMatchObject({ revision: 2, updatedBy: OFFICER, identity: { householdAddress: '北京市西城区和平路2号', emergencyContactPhone: '13900000000' } })

    const history = ok(call(w.dispatch, 'people:history', { id: p }, officer(w)))
    expect(history.map((h) => h.revision)).toEqual([2, 1])
    expect(history[0]).toEqual({
      revision: 2,
      changedAt: '2026-11-23T02:00:00.000Z',
      changedBy: OFFICER,
      changeNote: '户籍迁移',
      changes: [
        { field: 'householdAddress', before: '北京市东城区人民路1号', after: '北京市西城区和平路2号' },
        { field: 'emergencyContactPhone', before: '13800000000', after: '13900000000' },
      ],
    })
    // the first revision lists every field as new
    expect(history[1]!.changes).toHaveLength(13)
    expect(history[1]!.changes.every((c) => c.before === null)).toBe(true)
    expect(history[1]!.changes.find((c) => c.field === 'name')).toEqual({ field: 'name', before: null, after: '人员甲' })
    const audit = w.db.prepare("SELECT detail FROM audit_log WHERE method = 'people:update'").all()
    expect(audit).toEqual([{ detail: JSON.stringify({ changed: ['householdAddress', 'emergencyContactPhone'] }) }])
  })

  it('a stale revision is a conflict and changes nothing', () => {
    const revisions = count(w.db, 'person_revisions')
    const e = err(call(w.dispatch, 'people:update', { id: p, revision: 1, ...identity(p), name: '改名' }, officer(w)))
    // Who saved last and when (Beijing time), from the audit log: the officer's own edit to revision 2 above.
    const changedBy = { by: 'ward_officer-staff', at: '2026-11-23 10:00' }
    expect(e).toEqual({ code: 'conflict', key: 'person.stale_revision', changedBy, message: `档案已被他人修改，请刷新后重试（${changedBy.by} 于 ${changedBy.at} 保存了新的内容；您填写的内容仍在表单中，请刷新核对后再保存）` })
    expect(count(w.db, 'person_revisions')).toBe(revisions)
    expect(identity(p).name).toBe('人员甲')
  })

  it('an update that changes nothing keeps the revision', () => {
    const revisions = count(w.db, 'person_revisions')
    expect(ok(call(w.dispatch, 'people:update', { id: p, revision: 2, ...identity(p) }, officer(w)))).toEqual({ revision: 2 })
    expect(count(w.db, 'person_revisions')).toBe(revisions)
  })

  it('an update must still pass the identity rules', () => {
    const e = err(call(w.dispatch, 'people:update', { id: p, revision: 2, ...identity(p), sex: 'F' }, officer(w)))
    expect(e.code).toBe('invalid_input')
    expect(e.fields).toEqual({ sex: 'person.sex_mismatch|{"expected":"男"}' })
    expect(get(w, p).revision).toBe(2)
  })

  it('changing the decision date moves the last day', () => {
    // 2026-02-01 + 24 m = 2028-02-01, − 1 day = 2028-01-31
    ok(call(w.dispatch, 'people:update', { id: p, revision: 2, ...identity(p), decisionDate: '2026-02-01' }, officer(w)))
    const f = get(w, p)
    expect(f.revision).toBe(3)
    expect(f.term.result?.lastDay).toBe('2028-01-31')
    expect(listRow(w, p)?.lastDay).toBe('2028-01-31')
  })

  it('only a user with people.void may void, and a reason is required', () => {
    expect(err(call(w.dispatch, 'people:void', { id: p, reason: '重复建档' }, officer(w))).code).toBe('forbidden')
    expect(err(w.dispatch('people:void', { id: p }, admin(w)))).toMatchObject({ code: 'invalid_input', fields: { reason: 'v.reason_required' } })
    expect(get(w, p).voided).toBeNull()
  })

  it('voiding with a reason marks the file, keeps the row, refuses further edits, and hides it from lists', () => {
    const rowsBefore = count(w.db, 'people')
    ok(call(w.dispatch, 'people:void', { id: p, reason: '重复建档' }, admin(w)))
    const f = get(w, p)
    expect(f.voided).toEqual({ at: '2026-11-23T02:00:00.000Z', by: '管理员甲', reason: '重复建档' })
    expect(f.nextPeriods).toEqual([])
    expect(count(w.db, 'people')).toBe(rowsBefore)
    expect(count(w.db, 'person_revisions')).toBe(3)

    const refused = [
      call(w.dispatch, 'people:update', { id: p, revision: 3, ...f.identity, name: '再改' }, officer(w)),
      call(w.dispatch, 'people:movePeriod', { id: p, seen: seenPeriod(w.db, p), to: 'education', effectiveDate: TODAY }, officer(w)),
      call(w.dispatch, 'people:assignWard', { id: p, seen: seenWard(w.db, p), wardId: w.wards.b, effectiveDate: TODAY }, officer(w)),
      call(w.dispatch, 'people:addTermEvent', { id: p, kind: 'extension', months: 3, docNo: '延1', approvalDate: '2026-11-01' }, officer(w)),
      call(w.dispatch, 'people:void', { id: p, reason: '再次作废' }, admin(w)),
    ]
    for (const r of refused) expect(err(r)).toEqual({ code: 'rule_violation', key: 'person.voided', message: '档案已作废，不能修改' })
    expect(get(w, p).revision).toBe(3)

    const visible = ok(call(w.dispatch, 'people:list', {}, admin(w)))
    expect(visible.rows.map((r) => r.id)).not.toContain(p)
    expect(visible.total).toBe(0)
    const all = ok(call(w.dispatch, 'people:list', { includeVoided: true }, admin(w)))
    expect(all.total).toBe(1)
    expect(all.rows[0]).toMatchObject({ id: p, voided: true })
    const wards = ok(call(w.dispatch, 'wards:list', {}, admin(w)))
    expect(wards.find((x) => x.id === w.wards.a)?.occupancy).toBe(0)
  })

  it('the ID number of a voided file may be used for a new file', () => {
    const q = create(w, 0, { name: '重新建档' })
    expect(q).not.toBe(p)
    expect(get(w, q).voided).toBeNull()
  })
})

describe('term events', () => {
  let w: World
  beforeAll(() => {
    w = setup()
  })
  afterAll(() => w.close())

  const addEvent = (input: Input<'people:addTermEvent'>) => call(w.dispatch, 'people:addTermEvent', input, officer(w))

  it('a new file has the plain two-year term', () => {
    const p = create(w, 0) // decision 2026-03-01
    const f = get(w, p)
    // 2026-03-01 + 24 m = 2028-03-01, − 1 day = 2028-02-29; early release 2027-03-01
    expect(f.term.result).toMatchObject({ lastDay: '2028-02-29', earliestEarlyRelease: '2027-03-01', earlyReleaseAllowed: true, daysNotCounted: 0 })
    expect(f.term.openEscapeFrom).toBeNull()
    // 2026-11-23 → 2027-11-23 = 365; → 2028-02-23 = 92; → 2028-02-29 = 6
    expect(listRow(w, p)).toMatchObject({ lastDay: '2028-02-29', daysToLastDay: 463 })
  })

  it('extensions of 6 + 6 months are accepted; one more month is refused', () => {
    const p = create(w, 1)
    ok(addEvent({ id: p, kind: 'extension', months: 6, docNo: '延字〔2026〕1号', approvalDate: '2026-11-01' }))
    expect(get(w, p).term.result?.lastDay).toBe('2028-08-31') // 2026-03-01 + 30 m − 1 day
    const second = ok(addEvent({ id: p, kind: 'extension', months: 6, docNo: '延字〔2026〕2号', approvalDate: '2026-11-01' }))
    const f = get(w, p)
    expect(f.term.result?.lastDay).toBe('2029-02-28') // 2026-03-01 + 36 m − 1 day
    expect(f.term.result?.extensionMonths).toBe(12)
    expect(f.termEvents.map((e) => [e.kind, e.months, e.docNo])).toEqual([
      ['extension', 6, '延字〔2026〕1号'],
      ['extension', 6, '延字〔2026〕2号'],
    ])

    const events = count(w.db, 'term_events')
    const e = err(addEvent({ id: p, kind: 'extension', months: 1, docNo: '延字〔2026〕3号', approvalDate: '2026-11-01' }))
    expect(e.code).toBe('rule_violation')
    expect(e.fields?.months?.startsWith('term.extension_total')).toBe(true)
    expect(e.fields).toEqual({ months: 'term.extension_total|{"approved":12}' })
    expect(count(w.db, 'term_events')).toBe(events)
    expect(listRow(w, p)?.lastDay).toBe('2029-02-28')

    // voiding one extension brings the last day back and frees the months
    ok(call(w.dispatch, 'people:voidTermEvent', { id: p, eventId: second.eventId, reason: '决定书撤销' }, officer(w)))
    expect(get(w, p).term.result?.lastDay).toBe('2028-08-31')
    expect(get(w, p).termEvents.find((x) => x.id === second.eventId)).toMatchObject({ voided: true, voidReason: '决定书撤销' })
    ok(addEvent({ id: p, kind: 'extension', months: 3, docNo: '延字〔2026〕4号', approvalDate: '2026-11-01' }))
    expect(listRow(w, p)?.lastDay).toBe('2028-11-30') // 2026-03-01 + 33 m = 2028-12-01, − 1 day
  })

  it.each([
    [13, 'term.extension_range|{"min":1,"max":12}'],
    [0, 'term.extension_range|{"min":1,"max":12}'],
    [-1, 'term.extension_range|{"min":1,"max":12}'],
    [1.5, 'v.integer'],
  ])('an extension of %s months is invalid_input (%s)', (months, key) => {
    const p = create(w, 2)
    const e = err(w.dispatch('people:addTermEvent', { id: p, kind: 'extension', months, docNo: '延', approvalDate: '2026-11-01' }, officer(w)))
    expect(e.code).toBe('invalid_input')
    expect(e.fields?.months).toBe(key)
    expect(get(w, p).termEvents).toEqual([])
    ok(call(w.dispatch, 'people:void', { id: p, reason: '测试清理' }, admin(w)))
  })

  it('an escape with a return date moves the last day and bars early release', () => {
    const p = create(w, 3)
    ok(addEvent({ id: p, kind: 'escape', fromDate: '2026-07-01', toDate: '2026-07-11' }))
    const f = get(w, p)
    expect(f.term.result).toMatchObject({
      lastDay: '2028-03-10', // 2028-02-29 + 10
      earliestEarlyRelease: '2027-03-11', // 2027-03-01 + 10
      earlyReleaseAllowed: false,
      earlyReleaseBarredBy: 'escape',
      daysNotCounted: 10,
    })
    expect(listRow(w, p)).toMatchObject({ lastDay: '2028-03-10', daysToLastDay: 473 })
  })

  it.each([
    ['starts before the decision', { fromDate: '2026-02-28', toDate: '2026-03-05' }, 'fromDate', 'term.escape_before_decision'],
    ['returns before it starts', { fromDate: '2026-08-10', toDate: '2026-08-01' }, 'toDate', 'term.escape_order'],
    ['overlaps a recorded escape', { fromDate: '2026-07-05', toDate: '2026-07-20' }, 'fromDate', 'term.escape_overlap'],
    ['lies inside a recorded escape', { fromDate: '2026-07-02', toDate: '2026-07-03' }, 'fromDate', 'term.escape_overlap'],
    ['starts in the future', { fromDate: '2026-11-24', toDate: null }, 'fromDate', 'period.date_in_future'],
    ['returns in the future', { fromDate: '2026-11-01', toDate: '2026-11-24' }, 'toDate', 'period.date_in_future'],
  ])('an escape that %s is refused', (_name, dates, field, key) => {
    const p = create(w, 4)
    ok(addEvent({ id: p, kind: 'escape', fromDate: '2026-07-01', toDate: '2026-07-11' }))
    const e = err(addEvent({ id: p, kind: 'escape', ...dates }))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ [field]: key })
    expect(get(w, p).termEvents).toHaveLength(1)
    ok(call(w.dispatch, 'people:void', { id: p, reason: '测试清理' }, admin(w)))
  })

  it('an open escape leaves the stored last day empty until people:closeEscape', () => {
    const p = create(w, 5)
    const { eventId } = ok(addEvent({ id: p, kind: 'escape', fromDate: '2026-10-01', toDate: null }))
    let f = get(w, p)
    expect(f.term.openEscapeFrom).toBe('2026-10-01')
    // provisionally counted up to today: 2026-10-01 → 2026-11-23 = 53 days; 2028-02-29 + 53 = 2028-04-22
    expect(f.term.result).toMatchObject({ lastDay: '2028-04-22', daysNotCounted: 53, earlyReleaseAllowed: false })
    expect(listRow(w, p)).toMatchObject({ lastDay: null, daysToLastDay: null })

    // a second open escape is refused
    expect(err(addEvent({ id: p, kind: 'escape', fromDate: '2026-11-01', toDate: null })).fields).toEqual({ fromDate: 'term.escape_open' })
    // closing before it began is refused
    expect(err(call(w.dispatch, 'people:closeEscape', { id: p, eventId, toDate: '2026-09-30' }, officer(w))).fields).toEqual({ toDate: 'term.escape_order' })

    ok(call(w.dispatch, 'people:closeEscape', { id: p, eventId, toDate: '2026-10-15' }, officer(w)))
    f = get(w, p)
    expect(f.term.openEscapeFrom).toBeNull()
    expect(f.term.result).toMatchObject({ lastDay: '2028-03-14', daysNotCounted: 14, earlyReleaseAllowed: false }) // 2028-02-29 + 14
    expect(f.termEvents[0]).toMatchObject({ kind: 'escape', fromDate: '2026-10-01', toDate: '2026-10-15' })
    expect(listRow(w, p)).toMatchObject({ lastDay: '2028-03-14', daysToLastDay: 477 })

    const e = err(call(w.dispatch, 'people:closeEscape', { id: p, eventId, toDate: '2026-10-20' }, officer(w)))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ toDate: 'term.escape_not_open' })
  })

  it('a recorded bar rules out early release until it is lifted', () => {
    const p = create(w, 6)
    ok(call(w.dispatch, 'people:setEarlyReleaseBar', { id: p, reason: '拒绝社区康复后再次强制隔离戒毒', seen: null }, officer(w)))
    // Someone else's page still shows no bar: lifting "nothing" over the recorded bar is refused.
    expect(err(call(w.dispatch, 'people:setEarlyReleaseBar', { id: p, reason: '另一理由', seen: null }, officer(w))).key).toBe('person.stale_bar')
    let f = get(w, p)
    expect(f.term.result).toMatchObject({ earlyReleaseAllowed: false, earlyReleaseBarredBy: 'recorded_bar', lastDay: '2028-02-29' })
    expect(f.term.earlyReleaseBarReason).toBe('拒绝社区康复后再次强制隔离戒毒')
    ok(call(w.dispatch, 'people:setEarlyReleaseBar', { id: p, reason: null, seen: '拒绝社区康复后再次强制隔离戒毒' }, officer(w)))
    f = get(w, p)
    expect(f.term.result).toMatchObject({ earlyReleaseAllowed: true, earlyReleaseBarredBy: null })
    expect(f.term.earlyReleaseBarReason).toBeNull()
  })
})

describe('search', () => {
  let w: World
  let zhangsan: string
  let lisi: string
  let zhangli: string
  beforeAll(() => {
    w = setup()
    zhangsan = create(w, 0, { name: '张三' }) // 110101199003070011
    lisi = create(w, 1, { name: '李四' }) // 110101198506150035
    zhangli = create(w, 11, { name: '张丽' }) // 110101199505050061, female
    ok(call(w.dispatch, 'people:void', { id: zhangli, reason: '重复建档' }, admin(w)))
  })
  afterAll(() => w.close())

  const search = (q: string) => ok(call(w.dispatch, 'people:search', { q }, officer(w))).map((r) => r.id)

  it.each([
    ['zs', 'initials'],
    ['ZS', 'initials in capitals'],
    ['zhangsan', 'full pinyin'],
    ['zhang', 'the start of the pinyin'],
    ['zhang san', 'pinyin with a space'],
    ['张', 'a Chinese substring'],
    ['三', 'a Chinese substring (given name)'],
    ['张三', 'the whole name'],
    ['0011', 'the last 4 characters of the ID number'],
    ['19900307', 'the birth date inside the ID number'],
  ])('finds 张三 by %j (%s), and only him', (q) => {
    expect(search(q)).toEqual([zhangsan])
  })

  it.each([
    ['ls', [() => lisi]],
    ['lisi', [() => lisi]],
    ['李', [() => lisi]],
    ['0035', [() => lisi]],
  ])('finds 李四 by %j', (q, expected) => {
    expect(search(q)).toEqual(expected.map((f) => f()))
  })

  it.each(['zl', 'zhangli', '张丽', '0061', 'wangwu', '王', '%', '_', '99999'])('finds nothing for %j (voided files are not returned)', (q) => {
    expect(search(q)).toEqual([])
  })

  it('returns only the tail of the ID number', () => {
    const rows = ok(call(w.dispatch, 'people:search', { q: 'zs' }, officer(w)))
    expect(rows[0]).toMatchObject({ name: '张三', idTail: '0011', sex: 'M', birthDate: '1990-03-07' })
    expect(JSON.stringify(rows)).not.toContain('110101199003070011')
  })

  it('an empty query is invalid input', () => {
    expect(err(call(w.dispatch, 'people:search', { q: '  ' }, officer(w)))).toMatchObject({ code: 'invalid_input', fields: { q: 'v.required' } })
  })

  it('people:list filters the same way and can include voided files', () => {
    expect(ok(call(w.dispatch, 'people:list', { q: 'zhang' }, officer(w))).rows.map((r) => r.id)).toEqual([zhangsan])
    expect(ok(call(w.dispatch, 'people:list', { q: 'zhang', includeVoided: true }, officer(w))).rows.map((r) => r.id).sort()).toEqual([zhangsan, zhangli].sort())
    expect(ok(call(w.dispatch, 'people:list', { q: 'zl', includeVoided: true }, officer(w))).rows.map((r) => r.id)).toEqual([zhangli])
    expect(ok(call(w.dispatch, 'people:list', { sex: 'F', includeVoided: true }, officer(w))).rows.map((r) => r.id)).toEqual([zhangli])
  })

  it('people:list sorts by pinyin of the name', () => {
    expect(ok(call(w.dispatch, 'people:list', {}, officer(w))).rows.map((r) => r.name)).toEqual(['李四', '张三'])
    expect(ok(call(w.dispatch, 'people:list', { dir: 'desc' }, officer(w))).rows.map((r) => r.name)).toEqual(['张三', '李四'])
  })
})
