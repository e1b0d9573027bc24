/**
 * Course records written straight into the tables (no service involved), for tests that only need a record to exist:
 * the access matrix names an enrolment, a course session and an exam attempt by id. Also the inputs and people the
 * courses tests share.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../electron/core/db/open'
import type { Input } from '../../electron/shared/contract'
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'
import { call, ok, personInput, type World } from './helpers'

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

/** A valid resident ID number of a man born 1990-03-07 with sequence `n` (distinct per n < 50). */
export function idNumberFor(n: number): string {
  const body = `11010119900307${String(100 + 2 * n + 1).padStart(3, '0')}`
  return body + checkCharacterFor(body)
}

/** Surnames in pinyin order (安 an, 白 bai, 陈 chen …), so the first ten people sort as they were made. */
const SURNAMES = ['安', '白', '陈', '邓', '范', '高', '何', '金', '孔', '刘']
const GIVEN = ['明', '亮', '军', '华', '强']
export const personName = (k: number) => `${SURNAMES[k % 10]}${GIVEN[Math.floor(k / 10)]}`

/** `n` people of a ward (admitted 2026-06-01), the k-th named personName(k); returns their ids in order. */
export function makePeople(w: World, ward: 'a' | 'b', n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i
    return ok(call(w.dispatch, 'people:create', personInput(w.wards[ward], { name: personName(k), idNumber: idNumberFor(k) }), w.sessions.admin!)).id
  })
}

export function tradeInput(overrides: Partial<Input<'trades:create'>> = {}): Input<'trades:create'> {
  return { name: '中式面点师', code: '4-03-02-01', ...overrides }
}

/** A vocational course running 2026-09-01 … 2026-12-31 (today, 2026-11-23, inside it). */
export function vocationalInput(tradeId: string, overrides: Partial<Input<'courses:create'>> = {}): Input<'courses:create'> {
  return {
    kind: 'vocational', name: '中式面点师（五级）培训班', tradeId, level: 5, teacher: '王师傅', startDate: '2026-09-01', endDate: '2026-12-31',
    capacity: 30, plannedHours: 120, evaluationBody: '某市职业技能鉴定中心', place: '习艺楼 2 层', ...overrides,
  }
}

export function educationInput(overrides: Partial<Input<'courses:create'>> = {}): Input<'courses:create'> {
  return { kind: 'education', name: '禁毒教育（第四期）', subject: '禁毒教育', teacher: '李教员', startDate: '2026-09-01', endDate: '2026-12-31', capacity: 60, plannedHours: 40, ...overrides }
}

/** Inserts a live certificate from the course (the certificates service is another slice's; the figures only count it). */
export function insertCertificate(db: Db, courseId: string, personId: string, number: string): void {
  const staff = (db.prepare("SELECT id FROM staff WHERE role = 'admin' LIMIT 1").get() as { id: string }).id
  db.prepare(
    `INSERT INTO certificates (id, person_id, course_id, source, number, format, evaluation_body, issued_on, name, id_type, id_number, occupation, level,
       recorded_at, recorded_by, updated_at)
     VALUES (?, ?, ?, 'course', ?, 'skill-level-2019', '某市职业技能鉴定中心', '2026-11-20', '学员', 'resident_id', '110101199003070011', '中式面点师', 5, ?, ?, ?)`,
  ).run(randomUUID(), personId, courseId, number, '2026-11-20T02:00:00.000Z', staff, '2026-11-20T02:00:00.000Z')
}
