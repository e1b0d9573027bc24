/**
 * Trades, courses and enrolment (issue 12) on a real database through the dispatcher: field rules of each kind,
 * versions, voids, the list filters, capacity and the waiting list, and every enrolment transition (allowed and refused).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { DEFAULT_VOCATIONAL_SETTINGS } from '../../electron/shared/domain/vocational'
import { educationInput, insertCertificate, makePeople, tradeInput, vocationalInput } from './coursesFixtures'
import { call, count, err, makeWorld, ok, TODAY, type World } from './helpers'

let w: World
let voc: string
let tradeId: string

beforeEach(() => {
  w = makeWorld(['vocational', 'counsellor', 'ward_officer'])
  voc = w.sessions.vocational!
  tradeId = ok(call(w.dispatch, 'trades:create', tradeInput(), voc)).id
})
afterEach(() => w.close())

const createCourse = (overrides: Partial<Input<'courses:create'>> = {}) => ok(call(w.dispatch, 'courses:create', vocationalInput(tradeId, overrides), voc)).id

describe('trades', () => {
  it('are listed with their course count; names are unique; codes are digits and hyphens', () => {
    createCourse()
    expect(ok(call(w.dispatch, 'trades:list', {}, w.sessions.counsellor!))).toEqual([
      { id: tradeId, name: '中式面点师', code: '4-03-02-01', active: true, revision: 1, courseCount: 1 },
    ])
    expect(err(call(w.dispatch, 'trades:create', tradeInput({ code: null }), voc)).fields).toEqual({ name: 'course.trade_name_taken' })
    expect(err(call(w.dispatch, 'trades:create', tradeInput({ name: '电工', code: '4-03-AB' }), voc)).fields).toEqual({ code: 'course.trade_code' })
    expect(err(call(w.dispatch, 'trades:create', tradeInput({ name: '电工', code: '1'.repeat(21) }), voc)).fields?.code).toMatch(/^v\.too_long/)
    expect(err(call(w.dispatch, 'trades:create', tradeInput({ name: '超'.repeat(31) }), voc)).fields?.name).toMatch(/^v\.too_long/)
    expect(ok(call(w.dispatch, 'trades:create', tradeInput({ name: '电工', code: '' }), voc))).toHaveProperty('id')
    expect(count(w.db, 'trades')).toBe(2)
  })

  it('an edit names its revision; a stale one is refused; a retired trade takes no new course', () => {
    expect(ok(call(w.dispatch, 'trades:update', { id: tradeId, revision: 1, name: '中式面点师', code: '4-03-02-01', active: false }, voc))).toEqual({ revision: 2 })
    expect(err(call(w.dispatch, 'trades:update', { id: tradeId, revision: 1, name: '面点', code: null, active: true }, voc)).key).toBe('course.stale_revision')
    expect(err(call(w.dispatch, 'courses:create', vocationalInput(tradeId), voc)).fields).toEqual({ tradeId: 'course.trade_inactive' })
  })

  it('only vocational staff and administrators record; everyone reads', () => {
    expect(err(call(w.dispatch, 'trades:create', tradeInput({ name: '电工' }), w.sessions.counsellor!)).code).toBe('forbidden')
    expect(ok(call(w.dispatch, 'trades:list', {}, w.sessions.ward_officer!))).toHaveLength(1)
  })
})

describe('courses', () => {
  it.each([
    ['vocational without trade', { tradeId: null }, { tradeId: 'course.trade_required' }],
    ['vocational without level', { level: null }, { level: 'course.level_required' }],
    ['end before start', { endDate: '2026-08-31' }, { endDate: 'course.end_before_start' }],
  ])('a %s is refused at its field', (_label, overrides, fields) => {
    expect(err(call(w.dispatch, 'courses:create', vocationalInput(tradeId, overrides), voc)).fields).toEqual(fields)
    expect(count(w.db, 'courses')).toBe(0)
  })

  it.each([
    ['capacity', 0, 'v.range|{"min":1,"max":500}'],
    ['capacity', 501, 'v.range|{"min":1,"max":500}'],
    ['plannedHours', 0.4, 'v.range|{"min":0.5,"max":2000}'],
    ['plannedHours', 2000.5, 'v.range|{"min":0.5,"max":2000}'],
    ['theoryPassMark', 100.5, 'v.range|{"min":0,"max":100}'],
    ['practicalPassMark', -1, 'v.range|{"min":0,"max":100}'],
  ])('%s %s is refused, stating the limits', (field, value, message) => {
    expect(err(call(w.dispatch, 'courses:create', vocationalInput(tradeId, { [field]: value }), voc)).fields).toEqual({ [field]: message })
  })

  it.each([
    ['capacity', 1],
    ['capacity', 500],
    ['plannedHours', 0.5],
    ['plannedHours', 2000],
    ['theoryPassMark', 0],
    ['theoryPassMark', 100],
  ])('%s %s is accepted', (field, value) => {
    expect(ok(call(w.dispatch, 'courses:create', vocationalInput(tradeId, { [field]: value }), voc))).toHaveProperty('id')
  })

  it('an education class needs a subject and has neither trade nor level', () => {
    expect(err(call(w.dispatch, 'courses:create', educationInput({ subject: null }), voc)).fields).toEqual({ subject: 'course.subject_required' })
    expect(err(call(w.dispatch, 'courses:create', educationInput({ tradeId, level: 3 }), voc)).fields).toEqual({
      tradeId: 'course.education_no_trade',
      level: 'course.education_no_trade',
    })
    const id = ok(call(w.dispatch, 'courses:create', educationInput({ subject: '自编科目' }), voc)).id
    expect(ok(call(w.dispatch, 'courses:get', { id }, voc))).toMatchObject({ kind: 'education', subject: '自编科目', tradeName: null, level: null })
  })

  it('the page shows every column and the pass marks in force: the course\'s, else the setting', () => {
    const id = createCourse({ theoryPassMark: 70 })
    const detail = ok(call(w.dispatch, 'courses:get', { id }, w.sessions.counsellor!))
    expect(detail).toMatchObject({
      kind: 'vocational', tradeName: '中式面点师', tradeCode: '4-03-02-01', level: 5, evaluationBody: '某市职业技能鉴定中心', place: '习艺楼 2 层',
      theoryPassMark: 70, practicalPassMark: null, effectivePassMarks: { theory: 70, practical: DEFAULT_VOCATIONAL_SETTINGS.passMark },
      enrolled: 0, waiting: 0, sessionsHeld: 0, hoursHeld: 0, voided: null,
      figures: { enrolled: 0, sat: 0, passRate: null, certificationRate: null },
    })
  })

  it('lists by status, year and trade, newest start first', () => {
    const current = createCourse({ name: '本期' })
    const planned = createCourse({ name: '下期', startDate: '2027-01-05', endDate: '2027-04-30' })
    const finished = createCourse({ name: '上期', startDate: '2025-11-01', endDate: '2026-02-28' })
    const other = ok(call(w.dispatch, 'trades:create', tradeInput({ name: '电工', code: null }), voc)).id
    const electric = createCourse({ name: '电工班', tradeId: other })
    ok(call(w.dispatch, 'courses:create', educationInput(), voc))
    const names = (input: Partial<Input<'courses:list'>>) => ok(call(w.dispatch, 'courses:list', { kind: 'vocational', ...input }, voc)).rows.map((r) => r.id)
    // Same start: by name (本期 before 电工班 in code-point order).
    expect(names({})).toEqual([planned, current, electric, finished])
    expect(names({ status: 'current' }).sort()).toEqual([current, electric].sort())
    expect(names({ status: 'planned' })).toEqual([planned])
    expect(names({ status: 'finished' })).toEqual([finished])
    expect(names({ year: 2025 })).toEqual([finished])
    expect(names({ year: 2026 }).sort()).toEqual([current, electric, finished].sort())
    expect(names({ tradeId: other })).toEqual([electric])
    expect(names({ tradeId: other, status: 'finished' })).toEqual([])
    const page = ok(call(w.dispatch, 'courses:list', { kind: 'vocational', limit: 2 }, voc))
    expect(page.total).toBe(4)
    expect(page.rows).toHaveLength(2)
    expect(ok(call(w.dispatch, 'courses:list', { kind: 'education' }, voc)).total).toBe(1)
  })

  it('an edit names its revision; capacity never drops below the places held; dates keep the sessions', () => {
    const id = createCourse({ capacity: 3 })
    const people = makePeople(w, 'a', 2)
    ok(call(w.dispatch, 'courses:enrol', { courseId: id, personIds: people, date: '2026-09-01' }, voc))
    ok(call(w.dispatch, 'courses:recordSession', {
      courseId: id, date: '2026-10-10', startTime: '08:30', hours: 2, topic: '和面', attendance: people.map((personId) => ({ personId, status: 'present' as const })),
    }, voc))
    const edit = { id, revision: 1, ...vocationalInput(tradeId, { capacity: 1 }) } as Input<'courses:update'> & { kind?: string }
    delete edit.kind
    expect(err(call(w.dispatch, 'courses:update', edit, voc)).fields).toEqual({ capacity: 'course.capacity_below_enrolled|{"enrolled":2}' })
    expect(err(call(w.dispatch, 'courses:update', { ...edit, capacity: 2, startDate: '2026-10-11' }, voc)).fields).toEqual({
      startDate: 'course.dates_exclude_sessions|{"first":"2026-10-10","last":"2026-10-10"}',
    })
    expect(ok(call(w.dispatch, 'courses:update', { ...edit, capacity: 2, name: '面点班' }, voc))).toEqual({ revision: 2 })
    expect(err(call(w.dispatch, 'courses:update', { ...edit, capacity: 2 }, voc)).key).toBe('course.stale_revision')
    expect(ok(call(w.dispatch, 'courses:get', { id }, voc))).toMatchObject({ name: '面点班', capacity: 2, revision: 2 })
  })

  it('a void names a reason, leaves the list, and waits for the course\'s certificates to be voided', () => {
    const id = createCourse()
    const [p] = makePeople(w, 'a', 1)
    insertCertificate(w.db, id, p!, 'Y000000000000000000001')
    expect(err(call(w.dispatch, 'courses:void', { id, revision: 1, reason: '录入错误' }, voc)).key).toBe('course.has_certificates|{"count":1}')
    w.db.prepare("UPDATE certificates SET voided_at = '2026-11-21', voided_by = (SELECT id FROM staff LIMIT 1), void_reason = 'x'").run()
    expect(err(call(w.dispatch, 'courses:void', { id, revision: 1, reason: '' }, voc)).fields).toEqual({ reason: 'v.reason_required' })
    expect(ok(call(w.dispatch, 'courses:void', { id, revision: 1, reason: '录入错误' }, voc))).toBeNull()
    expect(ok(call(w.dispatch, 'courses:list', { kind: 'vocational' }, voc)).total).toBe(0)
    expect(ok(call(w.dispatch, 'courses:get', { id }, voc)).voided).toMatchObject({ reason: '录入错误', by: 'vocational-staff' })
    expect(err(call(w.dispatch, 'courses:update', { id, revision: 2, ...vocationalInput(tradeId) }, voc)).key).toBe('course.voided')
  })
})

describe('enrolment', () => {
  let courseId: string
  let people: string[]
  beforeEach(() => {
    courseId = createCourse({ capacity: 3 })
    people = makePeople(w, 'a', 5)
  })
  const roster = () => ok(call(w.dispatch, 'courses:roster', { courseId }, voc))
  const enrolment = (personId: string) => roster().find((r) => r.personId === personId)!

  it('fills places up to capacity; beyond it only onto the waiting list', () => {
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: people.slice(0, 2), date: '2026-09-01' }, voc))
    expect(err(call(w.dispatch, 'courses:enrol', { courseId, personIds: people.slice(2, 4), date: '2026-09-02' }, voc))).toMatchObject({
      code: 'rule_violation', fields: { personIds: 'course.over_capacity|{"capacity":3,"taken":2,"free":1}' },
    })
    expect(count(w.db, 'enrolments')).toBe(2)
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: people.slice(2, 4), date: '2026-09-02', waiting: true }, voc))
    expect(roster().map((r) => [r.name, r.status])).toEqual([
      ['安明', 'enrolled'], ['白明', 'enrolled'], ['陈明', 'waiting'], ['邓明', 'waiting'],
    ])
    expect(enrolment(people[0]!)).toMatchObject({ appliedOn: '2026-09-01', enrolledOn: '2026-09-01', idNumberMasked: expect.stringMatching(/^110101\*{8}\d{3}[\dX]$/) })
    expect(enrolment(people[2]!)).toMatchObject({ enrolledOn: null, sessionsCounted: 0, attendanceRate: null, finalResult: null })
    expect(ok(call(w.dispatch, 'courses:get', { id: courseId }, voc))).toMatchObject({ enrolled: 2, waiting: 2 })
  })

  it('refuses, naming them, people already on the course, without a current stay, or enrolled before admission', () => {
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[0]!], date: '2026-09-01' }, voc))
    w.db.prepare('UPDATE people SET ward_id = NULL WHERE id = ?').run(people[1])
    const refused = err(call(w.dispatch, 'courses:enrol', { courseId, personIds: people.slice(0, 2), date: '2026-09-01' }, voc))
    expect(refused.fields).toEqual({ 'personIds.0': 'course.already_on_course|{"name":"安明"}', 'personIds.1': 'course.no_current_stay|{"name":"白明"}' })
    expect(err(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[2]!], date: '2026-05-01' }, voc)).fields).toEqual({
      'personIds.0': 'course.date_before_admission|{"name":"陈明","admission":"2026-06-01"}',
    })
    expect(err(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[2]!, people[2]!], date: '2026-09-01' }, voc)).fields).toEqual({ personIds: 'course.duplicate_person' })
    expect(err(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[2]!], date: '2026-11-24' }, voc)).fields).toEqual({ date: 'v.date_in_future' })
    expect(count(w.db, 'enrolments')).toBe(1)
  })

  type Action = Input<'courses:setEnrolment'>['action']
  const TRANSITIONS: Array<[string, 'waiting' | 'enrolled' | 'withdrawn' | 'completed', Action, string | null]> = [
    ['waiting → enrolled', 'waiting', 'enrol', 'enrolled'],
    ['waiting → withdrawn', 'waiting', 'withdraw', 'withdrawn'],
    ['waiting cannot complete', 'waiting', 'complete', null],
    ['waiting cannot be reinstated', 'waiting', 'reinstate', null],
    ['enrolled cannot enrol again', 'enrolled', 'enrol', null],
    ['enrolled → withdrawn', 'enrolled', 'withdraw', 'withdrawn'],
    ['enrolled → completed', 'enrolled', 'complete', 'completed'],
    ['enrolled cannot be reinstated', 'enrolled', 'reinstate', null],
    ['withdrawn cannot enrol', 'withdrawn', 'enrol', null],
    ['withdrawn cannot withdraw again', 'withdrawn', 'withdraw', null],
    ['withdrawn cannot complete', 'withdrawn', 'complete', null],
    ['withdrawn → enrolled (reinstated)', 'withdrawn', 'reinstate', 'enrolled'],
    ['completed cannot enrol', 'completed', 'enrol', null],
    ['completed cannot withdraw', 'completed', 'withdraw', null],
    ['completed cannot complete again', 'completed', 'complete', null],
    ['completed → enrolled (completion corrected)', 'completed', 'reinstate', 'enrolled'],
  ]

  /** Brings the first person's enrolment into `state`; returns its id and revision. */
  function enrolmentIn(state: 'waiting' | 'enrolled' | 'withdrawn' | 'completed'): { enrolmentId: string; revision: number } {
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[0]!], date: '2026-09-01', waiting: state === 'waiting' }, voc))
    const { enrolmentId } = enrolment(people[0]!)
    if (state === 'withdrawn') ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId, revision: 1, action: 'withdraw', date: '2026-10-01', withdrawReason: 'medical' }, voc))
    if (state === 'completed') ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId, revision: 1, action: 'complete', date: '2026-11-20' }, voc))
    return { enrolmentId, revision: state === 'waiting' || state === 'enrolled' ? 1 : 2 }
  }

  it.each(TRANSITIONS)('%s', (_label, from, action, to) => {
    const { enrolmentId, revision } = enrolmentIn(from)
    const result = call(w.dispatch, 'courses:setEnrolment', { enrolmentId, revision, action, date: '2026-11-20', withdrawReason: action === 'withdraw' ? 'refused' : null }, voc)
    if (to === null) {
      expect(err(result)).toMatchObject({ code: 'rule_violation', fields: { action: 'course.bad_transition' } })
      expect(enrolment(people[0]!).status).toBe(from)
    } else {
      expect(ok(result)).toEqual({ revision: revision + 1 })
      expect(enrolment(people[0]!)).toMatchObject({ status: to, revision: revision + 1 })
    }
  })

  it('a withdrawal needs a reason, and text for "other"; it keeps the enrolment date and records the last day', () => {
    const { enrolmentId } = enrolmentIn('enrolled')
    const base = { enrolmentId, revision: 1, action: 'withdraw' as const, date: '2026-10-15' }
    expect(err(call(w.dispatch, 'courses:setEnrolment', base, voc)).fields).toEqual({ withdrawReason: 'course.withdraw_reason' })
    expect(err(call(w.dispatch, 'courses:setEnrolment', { ...base, withdrawReason: 'other' }, voc)).fields).toEqual({ withdrawText: 'course.withdraw_text' })
    ok(call(w.dispatch, 'courses:setEnrolment', { ...base, withdrawReason: 'other', withdrawText: '调往外省' }, voc))
    expect(enrolment(people[0]!)).toMatchObject({ status: 'withdrawn', enrolledOn: '2026-09-01', endedOn: '2026-10-15', withdrawReason: 'other', withdrawText: '调往外省' })
  })

  it('dates: no withdrawal before a session the person attended, no completion before the start, none in the future', () => {
    const { enrolmentId } = enrolmentIn('enrolled')
    ok(call(w.dispatch, 'courses:recordSession', { courseId, date: '2026-10-20', startTime: '08:30', hours: 2, topic: '发面', attendance: [{ personId: people[0]!, status: 'present' }] }, voc))
    const withdraw = { enrolmentId, revision: 1, action: 'withdraw' as const, withdrawReason: 'released' as const }
    expect(err(call(w.dispatch, 'courses:setEnrolment', { ...withdraw, date: '2026-10-19' }, voc)).fields).toEqual({ date: 'course.attended_after|{"date":"2026-10-20"}' })
    expect(err(call(w.dispatch, 'courses:setEnrolment', { ...withdraw, date: '2026-11-24' }, voc)).fields).toEqual({ date: 'v.date_in_future' })
    expect(err(call(w.dispatch, 'courses:setEnrolment', { ...withdraw, date: '2026-08-31' }, voc)).fields).toEqual({ date: 'course.date_before_enrolled|{"date":"2026-09-01"}' })
    ok(call(w.dispatch, 'courses:setEnrolment', { ...withdraw, date: '2026-10-20' }, voc))
    const late = ok(call(w.dispatch, 'courses:create', vocationalInput(tradeId, { startDate: '2026-11-22' }), voc)).id
    ok(call(w.dispatch, 'courses:enrol', { courseId: late, personIds: [people[1]!], date: '2026-11-01' }, voc))
    const second = ok(call(w.dispatch, 'courses:roster', { courseId: late }, voc))[0]!
    expect(err(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: second.enrolmentId, revision: 1, action: 'complete', date: '2026-11-21' }, voc)).fields).toEqual({
      date: 'course.complete_before_start|{"date":"2026-11-22"}',
    })
  })

  it('a waiting person is enrolled only into a free place; a reinstated withdrawal needs one too', () => {
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: people.slice(0, 3), date: '2026-09-01' }, voc))
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[3]!], date: '2026-09-01', waiting: true }, voc))
    const waiting = enrolment(people[3]!)
    expect(err(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: waiting.enrolmentId, revision: 1, action: 'enrol', date: TODAY }, voc)).key).toBe('course.no_free_place|{"capacity":3}')
    const first = enrolment(people[0]!)
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: first.enrolmentId, revision: 1, action: 'withdraw', date: '2026-10-01', withdrawReason: 'released' }, voc))
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: waiting.enrolmentId, revision: 1, action: 'enrol', date: TODAY }, voc))
    expect(err(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: first.enrolmentId, revision: 2, action: 'reinstate', date: TODAY }, voc)).key).toBe('course.no_free_place|{"capacity":3}')
  })

  it('a withdrawal from the waiting list is reinstated to the waiting list; a certified completion stays', () => {
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[0]!], date: '2026-09-01', waiting: true }, voc))
    const e = enrolment(people[0]!)
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: e.enrolmentId, revision: 1, action: 'withdraw', date: '2026-09-05', withdrawReason: 'refused' }, voc))
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: e.enrolmentId, revision: 2, action: 'reinstate', date: TODAY }, voc))
    expect(enrolment(people[0]!)).toMatchObject({ status: 'waiting', enrolledOn: null, endedOn: null, withdrawReason: null })
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[1]!], date: '2026-09-01' }, voc))
    const done = enrolment(people[1]!)
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: done.enrolmentId, revision: 1, action: 'complete', date: '2026-11-20' }, voc))
    insertCertificate(w.db, courseId, people[1]!, 'Y000000000000000000002')
    expect(err(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: done.enrolmentId, revision: 2, action: 'reinstate', date: TODAY }, voc)).key).toBe('course.certified_stays')
  })

  it('a stale revision is refused and changes nothing', () => {
    const { enrolmentId } = enrolmentIn('enrolled')
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId, revision: 1, action: 'complete', date: '2026-11-20' }, voc))
    expect(err(call(w.dispatch, 'courses:setEnrolment', { enrolmentId, revision: 1, action: 'withdraw', date: '2026-11-20', withdrawReason: 'released' }, voc))).toMatchObject({
      code: 'conflict', key: 'course.stale_revision',
    })
    expect(enrolment(people[0]!).status).toBe('completed')
  })
})

describe('settings', () => {
  it('read with defaults, saved by version, checked', () => {
    const settings = ok(call(w.dispatch, 'courses:settings', {}, w.sessions.counsellor!))
    expect(settings).toMatchObject({ ...DEFAULT_VOCATIONAL_SETTINGS, version: 'default' })
    const next = { passMark: 65, minAttendanceRate: 0.9, educationSubjects: ['法治教育', '禁毒教育'], version: settings.version }
    expect(err(call(w.dispatch, 'courses:setSettings', next, voc)).code).toBe('forbidden')
    ok(call(w.dispatch, 'courses:setSettings', next, w.sessions.admin!))
    expect(err(call(w.dispatch, 'courses:setSettings', next, w.sessions.admin!)).key).toBe('settings.stale')
    const fresh = ok(call(w.dispatch, 'courses:settings', {}, voc))
    expect(fresh).toMatchObject({ passMark: 65, minAttendanceRate: 0.9, educationSubjects: ['法治教育', '禁毒教育'] })
    expect(err(call(w.dispatch, 'courses:setSettings', { ...next, version: fresh.version, passMark: 101, minAttendanceRate: 1.1, educationSubjects: ['甲', '甲'] }, w.sessions.admin!)).fields).toEqual({
      passMark: 'v.range|{"min":0,"max":100}',
      minAttendanceRate: 'v.range|{"min":0,"max":1}',
      'educationSubjects.1': 'course.duplicate_subject',
    })
    expect(err(call(w.dispatch, 'courses:setSettings', { ...next, version: fresh.version, educationSubjects: [] }, w.sessions.admin!)).fields).toEqual({ educationSubjects: 'v.required' })
    // A course without its own marks is scored against the new pass mark.
    expect(ok(call(w.dispatch, 'courses:get', { id: createCourse() }, voc)).effectivePassMarks).toEqual({ theory: 65, practical: 65 })
  })
})
