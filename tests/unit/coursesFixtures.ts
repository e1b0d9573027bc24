/**
 * Course records written straight into the tables (no service involved), for tests that only need a record to exist:
 * the access matrix names an enrolment, a course session and an exam attempt by id.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../electron/core/db/open'

export function insertCourseRecords(db: Db, personId: string, date: string): { enrolment: string; courseSession: string; examAttempt: string } {
  const staff = (db.prepare("SELECT id FROM staff WHERE role = 'admin' LIMIT 1").get() as { id: string }).id
  const at = `${date}T02:00:00.000Z`
  let trade = (db.prepare("SELECT id FROM trades WHERE name = '电工'").get() as { id: string } | undefined)?.id
  if (!trade) {
    trade = randomUUID()
    db.prepare('INSERT INTO trades (id, name, code, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(trade, '电工', '6-31-01-03', at, staff, at)
  }
  const course = randomUUID()
  db.prepare(
    `INSERT INTO courses (id, kind, name, trade_id, level, teacher, start_date, end_date, capacity, planned_hours, created_at, created_by, updated_at)
     VALUES (?, 'vocational', ?, ?, 5, '王老师', ?, ?, 30, 80, ?, ?, ?)`,
  ).run(course, `电工初级班-${course.slice(0, 4)}`, trade, date, date, at, staff, at)
  const enrolment = randomUUID()
  db.prepare(
    `INSERT INTO enrolments (id, course_id, person_id, status, applied_on, enrolled_on, recorded_at, recorded_by, updated_at)
     VALUES (?, ?, ?, 'enrolled', ?, ?, ?, ?, ?)`,
  ).run(enrolment, course, personId, date, date, at, staff, at)
  const courseSession = randomUUID()
  db.prepare(
    `INSERT INTO course_sessions (id, course_id, session_date, start_time, hours, topic, recorded_at, recorded_by, updated_at)
     VALUES (?, ?, ?, '08:30', 2, '安全用电', ?, ?, ?)`,
  ).run(courseSession, course, date, at, staff, at)
  db.prepare("INSERT INTO course_attendance (session_id, person_id, status, hours) VALUES (?, ?, 'present', 2)").run(courseSession, personId)
  const examAttempt = randomUUID()
  db.prepare(
    `INSERT INTO exam_attempts (id, course_id, person_id, attempt, exam_date, theory_score, practical_score, theory_pass_mark, practical_pass_mark, result,
       recorded_at, recorded_by, updated_at) VALUES (?, ?, ?, 1, ?, 70, 80, 60, 60, 'passed', ?, ?, ?)`,
  ).run(examAttempt, course, personId, date, at, staff, at)
  return { enrolment, courseSession, examAttempt }
}
