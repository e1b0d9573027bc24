/**
 * Class sessions and the attendance register (issue 12) on a real database: who is on a day's register, a register
 * that must cover it exactly, every attendance code and its hours (both sides of each limit), the attendance rate with
 * excused sessions, edits by revision with every revision kept, and voids.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../electron/shared/domain/vocational'
import { makePeople, personName, tradeInput, vocationalInput } from './coursesFixtures'
import { call, count, err, makeWorld, ok, type World } from './helpers'

let w: World
let voc: string
let courseId: string
let people: string[]

beforeEach(() => {
  w = makeWorld(['vocational'])
  voc = w.sessions.vocational!
  const tradeId = ok(call(w.dispatch, 'trades:create', tradeInput(), voc)).id
  courseId = ok(call(w.dispatch, 'courses:create', vocationalInput(tradeId), voc)).id
  people = makePeople(w, 'a', 4)
  ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: people.slice(0, 3), date: '2026-09-01' }, voc))
})
afterEach(() => w.close())

type Entry = Input<'courses:recordSession'>['attendance'][number]
/** A session on `date` with the given people present except the exceptions. */
function session(date: string, who: string[], exceptions: Record<string, Partial<Entry>> = {}, overrides: Partial<Input<'courses:recordSession'>> = {}): Input<'courses:recordSession'> {
  return {
    courseId, date, startTime: '08:30', hours: 2, topic: '和面与发面',
    attendance: who.map((personId) => ({ personId, status: 'present' as const, ...exceptions[personId] })), ...overrides,
  }
}
const roster = () => ok(call(w.dispatch, 'courses:roster', { courseId }, voc))
const rosterOf = (personId: string) => roster().find((r) => r.personId === personId)!
const enrolmentOf = (personId: string) => rosterOf(personId).enrolmentId

describe('the register of a day', () => {
  it('lists who is on the course that day, all present with the hours asked for', () => {
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[3]!], date: '2026-10-01' }, voc))
    const day = (date: string) => ok(call(w.dispatch, 'courses:register', { courseId, date, hours: 2 }, voc))
    expect(day('2026-09-15').map((r) => r.name)).toEqual([personName(0), personName(1), personName(2)])
    expect(day('2026-10-01').map((r) => r.name)).toHaveLength(4)
    expect(day('2026-10-01')[0]).toMatchObject({ status: 'present', hours: 2, enrolmentStatus: 'enrolled', wardName: '一大队' })
    expect(ok(call(w.dispatch, 'courses:register', { courseId, date: '2026-10-01' }, voc))[0]!.hours).toBeNull()
  })

  it('a withdrawal keeps the person on the register up to its date; a completion while the course runs; the waiting list never', () => {
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: enrolmentOf(people[0]!), revision: 1, action: 'withdraw', date: '2026-10-10', withdrawReason: 'released' }, voc))
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: enrolmentOf(people[1]!), revision: 1, action: 'complete', date: '2026-10-10' }, voc))
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [people[3]!], date: '2026-09-01', waiting: true }, voc))
    const names = (date: string) => ok(call(w.dispatch, 'courses:register', { courseId, date }, voc)).map((r) => r.name)
    expect(names('2026-10-10')).toEqual([personName(0), personName(1), personName(2)])
    expect(names('2026-10-11')).toEqual([personName(1), personName(2)])
  })
})

describe('recording a session', () => {
  it('saves the register whole: a missing person is named, an extra one refused at the field, nothing saved', () => {
    const missing = err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', people.slice(0, 2)), voc))
    expect(missing).toMatchObject({ code: 'conflict', key: `course.missing_from_register|${JSON.stringify({ names: personName(2) })}` })
    const extra = err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', people), voc))
    expect(extra.fields).toEqual({ 'attendance.3.personId': `course.not_on_register|${JSON.stringify({ name: personName(3), date: '2026-11-02' })}` })
    const twice = err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', [...people.slice(0, 3), people[0]!]), voc))
    expect(twice.fields).toEqual({ 'attendance.3.personId': 'course.duplicate_person' })
    expect(count(w.db, 'course_sessions')).toBe(0)
    expect(count(w.db, 'course_attendance')).toBe(0)
    const { id } = ok(call(w.dispatch, 'courses:recordSession', session('2026-11-02', people.slice(0, 3)), voc))
    const detail = ok(call(w.dispatch, 'courses:session', { id }, voc))
    expect(detail).toMatchObject({ courseId, date: '2026-11-02', hours: 2, revision: 1, recordedBy: 'vocational-staff', counts: { present: 3, late: 0 } })
    expect(detail.attendance.map((a) => [a.name, a.status, a.hours])).toEqual(people.slice(0, 3).map((_, k) => [personName(k), 'present', 2]))
    expect(count(w.db, 'course_session_revisions')).toBe(1)
  })

  it.each(ATTENDANCE_STATUSES.map((s) => [s]))('attendance code %s is recorded with its hours', (status: AttendanceStatus) => {
    const attended = status === 'present' || status === 'late'
    const entry: Partial<Entry> = { status, reasonText: status === 'other' ? '家属会见' : null, ...(status === 'late' ? { hours: 1.5 } : {}) }
    const { id } = ok(call(w.dispatch, 'courses:recordSession', session('2026-11-02', people.slice(0, 3), { [people[0]!]: entry }), voc))
    const row = ok(call(w.dispatch, 'courses:session', { id }, voc)).attendance.find((a) => a.personId === people[0])!
    expect(row).toMatchObject({ status, hours: status === 'late' ? 1.5 : attended ? 2 : 0 })
  })

  it('"other" needs its text', () => {
    const refused = err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', people.slice(0, 3), { [people[1]!]: { status: 'other' } }), voc))
    expect(refused.fields).toEqual({ 'attendance.1.reasonText': 'course.reason_text_required' })
  })

  it.each([
    ['present, more than the session', 'present', 2.5, 'course.hours_over_session|{"max":2}'],
    ['late, more than the session', 'late', 2.1, 'course.hours_over_session|{"max":2}'],
    ['present, negative', 'present', -0.5, 'v.range|{"min":0,"max":8}'],
    ['absent, hours credited', 'absent_sick', 1, 'course.hours_for_absence'],
    ['excused, hours credited', 'excused_activity', 0.5, 'course.hours_for_absence'],
  ] as const)('hours refused: %s', (_label, status, hours, message) => {
    const refused = err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', people.slice(0, 3), { [people[0]!]: { status, hours } }), voc))
    expect(refused.fields).toEqual({ 'attendance.0.hours': message })
  })

  it.each([
    ['present, exactly the session', 'present', 2],
    ['late, none', 'late', 0],
    ['absent, zero', 'absent_refused', 0],
  ] as const)('hours accepted: %s', (_label, status, hours) => {
    ok(call(w.dispatch, 'courses:recordSession', session('2026-11-02', people.slice(0, 3), { [people[0]!]: { status, hours } }), voc))
  })

  it('session hours 0.5–8; inside the course dates; not in the future; one per date and start time', () => {
    const all = people.slice(0, 3)
    expect(err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', all, {}, { hours: 8.5 }), voc)).fields).toEqual({ hours: 'v.range|{"min":0.5,"max":8}' })
    expect(err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', all, {}, { hours: 0.4 }), voc)).fields).toEqual({ hours: 'v.range|{"min":0.5,"max":8}' })
    expect(err(call(w.dispatch, 'courses:recordSession', session('2026-08-31', all), voc)).fields).toEqual({
      date: 'course.session_outside_course|{"start":"2026-09-01","end":"2026-12-31"}',
    })
    expect(err(call(w.dispatch, 'courses:recordSession', session('2026-11-24', all), voc)).fields).toEqual({ date: 'v.date_in_future' })
    expect(err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', all, {}, { startTime: '8:30' }), voc)).fields).toEqual({ startTime: 'training.time' })
    ok(call(w.dispatch, 'courses:recordSession', session('2026-11-02', all), voc))
    expect(err(call(w.dispatch, 'courses:recordSession', session('2026-11-02', all), voc)).fields).toEqual({
      startTime: 'course.session_taken|{"date":"2026-11-02","time":"08:30"}',
    })
    ok(call(w.dispatch, 'courses:recordSession', session('2026-11-02', all, {}, { startTime: '14:00' }), voc))
    expect(ok(call(w.dispatch, 'courses:sessions', { courseId }, voc))).toMatchObject({ total: 2, rows: [{ startTime: '14:00' }, { startTime: '08:30' }] })
  })
})

describe('attendance rate and edits', () => {
  it('counts attended ÷ (recorded − excused), with hours, over live sessions only', () => {
    const all = people.slice(0, 3)
    const p = people[0]!
    const marks: Array<[string, Partial<Entry>]> = [
      ['2026-10-05', {}],
      ['2026-10-12', { status: 'excused_activity' }],
      ['2026-10-19', { status: 'absent_sick' }],
      ['2026-10-26', { status: 'late', hours: 1 }],
    ]
    const ids = marks.map(([date, entry]) => ok(call(w.dispatch, 'courses:recordSession', session(date, all, { [p]: entry }), voc)).id)
    // 4 recorded, 1 excused → 3 counted; present + late → 2 attended: 66.7 %; hours 2 + 1.
    expect(rosterOf(p)).toMatchObject({ sessionsCounted: 3, attended: 2, attendanceRate: 66.7, hours: 3 })
    expect(rosterOf(people[1]!)).toMatchObject({ sessionsCounted: 4, attended: 4, attendanceRate: 100, hours: 8 })
    ok(call(w.dispatch, 'courses:voidSession', { id: ids[2]!, revision: 1, reason: '日期录错' }, voc))
    expect(rosterOf(p)).toMatchObject({ sessionsCounted: 2, attended: 2, attendanceRate: 100 })
    expect(err(call(w.dispatch, 'courses:voidSession', { id: ids[2]!, revision: 2, reason: '再次作废' }, voc)).key).toBe('course.session_voided')
    expect(ok(call(w.dispatch, 'courses:sessions', { courseId }, voc)).rows.find((r) => r.id === ids[2])!.voided).toMatchObject({ reason: '日期录错' })
  })

  it('an edit sends the whole session again by revision; each revision is kept; a stale one changes nothing', () => {
    const all = people.slice(0, 3)
    const { id } = ok(call(w.dispatch, 'courses:recordSession', session('2026-11-02', all), voc))
    const edit = { id, revision: 1, ...session('2026-11-03', all, { [people[2]!]: { status: 'absent_refused' } }, { topic: '包子成型' }) }
    expect(ok(call(w.dispatch, 'courses:editSession', edit, voc))).toEqual({ revision: 2 })
    expect(err(call(w.dispatch, 'courses:editSession', { ...edit, topic: '花卷' }, voc))).toMatchObject({ code: 'conflict', key: 'course.stale_revision' })
    const detail = ok(call(w.dispatch, 'courses:session', { id }, voc))
    expect(detail).toMatchObject({ date: '2026-11-03', topic: '包子成型', revision: 2, counts: { present: 2, absent_refused: 1 } })
    const revisions = w.db.prepare('SELECT revision, data FROM course_session_revisions WHERE session_id = ? ORDER BY revision').all(id) as Array<{ revision: number; data: string }>
    expect(revisions.map((r) => [r.revision, JSON.parse(r.data).topic])).toEqual([[1, '和面与发面'], [2, '包子成型']])
    ok(call(w.dispatch, 'courses:voidSession', { id, revision: 2, reason: '重复录入' }, voc))
    expect(err(call(w.dispatch, 'courses:editSession', { ...edit, revision: 3 }, voc)).key).toBe('course.session_voided')
  })
})
