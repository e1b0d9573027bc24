/**
 * Courses and the person (issue 12): ward scope (a ward officer reads only his wards' people, vocational staff record
 * in every ward, a counsellor records nothing), a person's course summary, and one timetable that merges course
 * sessions of both kinds with exercise training.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { educationInput, makePeople, personName, tradeInput, vocationalInput } from './coursesFixtures'
import { call, err, makeWorld, ok, type World } from './helpers'

let w: World
let voc: string
let courseId: string
let classId: string
let inA: string[]
let inB: string[]

beforeEach(() => {
  w = makeWorld(['vocational', 'counsellor', 'ward_officer', 'trainer'])
  voc = w.sessions.vocational!
  const tradeId = ok(call(w.dispatch, 'trades:create', tradeInput(), voc)).id
  courseId = ok(call(w.dispatch, 'courses:create', vocationalInput(tradeId), voc)).id
  classId = ok(call(w.dispatch, 'courses:create', educationInput(), voc)).id
  inA = makePeople(w, 'a', 2)
  inB = makePeople(w, 'b', 2, 2)
})
afterEach(() => w.close())

describe('ward scope', () => {
  it('vocational staff enrol and record in every ward; a counsellor records nothing', () => {
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [...inA, ...inB], date: '2026-09-01' }, voc))
    const attendance = [...inA, ...inB].map((personId) => ({ personId, status: 'present' as const }))
    expect(err(call(w.dispatch, 'courses:recordSession', { courseId, date: '2026-11-02', startTime: '08:30', hours: 2, topic: '和面', attendance }, w.sessions.counsellor!)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'courses:enrol', { courseId, personIds: [inA[0]!], date: '2026-09-01' }, w.sessions.counsellor!)).code).toBe('forbidden')
    ok(call(w.dispatch, 'courses:recordSession', { courseId, date: '2026-11-02', startTime: '08:30', hours: 2, topic: '和面', attendance }, voc))
  })

  it('a ward officer reads the course lists cut to his ward, and no person of another ward', () => {
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [...inA, ...inB], date: '2026-09-01' }, voc))
    const { id } = ok(call(w.dispatch, 'courses:recordSession', {
      courseId, date: '2026-11-02', startTime: '08:30', hours: 2, topic: '和面', attendance: [...inA, ...inB].map((personId) => ({ personId, status: 'present' as const })),
    }, voc))
    const officer = w.sessions.ward_officer!
    const ownNames = [personName(0), personName(1)]
    expect(ok(call(w.dispatch, 'courses:roster', { courseId }, officer)).map((r) => r.name)).toEqual(ownNames)
    expect(ok(call(w.dispatch, 'courses:roster', { courseId }, voc))).toHaveLength(4)
    expect(ok(call(w.dispatch, 'courses:register', { courseId, date: '2026-11-03' }, officer)).map((r) => r.name)).toEqual(ownNames)
    expect(ok(call(w.dispatch, 'courses:session', { id }, officer)).attendance.map((a) => a.name)).toEqual(ownNames)
    expect(ok(call(w.dispatch, 'courses:eligible', { courseId }, officer)).map((r) => r.name)).toEqual(ownNames)
    expect(ok(call(w.dispatch, 'courses:exams', { courseId }, officer)).map((r) => r.name)).toEqual(ownNames)
    // Counts name nobody: the course's figures stay whole.
    expect(ok(call(w.dispatch, 'courses:get', { id: courseId }, officer)).figures.enrolled).toBe(4)
    expect(err(call(w.dispatch, 'courses:personSummary', { personId: inB[0]! }, officer)).key).toBe('err.ward_forbidden')
    expect(ok(call(w.dispatch, 'courses:personSummary', { personId: inA[0]! }, officer)).enrolments).toHaveLength(1)
    // The officer may not record (no vocational.record), even in his own ward.
    const [own] = ok(call(w.dispatch, 'courses:roster', { courseId }, officer))
    expect(err(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: own!.enrolmentId, revision: 1, action: 'complete', date: '2026-11-20' }, officer)).code).toBe('forbidden')
  })
})

describe("a person's courses and timetable", () => {
  it('sums each enrolment: attendance, hours, exam result; newest course first', () => {
    const p = inA[0]!
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [p], date: '2026-09-01' }, voc))
    ok(call(w.dispatch, 'courses:enrol', { courseId: classId, personIds: [p], date: '2026-09-02' }, voc))
    ok(call(w.dispatch, 'courses:recordSession', { courseId, date: '2026-11-02', startTime: '08:30', hours: 3, topic: '和面', attendance: [{ personId: p, status: 'present' }] }, voc))
    ok(call(w.dispatch, 'courses:recordSession', { courseId, date: '2026-11-09', startTime: '08:30', hours: 3, topic: '发面', attendance: [{ personId: p, status: 'absent_refused' }] }, voc))
    ok(call(w.dispatch, 'courses:recordExams', { courseId, examDate: '2026-11-10', rows: [{ personId: p, theory: 50, practical: 90 }] }, voc))
    const summary = ok(call(w.dispatch, 'courses:personSummary', { personId: p }, voc))
    expect(summary.enrolments.map((e) => e.courseName).sort()).toEqual(['中式面点师（五级）培训班', '禁毒教育（第四期）'].sort())
    expect(summary.enrolments.find((e) => e.courseId === courseId)).toMatchObject({
      kind: 'vocational', tradeName: '中式面点师', level: 5, status: 'enrolled', sessionsCounted: 2, attended: 1, attendanceRate: 50, hours: 3, finalResult: 'failed', examAttempts: 1, certified: false,
    })
    expect(summary.enrolments.find((e) => e.courseId === classId)).toMatchObject({ kind: 'education', subject: '禁毒教育', sessionsCounted: 0, attendanceRate: null, finalResult: null })
  })

  it('merges course sessions of both kinds with exercise training, in time order, each with its status', () => {
    const p = inA[0]!
    const trainer = w.sessions.trainer!
    const groupId = ok(call(w.dispatch, 'training:createGroup', { wardId: w.wards.a, name: '中强度组', trainerId: w.staffIds.trainer!, intensity: 'medium' }, trainer)).id
    ok(call(w.dispatch, 'training:addMember', { wardId: w.wards.a, groupId, personId: p, joinedOn: '2026-10-01' }, trainer))
    const training = (date: string, present: boolean) =>
      ok(call(w.dispatch, 'training:recordSession', {
        wardId: w.wards.a, groupId, date, startTime: '16:00', durationMinutes: 45, content: '慢跑', intensity: 'medium',
        attendance: [{ personId: p, present, reason: present ? null : 'sick' }],
      }, trainer))
    training('2026-11-02', true)
    training('2026-11-03', false)
    ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: [p], date: '2026-09-01' }, voc))
    ok(call(w.dispatch, 'courses:enrol', { courseId: classId, personIds: [p], date: '2026-09-01' }, voc))
    ok(call(w.dispatch, 'courses:recordSession', { courseId, date: '2026-11-02', startTime: '08:30', hours: 2, topic: '和面', attendance: [{ personId: p, status: 'late', hours: 1.5 }] }, voc))
    ok(call(w.dispatch, 'courses:recordSession', { courseId: classId, date: '2026-11-03', startTime: '09:00', hours: 1.5, topic: '毒品的危害', attendance: [{ personId: p, status: 'present' }] }, voc))
    const voided = ok(call(w.dispatch, 'courses:recordSession', { courseId: classId, date: '2026-11-04', startTime: '09:00', hours: 1, topic: '录错', attendance: [{ personId: p, status: 'present' }] }, voc))
    ok(call(w.dispatch, 'courses:voidSession', { id: voided.id, revision: 1, reason: '录错' }, voc))
    ok(call(w.dispatch, 'courses:recordSession', { courseId, date: '2026-10-01', startTime: '08:30', hours: 2, topic: '范围外', attendance: [{ personId: p, status: 'present' }] }, voc))

    const rows = ok(call(w.dispatch, 'courses:personTimetable', { personId: p, from: '2026-11-01', to: '2026-11-30' }, w.sessions.counsellor!))
    expect(rows.map((r) => [r.date, r.startTime, r.centre, r.title, r.minutes, r.status])).toEqual([
      ['2026-11-02', '08:30', 'vocational', '中式面点师（五级）培训班：和面', 120, 'late'],
      ['2026-11-02', '16:00', 'training', '中强度组：慢跑', 45, 'present'],
      ['2026-11-03', '09:00', 'education', '禁毒教育（第四期）：毒品的危害', 90, 'present'],
      ['2026-11-03', '16:00', 'training', '中强度组：慢跑', 45, 'absent'],
    ])
    expect(rows[0]).toMatchObject({ place: '习艺楼 2 层', courseId })
  })

  it('a timetable spans at most 92 days, from before to', () => {
    const p = inA[0]!
    expect(ok(call(w.dispatch, 'courses:personTimetable', { personId: p, from: '2026-08-23', to: '2026-11-23' }, voc))).toEqual([])
    expect(err(call(w.dispatch, 'courses:personTimetable', { personId: p, from: '2026-08-22', to: '2026-11-23' }, voc)).fields).toEqual({ to: 'course.range_days|{"max":92}' })
    expect(err(call(w.dispatch, 'courses:personTimetable', { personId: p, from: '2026-11-23', to: '2026-11-22' }, voc)).fields).toEqual({ to: 'v.end_before_start' })
  })
})
