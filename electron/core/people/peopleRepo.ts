import type { Identity, PeriodMoveRow, TermEventRow, WardAssignmentRow } from '../../shared/contract'
import type { Period } from '../../shared/domain/periods'
import type { Db } from '../db/open'

export interface PersonRecord {
  id: string
  name: string
  name_pinyin: string
  name_initials: string
  sex: 'M' | 'F'
  ethnicity: string
  birth_date: string
  id_number: string
  household_address: string
  decision_organ: string
  decision_doc_no: string
  decision_date: string
  admission_date: string
  emergency_contact_name: string | null
  emergency_contact_relation: string | null
  emergency_contact_phone: string | null
  ward_id: string | null
  period: Period | null
  period_since: string | null
  last_day: string | null
  early_release_bar: string | null
  revision: number
  created_at: string
  created_by: string
  updated_at: string
  updated_by: string
  voided_at: string | null
  voided_by: string | null
  void_reason: string | null
}

export interface TermEventRecord {
  id: string
  person_id: string
  kind: 'extension' | 'escape'
  months: number | null
  from_date: string | null
  to_date: string | null
  doc_no: string | null
  note: string | null
  recorded_at: string
  recorded_by: string
  voided_at: string | null
  void_reason: string | null
}

/** Identity columns ⇄ identity fields. */
export const IDENTITY_COLUMNS: Record<keyof Identity, keyof PersonRecord> = {
  name: 'name',
  sex: 'sex',
  ethnicity: 'ethnicity',
  birthDate: 'birth_date',
  idNumber: 'id_number',
  householdAddress: 'household_address',
  decisionOrgan: 'decision_organ',
  decisionDocNo: 'decision_doc_no',
  decisionDate: 'decision_date',
  admissionDate: 'admission_date',
  emergencyContactName: 'emergency_contact_name',
  emergencyContactRelation: 'emergency_contact_relation',
  emergencyContactPhone: 'emergency_contact_phone',
}

export function identityOf(r: PersonRecord): Identity {
  const out: Record<string, unknown> = {}
  for (const [field, column] of Object.entries(IDENTITY_COLUMNS)) out[field] = r[column]
  return out as Identity
}

export const peopleRepo = {
  byId: (db: Db, id: string) => db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRecord | undefined,

  liveIdByIdNumber: (db: Db, idNumber: string) =>
    (db.prepare('SELECT id FROM people WHERE id_number = ? AND voided_at IS NULL').get(idNumber) as { id: string } | undefined)?.id,

  insert(db: Db, r: PersonRecord) {
    const columns = Object.keys(r)
    db.prepare(`INSERT INTO people (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(r)
  },

  updateIdentity(db: Db, id: string, r: Partial<PersonRecord>) {
    const columns = Object.keys(r)
    db.prepare(`UPDATE people SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...r, id })
  },

  insertRevision(db: Db, r: { id: string; person_id: string; revision: number; data: string; changed_at: string; changed_by: string; change_note: string | null }) {
    db.prepare(
      `INSERT INTO person_revisions (id, person_id, revision, data, changed_at, changed_by, change_note)
       VALUES (@id, @person_id, @revision, @data, @changed_at, @changed_by, @change_note)`,
    ).run(r)
  },

  revisions: (db: Db, personId: string) =>
    db
      .prepare(
        `SELECT r.revision, r.data, r.changed_at, s.display_name AS changed_by, r.change_note
         FROM person_revisions r JOIN staff s ON s.id = r.changed_by WHERE r.person_id = ? ORDER BY r.revision`,
      )
      .all(personId) as Array<{ revision: number; data: string; changed_at: string; changed_by: string; change_note: string | null }>,

  insertPeriodMove(db: Db, r: { id: string; person_id: string; from_period: Period | null; to_period: Period; effective_date: string; recorded_at: string; recorded_by: string; note: string | null; correction: 0 | 1 }) {
    db.prepare(
      `INSERT INTO period_moves (id, person_id, from_period, to_period, effective_date, recorded_at, recorded_by, note, correction)
       VALUES (@id, @person_id, @from_period, @to_period, @effective_date, @recorded_at, @recorded_by, @note, @correction)`,
    ).run(r)
  },

  periodMoves: (db: Db, personId: string): PeriodMoveRow[] =>
    (
      db
        .prepare(
          `SELECT m.id, m.from_period, m.to_period, m.effective_date, m.recorded_at, s.display_name AS recorded_by, m.note, m.correction
           FROM period_moves m JOIN staff s ON s.id = m.recorded_by WHERE m.person_id = ? ORDER BY m.recorded_at DESC, m.rowid DESC`,
        )
        .all(personId) as Array<{ id: string; from_period: Period | null; to_period: Period; effective_date: string; recorded_at: string; recorded_by: string; note: string | null; correction: number }>
    ).map((r) => ({
      id: r.id,
      fromPeriod: r.from_period,
      toPeriod: r.to_period,
      effectiveDate: r.effective_date,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
      note: r.note,
      correction: r.correction === 1,
    })),

  currentWardAssignment: (db: Db, personId: string) =>
    db.prepare('SELECT id, ward_id, start_date FROM ward_assignments WHERE person_id = ? AND end_date IS NULL').get(personId) as
      | { id: string; ward_id: string; start_date: string }
      | undefined,

  insertWardAssignment(db: Db, r: { id: string; person_id: string; ward_id: string; start_date: string; recorded_at: string; recorded_by: string; note: string | null }) {
    db.prepare(
      `INSERT INTO ward_assignments (id, person_id, ward_id, start_date, end_date, recorded_at, recorded_by, note)
       VALUES (@id, @person_id, @ward_id, @start_date, NULL, @recorded_at, @recorded_by, @note)`,
    ).run(r)
  },

  endWardAssignment: (db: Db, assignmentId: string, endDate: string) =>
    db.prepare('UPDATE ward_assignments SET end_date = ? WHERE id = ?').run(endDate, assignmentId),

  wardAssignments: (db: Db, personId: string): WardAssignmentRow[] =>
    (
      db
        .prepare(
          `SELECT a.id, a.ward_id, w.name AS ward_name, a.start_date, a.end_date, a.recorded_at, s.display_name AS recorded_by, a.note
           FROM ward_assignments a JOIN wards w ON w.id = a.ward_id JOIN staff s ON s.id = a.recorded_by
           WHERE a.person_id = ? ORDER BY a.start_date DESC, a.recorded_at DESC`,
        )
        .all(personId) as Array<{ id: string; ward_id: string; ward_name: string; start_date: string; end_date: string | null; recorded_at: string; recorded_by: string; note: string | null }>
    ).map((r) => ({
      id: r.id,
      wardId: r.ward_id,
      wardName: r.ward_name,
      startDate: r.start_date,
      endDate: r.end_date,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
      note: r.note,
    })),

  termEvents: (db: Db, personId: string) =>
    db
      .prepare(
        `SELECT e.*, s.display_name AS recorded_by_name FROM term_events e JOIN staff s ON s.id = e.recorded_by
         WHERE e.person_id = ? ORDER BY coalesce(e.from_date, e.recorded_at), e.recorded_at`,
      )
      .all(personId) as Array<TermEventRecord & { recorded_by_name: string }>,

  insertTermEvent(db: Db, r: Omit<TermEventRecord, 'voided_at' | 'void_reason'>) {
    db.prepare(
      `INSERT INTO term_events (id, person_id, kind, months, from_date, to_date, doc_no, note, recorded_at, recorded_by)
       VALUES (@id, @person_id, @kind, @months, @from_date, @to_date, @doc_no, @note, @recorded_at, @recorded_by)`,
    ).run(r)
  },
}

export function toTermEventRow(r: TermEventRecord & { recorded_by_name: string }): TermEventRow {
  return {
    id: r.id,
    kind: r.kind,
    months: r.months,
    fromDate: r.from_date,
    toDate: r.to_date,
    docNo: r.doc_no,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by_name,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
  }
}
