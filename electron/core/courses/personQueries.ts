/**
 * One person across courses: their enrolments with attendance and exam results, and their timetable — class time of
 * every centre: course sessions (vocational and education) and exercise training sessions (read here, owned by the
 * training slice).
 */
import type { PersonEnrolmentRow, TimetableRow } from '../../shared/contract/courses'
import type { AttendanceStatus, CourseKind, ExamResult } from '../../shared/domain/vocational'
import type { Db } from '../db/open'
import { attendanceCounts, finalResult } from './coursesQueries'

/** The person's enrolments on live courses, newest course first. */
export function personEnrolments(db: Db, personId: string): PersonEnrolmentRow[] {
  const rows = db
    .prepare(
      `SELECT e.id AS enrolmentId, e.course_id AS courseId, c.name AS courseName, c.kind, (SELECT t.name FROM trades t WHERE t.id = c.trade_id) AS tradeName,
              c.level, c.subject, e.status, c.start_date AS startDate, c.end_date AS endDate, e.applied_on AS appliedOn, e.enrolled_on AS enrolledOn,
              e.ended_on AS endedOn, e.withdraw_reason AS withdrawReason
       FROM enrolments e JOIN courses c ON c.id = e.course_id
       WHERE e.person_id = ? AND c.voided_at IS NULL ORDER BY c.start_date DESC, c.name`,
    )
    .all(personId) as Array<Omit<PersonEnrolmentRow, 'sessionsCounted' | 'attended' | 'attendanceRate' | 'hours' | 'finalResult' | 'examAttempts' | 'certified'>>
  const attendance = db
    .prepare(
      `SELECT s.course_id AS courseId, a.status, count(*) AS n, total(a.hours) AS hours
       FROM course_attendance a JOIN course_sessions s ON s.id = a.session_id
       WHERE a.person_id = ? AND s.voided_at IS NULL GROUP BY s.course_id, a.status`,
    )
    .all(personId) as Array<{ courseId: string; status: AttendanceStatus; n: number; hours: number }>
  const attempts = db
    .prepare('SELECT course_id AS courseId, result FROM exam_attempts WHERE person_id = ? AND voided_at IS NULL ORDER BY attempt')
    .all(personId) as Array<{ courseId: string; result: ExamResult }>
  const certified = new Set(
    db.prepare('SELECT course_id FROM certificates WHERE person_id = ? AND voided_at IS NULL AND course_id IS NOT NULL').pluck().all(personId) as string[],
  )
  const statuses = new Map<string, AttendanceStatus[]>()
  const hours = new Map<string, number>()
  for (const a of attendance) {
    const list = statuses.get(a.courseId) ?? []
    for (let i = 0; i < a.n; i++) list.push(a.status)
    statuses.set(a.courseId, list)
    hours.set(a.courseId, (hours.get(a.courseId) ?? 0) + a.hours)
  }
  const results = new Map<string, ExamResult[]>()
  for (const a of attempts) results.set(a.courseId, [...(results.get(a.courseId) ?? []), a.result])
  return rows.map((r) => {
    const tried = results.get(r.courseId) ?? []
    return {
      ...r,
      ...attendanceCounts(statuses.get(r.courseId) ?? []),
      hours: hours.get(r.courseId) ?? 0,
      finalResult: finalResult(tried),
      examAttempts: tried.length,
      certified: certified.has(r.courseId),
    }
  })
}

/** Class time of the person from every centre between two dates (inclusive), in time order. */
export function personTimetable(db: Db, personId: string, from: string, to: string): TimetableRow[] {
  const courseRows = db
    .prepare(
      `SELECT s.id AS sessionId, s.course_id AS courseId, s.session_date AS date, s.start_time AS startTime, s.hours, s.topic, c.name AS courseName,
              c.kind, c.place, a.status
       FROM course_attendance a JOIN course_sessions s ON s.id = a.session_id JOIN courses c ON c.id = s.course_id
       WHERE a.person_id = @personId AND s.session_date BETWEEN @from AND @to AND s.voided_at IS NULL AND c.voided_at IS NULL`,
    )
    .all({ personId, from, to }) as Array<{
    sessionId: string
    courseId: string
    date: string
    startTime: string
    hours: number
    topic: string
    courseName: string
    kind: CourseKind
    place: string | null
    status: AttendanceStatus
  }>
  const trainingRows = db
    .prepare(
      `SELECT s.id AS sessionId, s.session_date AS date, s.start_time AS startTime, s.duration_minutes AS minutes, s.content,
              (SELECT g.name FROM training_groups g WHERE g.id = s.group_id) AS groupName, a.present
       FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
       WHERE a.person_id = @personId AND s.session_date BETWEEN @from AND @to AND s.voided_at IS NULL`,
    )
    .all({ personId, from, to }) as Array<{ sessionId: string; date: string; startTime: string; minutes: number; content: string; groupName: string; present: 0 | 1 }>
  const rows: TimetableRow[] = [
    ...courseRows.map((r) => ({
      date: r.date,
      startTime: r.startTime,
      minutes: Math.round(r.hours * 60),
      centre: r.kind,
      title: `${r.courseName}：${r.topic}`,
      place: r.place,
      status: r.status,
      sessionId: r.sessionId,
      courseId: r.courseId,
    })),
    ...trainingRows.map((r) => ({
      date: r.date,
      startTime: r.startTime,
      minutes: r.minutes,
      centre: 'training' as const,
      title: `${r.groupName}：${r.content}`,
      place: null,
      status: r.present === 1 ? ('present' as const) : ('absent' as const),
      sessionId: r.sessionId,
      courseId: null,
    })),
  ]
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.title.localeCompare(b.title))
}
