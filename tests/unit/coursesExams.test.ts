/**
 * Exams, the course figures and certificate eligibility (issue 12) on a real database: scoring against the pass marks,
 * resits (after a fail, not after a pass, absences), the pass-rate arithmetic with withdrawals and resits on a fixture
 * counted by hand, and eligibility on both sides of the attendance setting.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { certificateEligibility } from '../../electron/core/courses/eligibility'
import type { Input } from '../../electron/shared/contract'
import { educationInput, insertCertificate, makePeople, personName, tradeInput, vocationalInput } from './coursesFixtures'
import { call, count, err, makeWorld, ok, type World } from './helpers'

let w: World
let voc: string
let courseId: string
let people: string[]

beforeEach(() => {
  w = makeWorld(['vocational'])
  voc = w.sessions.vocational!
  const tradeId = ok(call(w.dispatch, 'trades:create', tradeInput(), voc)).id
  courseId = ok(call(w.dispatch, 'courses:create', vocationalInput(tradeId, { theoryPassMark: 60, practicalPassMark: 70 }), voc)).id
  people = makePeople(w, 'a', 8)
})
afterEach(() => w.close())

type Row = Input<'courses:recordExams'>['rows'][number]
const sit = (examDate: string, rows: Row[]) => call(w.dispatch, 'courses:recordExams', { courseId, examDate, rows }, voc)
const exams = () => ok(call(w.dispatch, 'courses:exams', { courseId }, voc))
const examsOf = (personId: string) => exams().find((p) => p.personId === personId)!
const enrol = (ids: string[], waiting = false) => ok(call(w.dispatch, 'courses:enrol', { courseId, personIds: ids, date: '2026-09-01', waiting }, voc))
const enrolmentOf = (personId: string) => ok(call(w.dispatch, 'courses:roster', { courseId }, voc)).find((r) => r.personId === personId)!

describe('exam scoring and resits', () => {
  beforeEach(() => enrol(people.slice(0, 4)))

  it.each([
    ['both parts at their marks', 60, 70, 'passed'],
    ['theory one below', 59.9, 70, 'failed'],
    ['practical one below', 60, 69.9, 'failed'],
    ['only theory sat', 90, null, 'failed'],
    ['neither part sat', null, null, 'absent'],
    ['full marks', 100, 100, 'passed'],
  ] as const)('%s → %s', (_label, theory, practical, result) => {
    ok(sit('2026-11-10', [{ personId: people[0]!, theory, practical }]))
    expect(examsOf(people[0]!).attempts[0]).toMatchObject({ attempt: 1, theory, practical, marks: { theory: 60, practical: 70 }, result })
  })

  it.each([
    [100.5, 'v.range|{"min":0,"max":100}'],
    [-1, 'v.range|{"min":0,"max":100}'],
    [75.25, 'course.one_decimal'],
  ])('a score of %s is refused at its field', (theory, message) => {
    expect(err(sit('2026-11-10', [{ personId: people[0]!, theory: 80, practical: 80 }, { personId: people[1]!, theory, practical: 80 }])).fields).toEqual({ 'rows.1.theory': message })
    expect(count(w.db, 'exam_attempts')).toBe(0)
  })

  it('a resit follows a fail or an absence; nobody sits after passing; the final result is the pass', () => {
    ok(sit('2026-11-10', [
      { personId: people[0]!, theory: 50, practical: 80 },
      { personId: people[1]!, theory: null, practical: null },
      { personId: people[2]!, theory: 88, practical: 90 },
    ]))
    const again = err(sit('2026-11-20', [{ personId: people[0]!, theory: 75, practical: 80 }, { personId: people[2]!, theory: 95, practical: 95 }]))
    expect(again.fields).toEqual({ 'rows.1.personId': `course.exam_already_passed|${JSON.stringify({ name: personName(2) })}` })
    ok(sit('2026-11-20', [{ personId: people[0]!, theory: 75, practical: 80 }, { personId: people[1]!, theory: 61, practical: 60 }]))
    expect(examsOf(people[0]!)).toMatchObject({ finalResult: 'passed', maySit: false, attempts: [{ attempt: 1, result: 'failed' }, { attempt: 2, result: 'passed' }] })
    expect(examsOf(people[1]!)).toMatchObject({ finalResult: 'failed', maySit: true, attempts: [{ attempt: 1, result: 'absent' }, { attempt: 2, result: 'failed' }] })
    expect(enrolmentOf(people[0]!)).toMatchObject({ examAttempts: 2, finalResult: 'passed' })
  })

  it('only people enrolled on or having completed the course sit; vocational courses only; the date is checked', () => {
    enrol([people[4]!], true)
    expect(err(sit('2026-11-10', [{ personId: people[4]!, theory: 80, practical: 80 }])).fields).toEqual({
      'rows.0.personId': `course.exam_not_on_course|${JSON.stringify({ name: personName(4) })}`,
    })
    expect(err(sit('2026-11-24', [{ personId: people[0]!, theory: 80, practical: 80 }])).fields).toEqual({ examDate: 'v.date_in_future' })
    expect(err(sit('2026-08-31', [{ personId: people[0]!, theory: 80, practical: 80 }])).fields).toEqual({ examDate: 'course.exam_before_start|{"date":"2026-09-01"}' })
    const cls = ok(call(w.dispatch, 'courses:create', educationInput(), voc)).id
    expect(err(call(w.dispatch, 'courses:recordExams', { courseId: cls, examDate: '2026-11-10', rows: [{ personId: people[0]!, theory: 1, practical: 1 }] }, voc)).fields).toEqual({
      courseId: 'course.exams_vocational_only',
    })
  })

  it('an edit rescores against the marks copied onto the attempt; stale edits and voided attempts are refused', () => {
    ok(sit('2026-11-10', [{ personId: people[0]!, theory: 50, practical: 80 }]))
    const [attempt] = examsOf(people[0]!).attempts
    // A later change of the course's marks does not move an attempt already recorded.
    w.db.prepare('UPDATE courses SET theory_pass_mark = 40 WHERE id = ?').run(courseId)
    expect(ok(call(w.dispatch, 'courses:editExam', { id: attempt!.id, revision: 1, theory: 60, practical: 80, note: '复核更正' }, voc))).toEqual({ revision: 2, result: 'passed' })
    expect(err(call(w.dispatch, 'courses:editExam', { id: attempt!.id, revision: 1, theory: 59, practical: 80 }, voc)).key).toBe('course.stale_revision')
    ok(call(w.dispatch, 'courses:voidExam', { id: attempt!.id, revision: 2, reason: '录错人' }, voc))
    expect(err(call(w.dispatch, 'courses:editExam', { id: attempt!.id, revision: 3, theory: 59, practical: 80 }, voc)).key).toBe('course.exam_voided')
    expect(examsOf(people[0]!)).toMatchObject({ finalResult: null, maySit: true, attempts: [{ voided: { reason: '录错人' } }] })
    // The voided attempt's number is free again.
    ok(sit('2026-11-12', [{ personId: people[0]!, theory: 70, practical: 75 }]))
    expect(examsOf(people[0]!).attempts.map((a) => [a.attempt, a.voided === null])).toEqual([[1, false], [1, true]])
  })

  it('an attempt a certificate was issued from keeps its scores', () => {
    ok(sit('2026-11-10', [{ personId: people[0]!, theory: 80, practical: 80 }]))
    const [attempt] = examsOf(people[0]!).attempts
    insertCertificate(w.db, courseId, people[0]!, 'Y000000000000000000003')
    w.db.prepare('UPDATE certificates SET exam_attempt_id = ?').run(attempt!.id)
    expect(err(call(w.dispatch, 'courses:voidExam', { id: attempt!.id, revision: 1, reason: '作废' }, voc)).key).toBe('course.exam_certified')
  })
})

describe('course figures: pass-rate arithmetic with withdrawals and resits', () => {
  it('counts each person once, leaves unavoidable withdrawals out of the certification rate', () => {
    const [a, b, c, d, e, f, g, h] = people as [string, string, string, string, string, string, string, string]
    enrol([a, b, c, d, e, f])
    enrol([g, h], true)
    const withdraw = (personId: string, withdrawReason: 'released' | 'refused') =>
      ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: enrolmentOf(personId).enrolmentId, revision: 1, action: 'withdraw', date: '2026-10-01', withdrawReason }, voc))
    withdraw(e, 'released') // unavoidable: left the facility
    withdraw(f, 'refused') // avoidable: counts against the certification rate
    withdraw(h, 'refused') // from the waiting list: never enrolled, counts nowhere
    ok(sit('2026-11-10', [
      { personId: a, theory: 80, practical: 80 }, // passes at once
      { personId: b, theory: 40, practical: 80 }, // fails, then passes a resit
      { personId: c, theory: 40, practical: 50 }, // fails twice
      { personId: d, theory: null, practical: null }, // absent: has not sat
    ]))
    ok(sit('2026-11-20', [{ personId: b, theory: 70, practical: 75 }, { personId: c, theory: 50, practical: 60 }]))
    for (const p of [a, b]) ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: enrolmentOf(p).enrolmentId, revision: 1, action: 'complete', date: '2026-11-21' }, voc))
    insertCertificate(w.db, courseId, a, 'Y000000000000000000004')
    insertCertificate(w.db, courseId, b, 'Y000000000000000000005')
    // By hand: enrolled a–f = 6 (g waiting, h withdrawn from the waiting list); withdrawn e, f = 2, unavoidable e = 1;
    // completed a, b = 2; sat a, b, c = 3 (d absent); passed a, b = 2 (b's resit counted once) → 2/3 = 66.7 %;
    // certified a, b = 2 of 6 − 1 = 5 → 40.0 %.
    expect(ok(call(w.dispatch, 'courses:get', { id: courseId }, voc)).figures).toEqual({
      enrolled: 6, withdrawn: 2, unavoidableWithdrawn: 1, completed: 2, sat: 3, passed: 2, certified: 2, passRate: 66.7, certificationRate: 40,
    })
  })
})

describe('certificate eligibility', () => {
  /** Five sessions; person 0 attends `attended` of them (absent from the rest), everyone else all. */
  function sessionsWith(attended: number) {
    const dates = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02']
    dates.forEach((date, i) => {
      ok(call(w.dispatch, 'courses:recordSession', {
        courseId, date, startTime: '08:30', hours: 2, topic: '实操',
        attendance: people.slice(0, 3).map((personId) => ({ personId, status: personId === people[0] && i >= attended ? ('absent_sick' as const) : ('present' as const) })),
      }, voc))
    })
  }
  beforeEach(() => enrol(people.slice(0, 3)))

  it.each([
    [4, 0.8, true, 80],
    [3, 0.8, false, 60],
    [3, 0.6, true, 60],
    [3, 0.61, false, 60],
  ])('%s of 5 sessions attended with minAttendanceRate %s → eligible %s', (attended, min, eligible, rate) => {
    sessionsWith(attended)
    ok(sit('2026-11-10', [{ personId: people[0]!, theory: 80, practical: 80 }]))
    const got = certificateEligibility(w.db, courseId, min).get(people[0]!)!
    expect(got).toMatchObject({ eligible, reasons: eligible ? [] : ['attendance'], attendanceRate: rate, theory: 80, practical: 80 })
    expect(got.passingAttemptId).toBe(examsOf(people[0]!).attempts[0]!.id)
  })

  it('names every reason: not passed, withdrawn, already certified; the screen follows the setting', () => {
    sessionsWith(5)
    ok(sit('2026-11-10', [{ personId: people[0]!, theory: 80, practical: 80 }, { personId: people[1]!, theory: 30, practical: 80 }, { personId: people[2]!, theory: 90, practical: 90 }]))
    ok(call(w.dispatch, 'courses:setEnrolment', { enrolmentId: enrolmentOf(people[2]!).enrolmentId, revision: 1, action: 'withdraw', date: '2026-11-15', withdrawReason: 'released' }, voc))
    insertCertificate(w.db, courseId, people[0]!, 'Y000000000000000000006')
    const rows = ok(call(w.dispatch, 'courses:eligible', { courseId }, voc))
    expect(rows.map((r) => [r.name, r.eligible, r.reasons])).toEqual([
      [personName(0), false, ['certified']],
      [personName(1), false, ['not_passed']],
      [personName(2), false, ['withdrawn']],
    ])
    expect(enrolmentOf(people[1]!).eligibility).toEqual({ eligible: false, reasons: ['not_passed'] })
  })

  it('an education class gives no certificate', () => {
    const cls = ok(call(w.dispatch, 'courses:create', educationInput(), voc)).id
    ok(call(w.dispatch, 'courses:enrol', { courseId: cls, personIds: [people[0]!], date: '2026-09-01' }, voc))
    expect(certificateEligibility(w.db, cls, 0).get(people[0]!)!.reasons).toEqual(['not_vocational', 'not_passed'])
  })
})
