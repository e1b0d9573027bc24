/** Writes and single-row lookups of trades, courses, enrolments, course sessions with attendance, and exam attempts. */
import type { AttendanceStatus, CourseKind, EnrolmentStatus, ExamResult, WithdrawReason } from '../../shared/domain/vocational'
import type { Db } from '../db/open'

export interface TradeRecord {
  id: string
  name: string
  code: string | null
  active: 0 | 1
  revision: number
}

export interface CourseFieldsRecord {
  name: string
  tradeId: string | null
  level: number | null
  subject: string | null
  direction: string | null
  partner: string | null
  evaluationBody: string | null
  teacher: string
  startDate: string
  endDate: string
  capacity: number
  place: string | null
  plannedHours: number
  theoryPassMark: number | null
  practicalPassMark: number | null
  note: string | null
}

export interface CourseRecord extends CourseFieldsRecord {
  id: string
  kind: CourseKind
  revision: number
  voided: 0 | 1
}

export interface EnrolmentRecord {
  id: string
  courseId: string
  personId: string
  status: EnrolmentStatus
  appliedOn: string
  enrolledOn: string | null
  endedOn: string | null
  withdrawReason: WithdrawReason | null
  withdrawText: string | null
  revision: number
}

export interface SessionFieldsRecord {
  date: string
  startTime: string
  hours: number
  topic: string
  teacher: string | null
  note: string | null
}

export interface AttendanceRecord {
  personId: string
  status: AttendanceStatus
  hours: number
  reasonText: string | null
  note: string | null
}

export interface ExamAttemptRecord {
  id: string
  courseId: string
  personId: string
  attempt: number
  examDate: string
  theory: number | null
  practical: number | null
  theoryPassMark: number
  practicalPassMark: number
  result: ExamResult
  revision: number
  voided: 0 | 1
}

const SELECT_COURSE = `SELECT id, kind, name, trade_id AS tradeId, level, subject, direction, partner, evaluation_body AS evaluationBody, teacher,
  start_date AS startDate, end_date AS endDate, capacity, place, planned_hours AS plannedHours, theory_pass_mark AS theoryPassMark,
  practical_pass_mark AS practicalPassMark, note, revision, voided_at IS NOT NULL AS voided FROM courses`

const SELECT_ENROLMENT = `SELECT id, course_id AS courseId, person_id AS personId, status, applied_on AS appliedOn, enrolled_on AS enrolledOn,
  ended_on AS endedOn, withdraw_reason AS withdrawReason, withdraw_text AS withdrawText, revision FROM enrolments`

const SELECT_ATTEMPT = `SELECT id, course_id AS courseId, person_id AS personId, attempt, exam_date AS examDate, theory_score AS theory,
  practical_score AS practical, theory_pass_mark AS theoryPassMark, practical_pass_mark AS practicalPassMark, result, revision,
  voided_at IS NOT NULL AS voided FROM exam_attempts`

const changed = (result: { changes: number }) => result.changes === 1

export const coursesRepo = {
  tradeById: (db: Db, id: string) => db.prepare('SELECT id, name, code, active, revision FROM trades WHERE id = ?').get(id) as TradeRecord | undefined,

  tradeNameTaken: (db: Db, name: string, exceptId: string | null): boolean =>
    db.prepare('SELECT 1 FROM trades WHERE name = ? AND id IS NOT ?').get(name, exceptId) !== undefined,

  insertTrade(db: Db, t: { id: string; name: string; code: string | null; at: string; by: string }) {
    db.prepare('INSERT INTO trades (id, name, code, created_at, created_by, updated_at) VALUES (@id, @name, @code, @at, @by, @at)').run(t)
  },

  updateTrade: (db: Db, t: { id: string; seen: number; name: string; code: string | null; active: boolean; at: string }): boolean =>
    changed(
      db
        .prepare('UPDATE trades SET name = @name, code = @code, active = @active, revision = revision + 1, updated_at = @at WHERE id = @id AND revision = @seen')
        .run({ ...t, active: t.active ? 1 : 0 }),
    ),

  courseById: (db: Db, id: string) => db.prepare(`${SELECT_COURSE} WHERE id = ?`).get(id) as CourseRecord | undefined,

  insertCourse(db: Db, c: CourseFieldsRecord & { id: string; kind: CourseKind; at: string; by: string }) {
    db.prepare(
      `INSERT INTO courses (id, kind, name, trade_id, level, subject, direction, partner, evaluation_body, teacher, start_date, end_date, capacity, place,
         planned_hours, theory_pass_mark, practical_pass_mark, note, created_at, created_by, updated_at)
       VALUES (@id, @kind, @name, @tradeId, @level, @subject, @direction, @partner, @evaluationBody, @teacher, @startDate, @endDate, @capacity, @place,
         @plannedHours, @theoryPassMark, @practicalPassMark, @note, @at, @by, @at)`,
    ).run(c)
  },

  updateCourse: (db: Db, id: string, seen: number, c: CourseFieldsRecord, at: string): boolean =>
    changed(
      db
        .prepare(
          `UPDATE courses SET name = @name, trade_id = @tradeId, level = @level, subject = @subject, direction = @direction, partner = @partner,
             evaluation_body = @evaluationBody, teacher = @teacher, start_date = @startDate, end_date = @endDate, capacity = @capacity, place = @place,
             planned_hours = @plannedHours, theory_pass_mark = @theoryPassMark, practical_pass_mark = @practicalPassMark, note = @note,
             revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run({ ...c, id, seen, at }),
    ),

  /** Voids a live course still at `seen`; false when it changed or was voided meanwhile. */
  voidCourse: (db: Db, id: string, seen: number, mark: { at: string; by: string; reason: string }): boolean =>
    changed(
      db
        .prepare('UPDATE courses SET voided_at = ?, voided_by = ?, void_reason = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ? AND voided_at IS NULL')
        .run(mark.at, mark.by, mark.reason, mark.at, id, seen),
    ),

  /** People holding a place (enrolled or completed): what capacity is checked against. */
  placesTaken: (db: Db, courseId: string): number =>
    db.prepare("SELECT count(*) FROM enrolments WHERE course_id = ? AND status IN ('enrolled', 'completed')").pluck().get(courseId) as number,

  /** First and last date of the course's live sessions (nulls when none). */
  sessionSpan: (db: Db, courseId: string) =>
    db.prepare('SELECT min(session_date) AS first, max(session_date) AS last FROM course_sessions WHERE course_id = ? AND voided_at IS NULL').get(courseId) as {
      first: string | null
      last: string | null
    },

  liveCertificateCount: (db: Db, courseId: string): number =>
    db.prepare('SELECT count(*) FROM certificates WHERE course_id = ? AND voided_at IS NULL').pluck().get(courseId) as number,

  enrolmentById: (db: Db, id: string) => db.prepare(`${SELECT_ENROLMENT} WHERE id = ?`).get(id) as EnrolmentRecord | undefined,

  /** The enrolments of these people on the course (one each at most). */
  enrolmentsOf: (db: Db, courseId: string, personIds: readonly string[]) =>
    db.prepare(`${SELECT_ENROLMENT} WHERE course_id = ? AND person_id IN (SELECT value FROM json_each(?))`).all(courseId, JSON.stringify(personIds)) as EnrolmentRecord[],

  insertEnrolment(db: Db, e: { id: string; courseId: string; personId: string; status: 'waiting' | 'enrolled'; appliedOn: string; enrolledOn: string | null; at: string; by: string }) {
    db.prepare(
      `INSERT INTO enrolments (id, course_id, person_id, status, applied_on, enrolled_on, recorded_at, recorded_by, updated_at)
       VALUES (@id, @courseId, @personId, @status, @appliedOn, @enrolledOn, @at, @by, @at)`,
    ).run(e)
  },

  /** The enrolment's new state, only if it is still at `seen`. */
  updateEnrolment: (
    db: Db,
    e: { id: string; seen: number; status: EnrolmentStatus; enrolledOn: string | null; endedOn: string | null; withdrawReason: WithdrawReason | null; withdrawText: string | null; at: string },
  ): boolean =>
    changed(
      db
        .prepare(
          `UPDATE enrolments SET status = @status, enrolled_on = @enrolledOn, ended_on = @endedOn, withdraw_reason = @withdrawReason, withdraw_text = @withdrawText,
             revision = revision + 1, updated_at = @at WHERE id = @id AND revision = @seen`,
        )
        .run(e),
    ),

  /** The latest live session of the course after `date` that lists the person (a withdrawal cannot be dated before it). */
  attendedAfter: (db: Db, courseId: string, personId: string, date: string) =>
    db
      .prepare(
        `SELECT max(s.session_date) FROM course_attendance a JOIN course_sessions s ON s.id = a.session_id
         WHERE a.person_id = ? AND s.course_id = ? AND s.session_date > ? AND s.voided_at IS NULL`,
      )
      .pluck()
      .get(personId, courseId, date) as string | null,

  personHoldsCertificate: (db: Db, courseId: string, personId: string): boolean =>
    db.prepare('SELECT 1 FROM certificates WHERE course_id = ? AND person_id = ? AND voided_at IS NULL').get(courseId, personId) !== undefined,

  sessionState: (db: Db, id: string) =>
    db.prepare('SELECT course_id AS courseId, session_date AS date, revision, voided_at IS NOT NULL AS voided FROM course_sessions WHERE id = ?').get(id) as
      | { courseId: string; date: string; revision: number; voided: 0 | 1 }
      | undefined,

  /** A live session of the course at that date and time, other than `exceptId`. */
  sessionAt: (db: Db, courseId: string, date: string, startTime: string, exceptId: string | null): boolean =>
    db
      .prepare('SELECT 1 FROM course_sessions WHERE course_id = ? AND session_date = ? AND start_time = ? AND voided_at IS NULL AND id IS NOT ?')
      .get(courseId, date, startTime, exceptId) !== undefined,

  insertSession(db: Db, s: SessionFieldsRecord & { id: string; courseId: string; at: string; by: string }) {
    db.prepare(
      `INSERT INTO course_sessions (id, course_id, session_date, start_time, hours, topic, teacher, note, recorded_at, recorded_by, updated_at)
       VALUES (@id, @courseId, @date, @startTime, @hours, @topic, @teacher, @note, @at, @by, @at)`,
    ).run(s)
  },

  updateSession: (db: Db, id: string, seen: number, s: SessionFieldsRecord, at: string): boolean =>
    changed(
      db
        .prepare(
          `UPDATE course_sessions SET session_date = @date, start_time = @startTime, hours = @hours, topic = @topic, teacher = @teacher, note = @note,
             revision = revision + 1, updated_at = @at WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run({ ...s, id, seen, at }),
    ),

  voidSession: (db: Db, id: string, seen: number, mark: { at: string; by: string; reason: string }): boolean =>
    changed(
      db
        .prepare('UPDATE course_sessions SET voided_at = ?, voided_by = ?, void_reason = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ? AND voided_at IS NULL')
        .run(mark.at, mark.by, mark.reason, mark.at, id, seen),
    ),

  /** The session's register as now recorded; an edit replaces it whole (every earlier state is in the revisions). */
  writeAttendance(db: Db, sessionId: string, rows: readonly AttendanceRecord[], replace: boolean) {
    if (replace) db.prepare('DELETE FROM course_attendance WHERE session_id = ?').run(sessionId)
    const add = db.prepare('INSERT INTO course_attendance (session_id, person_id, status, hours, reason_text, note) VALUES (?, ?, ?, ?, ?, ?)')
    for (const a of rows) add.run(sessionId, a.personId, a.status, a.hours, a.reasonText, a.note)
  },

  insertSessionRevision(db: Db, r: { id: string; sessionId: string; revision: number; data: unknown; at: string; by: string }) {
    db.prepare('INSERT INTO course_session_revisions (id, session_id, revision, data, changed_at, changed_by) VALUES (?, ?, ?, ?, ?, ?)').run(
      r.id, r.sessionId, r.revision, JSON.stringify(r.data), r.at, r.by,
    )
  },

  attemptById: (db: Db, id: string) => db.prepare(`${SELECT_ATTEMPT} WHERE id = ?`).get(id) as ExamAttemptRecord | undefined,

  /** Live attempts of these people on the course, by person and attempt. */
  liveAttemptsOf: (db: Db, courseId: string, personIds: readonly string[]) =>
    db
      .prepare(`${SELECT_ATTEMPT} WHERE course_id = ? AND person_id IN (SELECT value FROM json_each(?)) AND voided_at IS NULL ORDER BY person_id, attempt`)
      .all(courseId, JSON.stringify(personIds)) as ExamAttemptRecord[],

  /** The next attempt number: one above the highest live attempt (a voided one's number is free again). */
  nextAttempt: (db: Db, courseId: string, personId: string): number =>
    (db.prepare('SELECT coalesce(max(attempt), 0) + 1 FROM exam_attempts WHERE course_id = ? AND person_id = ? AND voided_at IS NULL').pluck().get(courseId, personId) as number),

  insertAttempt(db: Db, a: Omit<ExamAttemptRecord, 'revision' | 'voided'> & { note: string | null; at: string; by: string }) {
    db.prepare(
      `INSERT INTO exam_attempts (id, course_id, person_id, attempt, exam_date, theory_score, practical_score, theory_pass_mark, practical_pass_mark, result, note,
         recorded_at, recorded_by, updated_at)
       VALUES (@id, @courseId, @personId, @attempt, @examDate, @theory, @practical, @theoryPassMark, @practicalPassMark, @result, @note, @at, @by, @at)`,
    ).run(a)
  },

  updateAttempt: (db: Db, a: { id: string; seen: number; theory: number | null; practical: number | null; result: ExamResult; note: string | null; at: string }): boolean =>
    changed(
      db
        .prepare(
          `UPDATE exam_attempts SET theory_score = @theory, practical_score = @practical, result = @result, note = @note, revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run(a),
    ),

  voidAttempt: (db: Db, id: string, seen: number, mark: { at: string; by: string; reason: string }): boolean =>
    changed(
      db
        .prepare('UPDATE exam_attempts SET voided_at = ?, voided_by = ?, void_reason = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ? AND voided_at IS NULL')
        .run(mark.at, mark.by, mark.reason, mark.at, id, seen),
    ),

  /** A live certificate issued from this attempt (its scores cannot change under it). */
  attemptCertified: (db: Db, courseId: string, attemptId: string): boolean =>
    db.prepare('SELECT 1 FROM certificates WHERE course_id = ? AND exam_attempt_id = ? AND voided_at IS NULL').get(courseId, attemptId) !== undefined,
}
