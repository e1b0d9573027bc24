/** Academic outcomes (学历教育, e.g. 中专): one programme per row; edits name their revision, nothing is deleted. */
import type { AcademicRow } from '../../shared/contract/certificates'
import type { AcademicStatus } from '../../shared/domain/vocational'
import type { Db } from '../db/open'

export interface AcademicFields {
  school: string
  programme: string
  educationLevel: string
  enrolledOn: string
  status: AcademicStatus
  endedOn: string | null
  diplomaNumber: string | null
  note: string | null
}

export const academicRepo = {
  insert(db: Db, r: AcademicFields & { id: string; personId: string; at: string; by: string }): void {
    db.prepare(
      `INSERT INTO academic_records (id, person_id, school, programme, education_level, enrolled_on, status, ended_on, diploma_number, note,
         recorded_at, recorded_by, updated_at)
       VALUES (@id, @personId, @school, @programme, @educationLevel, @enrolledOn, @status, @endedOn, @diplomaNumber, @note, @at, @by, @at)`,
    ).run(r)
  },

  byId(db: Db, id: string): { id: string; personId: string; revision: number; voidedAt: string | null } | undefined {
    return db.prepare('SELECT id, person_id AS personId, revision, voided_at AS voidedAt FROM academic_records WHERE id = ?').get(id) as
      | { id: string; personId: string; revision: number; voidedAt: string | null }
      | undefined
  },

  update(db: Db, id: string, seen: number, f: AcademicFields, at: string): boolean {
    return (
      db
        .prepare(
          `UPDATE academic_records SET school = @school, programme = @programme, education_level = @educationLevel, enrolled_on = @enrolledOn,
             status = @status, ended_on = @endedOn, diploma_number = @diplomaNumber, note = @note, revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run({ ...f, id, seen, at }).changes === 1
    )
  },

  void(db: Db, id: string, seen: number, mark: { at: string; by: string; reason: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE academic_records SET voided_at = @at, voided_by = @by, void_reason = @reason, revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run({ ...mark, id, seen }).changes === 1
    )
  },

  ofPerson(db: Db, personId: string): AcademicRow[] {
    const rows = db
      .prepare(
        `SELECT a.id, a.person_id AS personId, a.school, a.programme, a.education_level AS educationLevel, a.enrolled_on AS enrolledOn,
           a.status, a.ended_on AS endedOn, a.diploma_number AS diplomaNumber, a.note, a.revision, a.recorded_at AS recordedAt,
           rs.display_name AS recordedBy, a.voided_at AS voidedAt, vs.display_name AS voidedBy, a.void_reason AS voidReason
         FROM academic_records a
         LEFT JOIN staff rs ON rs.id = a.recorded_by
         LEFT JOIN staff vs ON vs.id = a.voided_by
         WHERE a.person_id = ? ORDER BY a.enrolled_on DESC`,
      )
      .all(personId) as Array<Omit<AcademicRow, 'voided'> & { voidedAt: string | null; voidedBy: string | null; voidReason: string | null }>
    return rows.map(({ voidedAt, voidedBy, voidReason, ...r }) => ({
      ...r,
      voided: voidedAt === null ? null : { at: voidedAt, by: voidedBy ?? '', reason: voidReason ?? '' },
    }))
  },
}
