/** Reads of a course's sessions, a day's register, and exam attempts per person. */
import type { CourseSessionDetail, CourseSessionRow, ExamAttemptRow, ExamPersonRow, SessionAttendanceRow } from '../../shared/contract/courses'
import type { Paged } from '../../shared/contract/common'
import { ATTENDANCE_STATUSES, type AttendanceStatus, type EnrolmentStatus, type ExamResult } from '../../shared/domain/vocational'
import { staffNamesByIds } from '../auth/staffRepo'
import type { Db } from '../db/open'
import { finalResult } from './coursesQueries'

type SessionDbRow = Omit<CourseSessionRow, 'voided' | 'counts'> & { voidedAt: string | null; voidedBy: string | null; voidReason: string | null }

const SESSION_COLUMNS = `s.id, s.session_date AS date, s.start_time AS startTime, s.hours, s.topic, s.teacher, s.revision,
  s.voided_at AS voidedAt, s.voided_by AS voidedBy, s.void_reason AS voidReason`

const noCounts = (): Record<AttendanceStatus, number> => Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>

function sessionRows(db: Db, rows: SessionDbRow[]): CourseSessionRow[] {
  const counts = new Map<string, Record<AttendanceStatus, number>>()
  const tallies = db
    .prepare('SELECT session_id AS sessionId, status, count(*) AS n FROM course_attendance WHERE session_id IN (SELECT value FROM json_each(?)) GROUP BY session_id, status')
    .all(JSON.stringify(rows.map((r) => r.id))) as Array<{ sessionId: string; status: AttendanceStatus; n: number }>
  for (const t of tallies) {
    const c = counts.get(t.sessionId) ?? noCounts()
    c[t.status] = t.n
    counts.set(t.sessionId, c)
  }
  const names = staffNamesByIds(db, rows.map((r) => r.voidedBy))
  return rows.map(({ voidedAt, voidedBy, voidReason, ...r }) => ({
    ...r,
    counts: counts.get(r.id) ?? noCounts(),
    voided: voidedAt ? { at: voidedAt, by: (voidedBy && names.get(voidedBy)) ?? '', reason: voidReason ?? '' } : null,
  }))
}

/** The course's sessions, newest first, voided ones included. */
export function sessionPage(db: Db, courseId: string, offset: number, limit: number): Paged<CourseSessionRow> {
  const rows = db
    .prepare(`SELECT ${SESSION_COLUMNS} FROM course_sessions s WHERE s.course_id = ? ORDER BY s.session_date DESC, s.start_time DESC LIMIT ? OFFSET ?`)
    .all(courseId, limit, offset) as SessionDbRow[]
  const total = db.prepare('SELECT count(*) FROM course_sessions WHERE course_id = ?').pluck().get(courseId) as number
  return { rows: sessionRows(db, rows), total }
}

/** A session with its whole register (the caller cuts it to readable wards). */
export type SessionDetailWithWards = Omit<CourseSessionDetail, 'attendance'> & { attendance: Array<SessionAttendanceRow & { wardId: string | null }> }
export function sessionDetail(db: Db, id: string): SessionDetailWithWards | undefined {
  const row = db
    .prepare(`SELECT ${SESSION_COLUMNS}, s.course_id AS courseId, s.note, s.recorded_at AS recordedAt, s.recorded_by AS recordedById FROM course_sessions s WHERE s.id = ?`)
    .get(id) as (SessionDbRow & { courseId: string; note: string | null; recordedAt: string; recordedById: string }) | undefined
  if (!row) return undefined
  const { courseId, note, recordedAt, recordedById, ...session } = row
  const attendance = db
    .prepare(
      `SELECT a.person_id AS personId, p.name, p.name_pinyin AS pinyin, p.ward_id AS wardId, (SELECT w.name FROM wards w WHERE w.id = p.ward_id) AS wardName,
              a.status, a.hours, a.reason_text AS reasonText, a.note
       FROM course_attendance a JOIN people p ON p.id = a.person_id WHERE a.session_id = ?`,
    )
    .all(id) as Array<CourseSessionDetail['attendance'][number] & { wardId: string | null; pinyin: string }>
  const [summary] = sessionRows(db, [session])
  return {
    ...summary!,
    courseId,
    note,
    recordedAt,
    recordedBy: staffNamesByIds(db, [recordedById]).get(recordedById) ?? '',
    attendance: attendance.sort((a, b) => a.pinyin.localeCompare(b.pinyin)).map(({ pinyin: _pinyin, ...a }) => a),
  }
}

export interface RegisterPerson {
  enrolmentId: string
  personId: string
  name: string
  pinyin: string
  wardId: string | null
  wardName: string | null
  enrolmentStatus: EnrolmentStatus
}

/**
 * Who must be on the register of `date`: enrolled on or before it, and enrolled or completed (a completed person stays
 * on the register while the course runs), or withdrawn on or after it (the withdrawal date is the last day on the
 * course). By name.
 */
export function registerOn(db: Db, courseId: string, date: string): RegisterPerson[] {
  const rows = db
    .prepare(
      `SELECT e.id AS enrolmentId, e.person_id AS personId, p.name, p.name_pinyin AS pinyin, p.ward_id AS wardId,
              (SELECT w.name FROM wards w WHERE w.id = p.ward_id) AS wardName, e.status AS enrolmentStatus
       FROM enrolments e JOIN people p ON p.id = e.person_id
       WHERE e.course_id = @courseId AND e.enrolled_on <= @date AND (e.status IN ('enrolled', 'completed') OR (e.status = 'withdrawn' AND e.ended_on >= @date))`,
    )
    .all({ courseId, date }) as RegisterPerson[]
  return rows.sort((a, b) => a.pinyin.localeCompare(b.pinyin))
}

/**
 * Per person on the course who may sit or has sat (enrolled, completed, or with an attempt), every attempt (voided ones
 * marked). Attempts are found through each person's own index (exam_attempts_person), the course's people being few.
 */
export function examPeople(db: Db, courseId: string): Array<ExamPersonRow & { wardId: string | null; pinyin: string }> {
  const people = db
    .prepare(
      `SELECT e.id AS enrolmentId, e.person_id AS personId, p.name, p.name_pinyin AS pinyin, p.ward_id AS wardId,
              (SELECT w.name FROM wards w WHERE w.id = p.ward_id) AS wardName, e.status AS enrolmentStatus
       FROM enrolments e JOIN people p ON p.id = e.person_id WHERE e.course_id = ?`,
    )
    .all(courseId) as Array<Omit<ExamPersonRow, 'attempts' | 'finalResult' | 'maySit'> & { wardId: string | null; pinyin: string }>
  const attempts = db
    .prepare(
      `SELECT a.person_id AS personId, a.id, a.attempt, a.exam_date AS examDate, a.theory_score AS theory, a.practical_score AS practical,
              a.theory_pass_mark AS theoryMark, a.practical_pass_mark AS practicalMark, a.result, a.note, a.revision,
              a.voided_at AS voidedAt, a.voided_by AS voidedBy, a.void_reason AS voidReason
       FROM enrolments e JOIN exam_attempts a ON a.person_id = e.person_id AND a.course_id = e.course_id
       WHERE e.course_id = ? ORDER BY a.attempt, a.exam_date`,
    )
    .all(courseId) as Array<{
    personId: string
    id: string
    attempt: number
    examDate: string
    theory: number | null
    practical: number | null
    theoryMark: number
    practicalMark: number
    result: ExamResult
    note: string | null
    revision: number
    voidedAt: string | null
    voidedBy: string | null
    voidReason: string | null
  }>
  const names = staffNamesByIds(db, attempts.map((a) => a.voidedBy))
  const byPerson = new Map<string, ExamAttemptRow[]>()
  for (const { personId, theoryMark, practicalMark, voidedAt, voidedBy, voidReason, ...a } of attempts) {
    const list = byPerson.get(personId) ?? []
    list.push({ ...a, marks: { theory: theoryMark, practical: practicalMark }, voided: voidedAt ? { at: voidedAt, by: (voidedBy && names.get(voidedBy)) ?? '', reason: voidReason ?? '' } : null })
    byPerson.set(personId, list)
  }
  return people
    .map((p) => {
      const list = byPerson.get(p.personId) ?? []
      const final = finalResult(list.filter((a) => a.voided === null).map((a) => a.result))
      const onCourse = p.enrolmentStatus === 'enrolled' || p.enrolmentStatus === 'completed'
      return { ...p, attempts: list, finalResult: final, maySit: onCourse && final !== 'passed' }
    })
    .filter((p) => p.enrolmentStatus === 'enrolled' || p.enrolmentStatus === 'completed' || p.attempts.length > 0)
    .sort((a, b) => a.pinyin.localeCompare(b.pinyin))
}
