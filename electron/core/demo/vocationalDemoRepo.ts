/**
 * The demo's rows in tables whose services belong to other slices (certificates, academic records, employment): the
 * demo only fills them, as those services would store them. Nothing else calls these.
 */
import type { Db } from '../db/open'

export const vocationalDemoRepo = {
  holder: (db: Db, personId: string) => db.prepare('SELECT name, id_number AS idNumber FROM people WHERE id = ?').get(personId) as { name: string; idNumber: string },

  evaluationBody: (db: Db, courseId: string) => db.prepare('SELECT evaluation_body FROM courses WHERE id = ?').pluck().get(courseId) as string,

  insertCertificate(db: Db, c: { id: string; personId: string; courseId: string; attemptId: string; number: string; evaluationBody: string; issuedOn: string; name: string; idNumber: string; occupation: string; direction: string | null; level: number; at: string; by: string }) {
    db.prepare(
      `INSERT INTO certificates (id, person_id, course_id, exam_attempt_id, source, number, format, evaluation_body, issued_on, name, id_type, id_number,
         occupation, direction, level, recorded_at, recorded_by, updated_at)
       VALUES (@id, @personId, @courseId, @attemptId, 'course', @number, 'skill-level-2019', @evaluationBody, @issuedOn, @name, 'resident_id', @idNumber,
         @occupation, @direction, @level, @at, @by, @at)`,
    ).run(c)
  },

  insertAcademic(db: Db, a: { id: string; personId: string; programme: string; enrolledOn: string; status: 'studying' | 'graduated'; endedOn: string | null; diploma: string | null; at: string; by: string }) {
    db.prepare(
      `INSERT INTO academic_records (id, person_id, school, programme, education_level, enrolled_on, status, ended_on, diploma_number, recorded_at, recorded_by, updated_at)
       VALUES (@id, @personId, '示范省城市职业学院附属中专', @programme, '中专', @enrolledOn, @status, @endedOn, @diploma, @at, @by, @at)`,
    ).run(a)
  },

  insertEvent(db: Db, e: { id: string; kind: 'job_fair' | 'employer_visit'; date: string; employer: string; positions: string; offered: number; place: string; at: string; by: string }) {
    db.prepare(
      `INSERT INTO employment_events (id, kind, event_date, employer, positions, positions_offered, place, recorded_at, recorded_by, updated_at)
       VALUES (@id, @kind, @date, @employer, @positions, @offered, @place, @at, @by, @at)`,
    ).run(e)
  },

  insertReferral(db: Db, f: { id: string; personId: string; eventId: string; employer: string; position: string; referredOn: string; signedOn: string | null; at: string; by: string }) {
    db.prepare(
      `INSERT INTO employment_referrals (id, person_id, event_id, employer, position, referred_on, agreement_signed_on, recorded_at, recorded_by, updated_at)
       VALUES (@id, @personId, @eventId, @employer, @position, @referredOn, @signedOn, @at, @by, @at)`,
    ).run(f)
  },
}
