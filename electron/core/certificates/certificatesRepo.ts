/**
 * Certificates (issue 12): the writes and the look-ups the rules need. A live number is unique (index
 * certificates_number_live); an edit or a void names the revision it was read at and changes nothing when it is stale.
 */
import type { CertificateFormat, SkillLevel } from '../../shared/domain/certificates'
import type { CertificateSource, IdType } from '../../shared/domain/vocational'
import type { Db } from '../db/open'

/** What a certificate states (§6.3), as stored. */
export interface CertificateFields {
  number: string
  format: CertificateFormat
  evaluationBody: string
  issuedOn: string
  name: string
  idType: IdType
  idNumber: string
  occupation: string
  occupationCode: string | null
  direction: string | null
  level: SkillLevel
  note: string | null
}

export interface CertificateInsert extends CertificateFields {
  id: string
  personId: string
  courseId: string | null
  examAttemptId: string | null
  source: CertificateSource
  importBatch: string | null
  at: string
  by: string
}

export interface CertificateRecord extends CertificateFields {
  id: string
  personId: string
  courseId: string | null
  source: CertificateSource
  revision: number
  voidedAt: string | null
}

/** A vocational course as issuing needs it: its trade (occupation name and code) and level. */
export interface IssuingCourse {
  id: string
  kind: 'vocational' | 'education'
  name: string
  level: SkillLevel | null
  startDate: string
  direction: string | null
  evaluationBody: string | null
  occupation: string | null
  occupationCode: string | null
  voided: boolean
}

/** A person's file as certificates copy it: the name and resident ID number printed on the certificate. */
export interface PersonIdentity {
  id: string
  name: string
  idNumber: string
  voided: boolean
}

const COLUMNS = `id, person_id AS personId, course_id AS courseId, source, number, format, evaluation_body AS evaluationBody,
  issued_on AS issuedOn, name, id_type AS idType, id_number AS idNumber, occupation, occupation_code AS occupationCode,
  direction, level, note, revision, voided_at AS voidedAt`

export const certificatesRepo = {
  insert(db: Db, c: CertificateInsert): void {
    db.prepare(
      `INSERT INTO certificates (id, person_id, course_id, exam_attempt_id, source, number, format, evaluation_body, issued_on, name,
         id_type, id_number, occupation, occupation_code, direction, level, import_batch, note, recorded_at, recorded_by, updated_at)
       VALUES (@id, @personId, @courseId, @examAttemptId, @source, @number, @format, @evaluationBody, @issuedOn, @name,
         @idType, @idNumber, @occupation, @occupationCode, @direction, @level, @importBatch, @note, @at, @by, @at)`,
    ).run(c)
  },

  byId(db: Db, id: string): CertificateRecord | undefined {
    return db.prepare(`SELECT ${COLUMNS} FROM certificates WHERE id = ?`).get(id) as CertificateRecord | undefined
  },

  /** Changes the stated fields if the row is live and still at `seen`; false otherwise. */
  update(db: Db, id: string, seen: number, f: CertificateFields, at: string): boolean {
    return (
      db
        .prepare(
          `UPDATE certificates SET number = @number, format = @format, evaluation_body = @evaluationBody, issued_on = @issuedOn, name = @name,
             id_type = @idType, id_number = @idNumber, occupation = @occupation, occupation_code = @occupationCode, direction = @direction,
             level = @level, note = @note, revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run({ ...f, id, seen, at }).changes === 1
    )
  },

  void(db: Db, id: string, seen: number, mark: { at: string; by: string; reason: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE certificates SET voided_at = @at, voided_by = @by, void_reason = @reason, revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run({ ...mark, id, seen }).changes === 1
    )
  },

  /** Live certificates holding any of the numbers: number → certificate id. */
  liveByNumbers(db: Db, numbers: readonly string[]): Map<string, string> {
    if (numbers.length === 0) return new Map()
    const rows = db
      .prepare('SELECT number, id FROM certificates WHERE voided_at IS NULL AND number IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(numbers)])) as Array<{ number: string; id: string }>
    return new Map(rows.map((r) => [r.number, r.id]))
  },

  course(db: Db, courseId: string): IssuingCourse | undefined {
    const row = db
      .prepare(
        `SELECT c.id, c.kind, c.name, c.level, c.start_date AS startDate, c.direction, c.evaluation_body AS evaluationBody,
           t.name AS occupation, t.code AS occupationCode, c.voided_at IS NOT NULL AS voided
         FROM courses c LEFT JOIN trades t ON t.id = c.trade_id WHERE c.id = ?`,
      )
      .get(courseId) as (Omit<IssuingCourse, 'voided'> & { voided: 0 | 1 }) | undefined
    return row && { ...row, voided: row.voided === 1 }
  },

  identities(db: Db, personIds: readonly string[]): Map<string, PersonIdentity> {
    if (personIds.length === 0) return new Map()
    const rows = db
      .prepare('SELECT id, name, id_number AS idNumber, voided_at IS NOT NULL AS voided FROM people WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify([...new Set(personIds)])) as Array<Omit<PersonIdentity, 'voided'> & { voided: 0 | 1 }>
    return new Map(rows.map((r) => [r.id, { ...r, voided: r.voided === 1 }]))
  },

  /** Live person files by resident ID number (upper-case X), for an import: ID number → file. */
  liveByIdNumbers(db: Db, idNumbers: readonly string[]): Map<string, { id: string; name: string; wardId: string | null }> {
    if (idNumbers.length === 0) return new Map()
    const rows = db
      .prepare(
        `SELECT id, name, id_number AS idNumber, ward_id AS wardId FROM people
         WHERE voided_at IS NULL AND id_number IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify([...new Set(idNumbers)])) as Array<{ id: string; name: string; idNumber: string; wardId: string | null }>
    return new Map(rows.map((r) => [r.idNumber, { id: r.id, name: r.name, wardId: r.wardId }]))
  },
}
