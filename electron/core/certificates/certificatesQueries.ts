/**
 * Certificate reads: a person's certificates, the roster (证书花名册) and its filter lists. The roster is built as one
 * statement per filter shape (only the filters given appear in the SQL, never `(@x IS NULL OR …)`), walked in issue
 * order through certificates_issued / certificates_course / certificates_occupation / certificates_body, and its totals
 * counted from the covering index certificates_live_totals (migration 014).
 */
import type { CertificateRow, RosterFilter, RosterOptions } from '../../shared/contract/certificates'
import type { SkillLevel } from '../../shared/domain/certificates'
import { recordPeople } from '../auth/recordPeopleQueries'
import type { Db } from '../db/open'

/** A certificate's holder with their current ward (null: a past file), for calls naming a certificate (auth/scopeRecords.ts). */
export const peopleOfCertificate = recordPeople('SELECT p.id AS personId, p.ward_id AS wardId FROM certificates c JOIN people p ON p.id = c.person_id WHERE c.id = ?')

export function personCertificates(db: Db, personId: string): CertificateRow[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.person_id AS personId, c.course_id AS courseId, co.name AS courseName, c.source, c.number, c.format,
         c.evaluation_body AS evaluationBody, c.issued_on AS issuedOn, c.name, c.id_type AS idType, c.id_number AS idNumber,
         c.occupation, c.occupation_code AS occupationCode, c.direction, c.level, c.note, c.revision, c.recorded_at AS recordedAt,
         rs.display_name AS recordedBy, c.voided_at AS voidedAt, vs.display_name AS voidedBy, c.void_reason AS voidReason
       FROM certificates c
       LEFT JOIN courses co ON co.id = c.course_id
       LEFT JOIN staff rs ON rs.id = c.recorded_by
       LEFT JOIN staff vs ON vs.id = c.voided_by
       WHERE c.person_id = ? ORDER BY c.issued_on DESC, c.recorded_at DESC`,
    )
    .all(personId) as Array<Omit<CertificateRow, 'voided'> & { voidedAt: string | null; voidedBy: string | null; voidReason: string | null }>
  return rows.map(({ voidedAt, voidedBy, voidReason, ...r }) => ({
    ...r,
    voided: voidedAt === null ? null : { at: voidedAt, by: voidedBy ?? '', reason: voidReason ?? '' },
  }))
}

export interface RosterQuery extends RosterFilter {
  /** Null: every ward and past files; else only certificates of people now in these wards. */
  wards: readonly string[] | null
}

/** One roster line as read; the service masks, withholds and numbers it. */
export interface RosterRecord {
  certificateId: string
  personId: string
  name: string
  sex: 'M' | 'F' | null
  birthDate: string | null
  idType: CertificateRow['idType']
  idNumber: string
  occupation: string
  direction: string | null
  level: SkillLevel
  number: string
  issuedOn: string
  evaluationBody: string
  courseName: string | null
  courseStart: string | null
  courseEnd: string | null
  coursePlace: string | null
  ward: string | null
  theory: number | null
  practical: number | null
}

/** The WHERE of one filter shape: only the conditions of the filters given, named parameters. */
function rosterWhere(q: RosterQuery): { sql: string; params: Record<string, string | number> } {
  const conditions = ['c.voided_at IS NULL']
  const params: Record<string, string | number> = {}
  const add = (condition: string, name: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return
    conditions.push(condition)
    params[name] = value
  }
  add('c.course_id = @courseId', 'courseId', q.courseId)
  add('c.occupation = @occupation', 'occupation', q.occupation)
  add('c.level = @level', 'level', q.level)
  add('c.issued_on >= @issuedFrom', 'issuedFrom', q.issuedFrom)
  add('c.issued_on <= @issuedTo', 'issuedTo', q.issuedTo)
  add('c.evaluation_body = @evaluationBody', 'evaluationBody', q.evaluationBody)
  if (q.wards !== null) {
    conditions.push('p.ward_id IN (SELECT value FROM json_each(@wards))')
    params.wards = JSON.stringify(q.wards)
  }
  return { sql: conditions.join(' AND '), params }
}

/**
 * A page of the roster in issue order (date, then the order recorded: a batch keeps its order). CROSS JOIN keeps the
 * certificates as the outer loop, so the index walk gives the order and the LIMIT stops it.
 */
export function rosterPage(db: Db, q: RosterQuery, offset: number, limit: number): RosterRecord[] {
  const where = rosterWhere(q)
  // The index that both narrows the walk and gives the issue order (named: the planner may otherwise pick the totals
  // index for a level filter and sort afterwards).
  const index = q.courseId ? 'certificates_course' : q.occupation ? 'certificates_occupation' : q.evaluationBody ? 'certificates_body' : 'certificates_issued'
  return db
    .prepare(
      `SELECT c.id AS certificateId, c.person_id AS personId, c.name, p.sex, p.birth_date AS birthDate, c.id_type AS idType,
         c.id_number AS idNumber, c.occupation, c.direction, c.level, c.number, c.issued_on AS issuedOn, c.evaluation_body AS evaluationBody,
         co.name AS courseName, co.start_date AS courseStart, co.end_date AS courseEnd, co.place AS coursePlace, w.name AS ward,
         e.theory_score AS theory, e.practical_score AS practical
       FROM certificates c INDEXED BY ${index}
       CROSS JOIN people p ON p.id = c.person_id
       LEFT JOIN courses co ON co.id = c.course_id
       LEFT JOIN wards w ON w.id = p.ward_id
       LEFT JOIN exam_attempts e ON e.id = c.exam_attempt_id
       WHERE ${where.sql}
       ORDER BY c.issued_on, c.rowid LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit, offset }) as RosterRecord[]
}

/** Certificates, distinct people and certificates per level of the whole filtered roster (not only the page). */
export function rosterTotals(db: Db, q: RosterQuery): { certificates: number; people: number; byLevel: Record<SkillLevel, number> } {
  const where = rosterWhere(q)
  const join = q.wards === null ? '' : 'CROSS JOIN people p ON p.id = c.person_id'
  // A course's certificates are found through certificates_course; any other shape is counted from the covering index
  // alone (named, because on a small or empty table the planner may prefer the narrower number index and read rows).
  const index = q.courseId ? '' : 'INDEXED BY certificates_live_totals'
  const row = db
    .prepare(
      `SELECT count(*) AS certificates, count(DISTINCT c.person_id) AS people, total(c.level = 1) AS l1, total(c.level = 2) AS l2,
         total(c.level = 3) AS l3, total(c.level = 4) AS l4, total(c.level = 5) AS l5
       FROM certificates c ${index} ${join} WHERE ${where.sql}`,
    )
    .get(where.params) as { certificates: number; people: number; l1: number; l2: number; l3: number; l4: number; l5: number }
  return { certificates: row.certificates, people: row.people, byLevel: { 1: row.l1, 2: row.l2, 3: row.l3, 4: row.l4, 5: row.l5 } }
}

/** The values the roster's filters offer: read from their indexes (voided certificates' values included: harmless). */
export function rosterOptions(db: Db): RosterOptions {
  const values = (sql: string) => (db.prepare(sql).all() as Array<{ v: string }>).map((r) => r.v)
  const range = db.prepare('SELECT min(issued_on) AS first, max(issued_on) AS last FROM certificates').get() as { first: string | null; last: string | null }
  const years: number[] = []
  if (range.first && range.last) for (let y = Number(range.last.slice(0, 4)); y >= Number(range.first.slice(0, 4)); y--) years.push(y)
  return {
    evaluationBodies: values('SELECT DISTINCT evaluation_body AS v FROM certificates ORDER BY evaluation_body'),
    occupations: values('SELECT DISTINCT occupation AS v FROM certificates ORDER BY occupation'),
    years,
    courses: db
      .prepare("SELECT id, name, start_date AS startDate FROM courses WHERE kind = 'vocational' AND voided_at IS NULL ORDER BY start_date DESC")
      .all() as RosterOptions['courses'],
  }
}
