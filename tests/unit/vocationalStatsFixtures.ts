/**
 * Vocational facts written straight into the 012 tables (no service involved): the statistics tests build courses,
 * enrolments, exam sittings, certificates and referrals exactly as stated, including voided rows, so the figures can
 * be checked against `courseFigures` over the same facts. Also the referral record the access matrix names by id.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../electron/core/db/open'
import type { CourseKind, EnrolmentStatus, ExamResult, WithdrawReason } from '../../electron/shared/domain/vocational'

const staffOf = (db: Db) => (db.prepare("SELECT id FROM staff WHERE role = 'admin' LIMIT 1").get() as { id: string }).id
const AT = '2026-01-01T00:00:00.000Z'

export function insertTrade(db: Db, name: string): string {
  const id = randomUUID()
  db.prepare('INSERT INTO trades (id, name, created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, name, AT, staffOf(db), AT)
  return id
}

export function insertCourse(db: Db, c: { name: string; kind?: CourseKind; tradeId?: string | null; startDate: string; voided?: boolean }): string {
  const id = randomUUID()
  const kind = c.kind ?? 'vocational'
  db.prepare(
    `INSERT INTO courses (id, kind, name, trade_id, level, subject, teacher, start_date, end_date, capacity, planned_hours, created_at, created_by, updated_at, voided_at, voided_by, void_reason)
     VALUES (@id, @kind, @name, @tradeId, @level, @subject, '王老师', @startDate, @startDate, 60, 80, @at, @by, @at, @voidedAt, @voidedBy, @voidReason)`,
  ).run({
    id, kind, name: c.name, tradeId: kind === 'vocational' ? c.tradeId : null, level: kind === 'vocational' ? 5 : null, subject: kind === 'education' ? '法治教育' : null,
    startDate: c.startDate, at: AT, by: staffOf(db), voidedAt: c.voided ? AT : null, voidedBy: c.voided ? staffOf(db) : null, voidReason: c.voided ? '录错' : null,
  })
  return id
}

export function insertEnrolment(db: Db, e: { courseId: string; personId: string; status: EnrolmentStatus; enrolledOn: string | null; withdrawReason?: WithdrawReason | null }): string {
  const id = randomUUID()
  const reason = e.status === 'withdrawn' ? (e.withdrawReason ?? 'other') : null
  db.prepare(
    `INSERT INTO enrolments (id, course_id, person_id, status, applied_on, enrolled_on, withdraw_reason, withdraw_text, recorded_at, recorded_by, updated_at)
     VALUES (?, ?, ?, ?, '2026-01-01', ?, ?, ?, ?, ?, ?)`,
  ).run(id, e.courseId, e.personId, e.status, e.enrolledOn, reason, reason === 'other' ? '其他原因' : null, AT, staffOf(db), AT)
  return id
}

export function insertAttempt(db: Db, a: { courseId: string; personId: string; attempt: number; result: ExamResult; examDate: string; voided?: boolean }): string {
  const id = randomUUID()
  const score = a.result === 'absent' ? null : a.result === 'passed' ? 80 : 40
  db.prepare(
    `INSERT INTO exam_attempts (id, course_id, person_id, attempt, exam_date, theory_score, practical_score, theory_pass_mark, practical_pass_mark, result, recorded_at, recorded_by, updated_at, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, 60, 60, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, a.courseId, a.personId, a.attempt, a.examDate, score, score, a.result, AT, staffOf(db), AT, a.voided ? AT : null, a.voided ? staffOf(db) : null, a.voided ? '录错' : null)
  return id
}

let certificateSeq = 0
export function insertCertificate(db: Db, c: { personId: string; courseId: string | null; issuedOn: string; voided?: boolean; number?: string }): string {
  const id = randomUUID()
  certificateSeq += 1
  const number = c.number ?? `S${String(certificateSeq).padStart(21, '0')}`
  db.prepare(
    `INSERT INTO certificates (id, person_id, course_id, source, number, format, evaluation_body, issued_on, name, id_type, id_number, occupation, level, recorded_at, recorded_by, updated_at, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, ?, 'skill-level-2019', '某职业技能鉴定站', ?, '某人', 'resident_id', '110101199003070011', '电工', 5, ?, ?, ?, ?, ?, ?)`,
  ).run(id, c.personId, c.courseId, c.courseId ? 'course' : 'manual', number, c.issuedOn, AT, staffOf(db), AT, c.voided ? AT : null, c.voided ? staffOf(db) : null, c.voided ? '录错' : null)
  return id
}

export function insertReferral(db: Db, r: { personId: string; eventId?: string | null; referredOn: string; signedOn?: string | null; jobTaken?: 'yes' | 'no' | null; voided?: boolean }): string {
  const id = randomUUID()
  db.prepare(
    `INSERT INTO employment_referrals (id, person_id, event_id, employer, referred_on, agreement_signed_on, job_taken, recorded_at, recorded_by, updated_at, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, '某家政公司', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, r.personId, r.eventId ?? null, r.referredOn, r.signedOn ?? null, r.jobTaken ?? null, AT, staffOf(db), AT, r.voided ? AT : null, r.voided ? staffOf(db) : null, r.voided ? '录错' : null)
  return id
}
