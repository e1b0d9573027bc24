/**
 * Reads of trades and courses, and the facts about each person on a course (attendance, live exam attempts,
 * certificates) that the roster, the course figures and certificate eligibility are all computed from.
 */
import type { CourseDetail, CourseListStatus, CourseRow, TradeRow } from '../../shared/contract/courses'
import type { Paged } from '../../shared/contract/common'
import {
  ATTENDED,
  attendanceRate,
  courseFigures,
  EXCUSED,
  type AttendanceStatus,
  type CourseFigures,
  type EnrolmentStatus,
  type ExamResult,
  type WithdrawReason,
} from '../../shared/domain/vocational'
import { staffNamesByIds } from '../auth/staffRepo'
import type { Db } from '../db/open'

export function tradeRows(db: Db): TradeRow[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.name, t.code, t.active, t.revision,
              (SELECT count(*) FROM courses c WHERE c.trade_id = t.id AND c.voided_at IS NULL) AS courseCount
       FROM trades t ORDER BY t.active DESC, t.name`,
    )
    .all() as Array<Omit<TradeRow, 'active'> & { active: 0 | 1 }>
  return rows.map((r) => ({ ...r, active: r.active === 1 }))
}

const COURSE_ROW_COLUMNS = `c.id, c.kind, c.name, (SELECT t.name FROM trades t WHERE t.id = c.trade_id) AS tradeName, c.level, c.subject, c.teacher,
  c.start_date AS startDate, c.end_date AS endDate, c.capacity, c.planned_hours AS plannedHours, c.revision,
  (SELECT count(*) FROM enrolments e WHERE e.course_id = c.id AND e.status IN ('enrolled', 'completed')) AS enrolled,
  (SELECT count(*) FROM enrolments e WHERE e.course_id = c.id AND e.status = 'waiting') AS waiting,
  (SELECT count(*) FROM course_sessions s WHERE s.course_id = c.id AND s.voided_at IS NULL) AS sessionsHeld`

/** The filter of each list status, as a fixed SQL fragment: every filter shape is its own statement. */
const STATUS_FILTER: Record<CourseListStatus, string> = {
  current: ' AND c.start_date <= @today AND c.end_date >= @today',
  planned: ' AND c.start_date > @today',
  finished: ' AND c.end_date < @today',
  all: '',
}

export interface CourseFilter {
  kind: 'vocational' | 'education'
  status: CourseListStatus
  year?: number | undefined
  tradeId?: string | undefined
  offset: number
  limit: number
}

/** Live courses of a kind, newest start first; `year`: courses running at some time in that year. */
export function coursePage(db: Db, f: CourseFilter, today: string): Paged<CourseRow> {
  const where =
    'c.kind = @kind AND c.voided_at IS NULL' +
    STATUS_FILTER[f.status] +
    (f.year === undefined ? '' : ' AND c.start_date <= @yearEnd AND c.end_date >= @yearStart') +
    (f.tradeId === undefined ? '' : ' AND c.trade_id = @tradeId')
  const params = {
    kind: f.kind,
    today,
    yearStart: f.year === undefined ? null : `${f.year}-01-01`,
    yearEnd: f.year === undefined ? null : `${f.year}-12-31`,
    tradeId: f.tradeId ?? null,
    limit: f.limit,
    offset: f.offset,
  }
  const rows = db.prepare(`SELECT ${COURSE_ROW_COLUMNS} FROM courses c WHERE ${where} ORDER BY c.start_date DESC, c.name LIMIT @limit OFFSET @offset`).all(params) as CourseRow[]
  const total = db.prepare(`SELECT count(*) FROM courses c WHERE ${where}`).pluck().get(params) as number
  return { rows, total }
}

/** Everything known about one person on one course. */
export interface CoursePerson {
  enrolmentId: string
  personId: string
  name: string
  pinyin: string
  idNumber: string
  wardId: string | null
  wardName: string | null
  status: EnrolmentStatus
  appliedOn: string
  enrolledOn: string | null
  endedOn: string | null
  withdrawReason: WithdrawReason | null
  withdrawText: string | null
  revision: number
  /** One entry per live session the person is on the register of. */
  statuses: AttendanceStatus[]
  hours: number
  /** Live attempts, by attempt number. */
  attempts: Array<{ id: string; attempt: number; examDate: string; theory: number | null; practical: number | null; result: ExamResult }>
  certified: boolean
}

/** Every enrolment of the course (waiting list and withdrawals included) with its person's facts. */
export function coursePeople(db: Db, courseId: string): CoursePerson[] {
  const rows = db
    .prepare(
      `SELECT e.id AS enrolmentId, e.person_id AS personId, p.name, p.name_pinyin AS pinyin, p.id_number AS idNumber, p.ward_id AS wardId,
              (SELECT w.name FROM wards w WHERE w.id = p.ward_id) AS wardName, e.status, e.applied_on AS appliedOn, e.enrolled_on AS enrolledOn,
              e.ended_on AS endedOn, e.withdraw_reason AS withdrawReason, e.withdraw_text AS withdrawText, e.revision
       FROM enrolments e JOIN people p ON p.id = e.person_id WHERE e.course_id = ?`,
    )
    .all(courseId) as Array<Omit<CoursePerson, 'statuses' | 'hours' | 'attempts' | 'certified'>>
  const attendance = db
    .prepare(
      `SELECT a.person_id AS personId, a.status, count(*) AS n, total(a.hours) AS hours
       FROM course_sessions s JOIN course_attendance a ON a.session_id = s.id
       WHERE s.course_id = ? AND s.voided_at IS NULL GROUP BY a.person_id, a.status`,
    )
    .all(courseId) as Array<{ personId: string; status: AttendanceStatus; n: number; hours: number }>
  const attempts = db
    .prepare(
      `SELECT person_id AS personId, id, attempt, exam_date AS examDate, theory_score AS theory, practical_score AS practical, result
       FROM exam_attempts WHERE course_id = ? AND voided_at IS NULL ORDER BY person_id, attempt`,
    )
    .all(courseId) as Array<CoursePerson['attempts'][number] & { personId: string }>
  const certified = new Set(db.prepare('SELECT person_id FROM certificates WHERE course_id = ? AND voided_at IS NULL').pluck().all(courseId) as string[])

  const byPerson = new Map(rows.map((r) => [r.personId, { ...r, statuses: [] as AttendanceStatus[], hours: 0, attempts: [] as CoursePerson['attempts'], certified: certified.has(r.personId) }]))
  for (const a of attendance) {
    const person = byPerson.get(a.personId)
    if (!person) continue
    for (let i = 0; i < a.n; i++) person.statuses.push(a.status)
    person.hours += a.hours
  }
  for (const { personId, ...a } of attempts) byPerson.get(personId)?.attempts.push(a)
  return [...byPerson.values()]
}

/** Passed if any live attempt passed (a resit that passes counts), else the last attempt's result; null with none. */
export function finalResult(results: readonly ExamResult[]): ExamResult | null {
  if (results.length === 0) return null
  return results.includes('passed') ? 'passed' : results[results.length - 1]!
}

/** Sessions counted for the rate (excused ones left out) and of those attended. */
export function attendanceCounts(statuses: readonly AttendanceStatus[]): { sessionsCounted: number; attended: number; attendanceRate: number | null } {
  const counted = statuses.filter((s) => !EXCUSED.includes(s))
  return { sessionsCounted: counted.length, attended: counted.filter((s) => ATTENDED.includes(s)).length, attendanceRate: attendanceRate(statuses) }
}

export function figuresOf(people: readonly CoursePerson[]): CourseFigures {
  return courseFigures(
    people.map((p) => ({ status: p.status, enrolledOn: p.enrolledOn, withdrawReason: p.withdrawReason, attempts: p.attempts.map((a) => a.result), certified: p.certified })),
  )
}

const STATUS_ORDER: Record<EnrolmentStatus, number> = { enrolled: 0, completed: 1, waiting: 2, withdrawn: 3 }
/** Enrolled first, then completed, waiting, withdrawn; by name (pinyin) within each. */
export const byStatusAndName = (a: Pick<CoursePerson, 'status' | 'pinyin'>, b: Pick<CoursePerson, 'status' | 'pinyin'>) =>
  STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.pinyin.localeCompare(b.pinyin)

/** The course page's header: every column, the effective pass marks, counts and the figures over all its people. */
export function courseDetail(db: Db, id: string, passMark: number): CourseDetail | undefined {
  const row = db
    .prepare(
      `SELECT c.id, c.kind, c.name, c.trade_id AS tradeId, t.name AS tradeName, t.code AS tradeCode, c.direction, c.level, c.subject, c.partner,
              c.evaluation_body AS evaluationBody, c.teacher, c.start_date AS startDate, c.end_date AS endDate, c.capacity, c.place,
              c.planned_hours AS plannedHours, c.theory_pass_mark AS theoryPassMark, c.practical_pass_mark AS practicalPassMark, c.note, c.revision,
              c.created_at AS createdAt, c.voided_at AS voidedAt, c.voided_by AS voidedBy, c.void_reason AS voidReason,
              (SELECT count(*) FROM course_sessions s WHERE s.course_id = c.id AND s.voided_at IS NULL) AS sessionsHeld,
              (SELECT total(s.hours) FROM course_sessions s WHERE s.course_id = c.id AND s.voided_at IS NULL) AS hoursHeld
       FROM courses c LEFT JOIN trades t ON t.id = c.trade_id WHERE c.id = ?`,
    )
    .get(id) as
    | (Omit<CourseDetail, 'voided' | 'effectivePassMarks' | 'enrolled' | 'waiting' | 'figures'> & { voidedAt: string | null; voidedBy: string | null; voidReason: string | null })
    | undefined
  if (!row) return undefined
  const { voidedAt, voidedBy, voidReason, ...course } = row
  const people = coursePeople(db, id)
  const names = staffNamesByIds(db, [voidedBy])
  return {
    ...course,
    effectivePassMarks: { theory: course.theoryPassMark ?? passMark, practical: course.practicalPassMark ?? passMark },
    voided: voidedAt ? { at: voidedAt, by: (voidedBy && names.get(voidedBy)) ?? '', reason: voidReason ?? '' } : null,
    enrolled: people.filter((p) => p.status === 'enrolled' || p.status === 'completed').length,
    waiting: people.filter((p) => p.status === 'waiting').length,
    figures: figuresOf(people),
  }
}
