import type { Identity, TermEventRow } from '../../shared/contract'
import type { Period } from '../../shared/domain/periods'
import type { Sex } from '../../shared/domain/person'
import type { Db } from '../db/open'
import { voidRow, type VoidMark } from '../db/voidRepo'

/** A detainee file's row, its columns aliased to camelCase (the identity fields carry the names `Identity` uses). */
export interface PersonRecord {
  id: string
  name: string
  namePinyin: string
  nameInitials: string
  sex: Sex
  ethnicity: string
  birthDate: string
  idNumber: string
  householdAddress: string
  decisionOrgan: string
  decisionDocNo: string
  decisionDate: string
  admissionDate: string
  emergencyContactName: string | null
  emergencyContactRelation: string | null
  emergencyContactPhone: string | null
  wardId: string | null
  period: Period | null
  periodSince: string | null
  lastDay: string | null
  earlyReleaseBar: string | null
  revision: number
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

/** The identity fields, in the order a revision stores them. */
export const IDENTITY_FIELDS = [
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'householdAddress',
  'decisionOrgan',
  'decisionDocNo',
  'decisionDate',
  'admissionDate',
  'emergencyContactName',
  'emergencyContactRelation',
  'emergencyContactPhone',
] as const satisfies ReadonlyArray<keyof Identity & keyof PersonRecord>

/** What an identity edit writes: the identity fields and the name's pinyin for search. */
export type IdentityColumns = Pick<PersonRecord, (typeof IDENTITY_FIELDS)[number] | 'namePinyin' | 'nameInitials'>

export function identityOf(r: PersonRecord): Identity {
  return Object.fromEntries(IDENTITY_FIELDS.map((field) => [field, r[field]])) as Identity
}

const SELECT_PERSON = `
  SELECT id, name, name_pinyin AS namePinyin, name_initials AS nameInitials, sex, ethnicity, birth_date AS birthDate,
         id_number AS idNumber, household_address AS householdAddress, decision_organ AS decisionOrgan,
         decision_doc_no AS decisionDocNo, decision_date AS decisionDate, admission_date AS admissionDate,
         emergency_contact_name AS emergencyContactName, emergency_contact_relation AS emergencyContactRelation,
         emergency_contact_phone AS emergencyContactPhone, ward_id AS wardId, period, period_since AS periodSince,
         last_day AS lastDay, early_release_bar AS earlyReleaseBar, revision, created_at AS createdAt,
         created_by AS createdBy, updated_at AS updatedAt, updated_by AS updatedBy, voided_at AS voidedAt,
         voided_by AS voidedBy, void_reason AS voidReason
  FROM people`

export const personById = (db: Db, id: string) => db.prepare(`${SELECT_PERSON} WHERE id = ?`).get(id) as PersonRecord | undefined

/** The live (not voided) file holding this ID number, if any. */
export const liveIdByIdNumber = (db: Db, idNumber: string) =>
  (db.prepare('SELECT id FROM people WHERE id_number = ? AND voided_at IS NULL').get(idNumber) as { id: string } | undefined)?.id

/** How many live files the ward holds (its occupancy). */
export const livePeopleInWard = (db: Db, wardId: string) =>
  (db.prepare('SELECT count(*) AS n FROM people WHERE ward_id = ? AND voided_at IS NULL').get(wardId) as { n: number }).n

export function insertPersonRow(db: Db, r: PersonRecord): void {
  db.prepare(
    `INSERT INTO people (id, name, name_pinyin, name_initials, sex, ethnicity, birth_date, id_number, household_address,
       decision_organ, decision_doc_no, decision_date, admission_date, emergency_contact_name, emergency_contact_relation,
       emergency_contact_phone, ward_id, period, period_since, last_day, early_release_bar, revision, created_at, created_by,
       updated_at, updated_by, voided_at, voided_by, void_reason)
     VALUES (@id, @name, @namePinyin, @nameInitials, @sex, @ethnicity, @birthDate, @idNumber, @householdAddress,
       @decisionOrgan, @decisionDocNo, @decisionDate, @admissionDate, @emergencyContactName, @emergencyContactRelation,
       @emergencyContactPhone, @wardId, @period, @periodSince, @lastDay, @earlyReleaseBar, @revision, @createdAt, @createdBy,
       @updatedAt, @updatedBy, @voidedAt, @voidedBy, @voidReason)`,
  ).run(r)
}

export function updateIdentity(db: Db, id: string, r: IdentityColumns & { revision: number; updatedAt: string; updatedBy: string }): void {
  db.prepare(
    `UPDATE people SET name = @name, name_pinyin = @namePinyin, name_initials = @nameInitials, sex = @sex, ethnicity = @ethnicity,
       birth_date = @birthDate, id_number = @idNumber, household_address = @householdAddress, decision_organ = @decisionOrgan,
       decision_doc_no = @decisionDocNo, decision_date = @decisionDate, admission_date = @admissionDate,
       emergency_contact_name = @emergencyContactName, emergency_contact_relation = @emergencyContactRelation,
       emergency_contact_phone = @emergencyContactPhone, revision = @revision, updated_at = @updatedAt, updated_by = @updatedBy
     WHERE id = @id`,
  ).run({ ...r, id })
}

/** The denormalised last day (null while an escape is open), kept for lists and sorting. */
export function setLastDay(db: Db, id: string, lastDay: string | null): void {
  db.prepare('UPDATE people SET last_day = ? WHERE id = ?').run(lastDay, id)
}

export function setCurrentWard(db: Db, id: string, wardId: string, change: { at: string; by: string }): void {
  db.prepare('UPDATE people SET ward_id = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(wardId, change.at, change.by, id)
}

export function setCurrentPeriod(db: Db, id: string, period: Period, since: string, change: { at: string; by: string }): void {
  db.prepare('UPDATE people SET period = ?, period_since = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(period, since, change.at, change.by, id)
}

export function setEarlyReleaseBar(db: Db, id: string, reason: string | null, change: { at: string; by: string }): void {
  db.prepare('UPDATE people SET early_release_bar = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(reason, change.at, change.by, id)
}

/** False when there is no live file with that id. */
export const voidPerson = (db: Db, id: string, mark: VoidMark): boolean => voidRow(db, 'people', id, mark)

export function insertRevision(
  db: Db,
  r: { id: string; personId: string; revision: number; data: string; changedAt: string; changedBy: string; changeNote: string | null },
): void {
  db.prepare(
    `INSERT INTO person_revisions (id, person_id, revision, data, changed_at, changed_by, change_note)
     VALUES (@id, @personId, @revision, @data, @changedAt, @changedBy, @changeNote)`,
  ).run(r)
}

export function insertPeriodMove(
  db: Db,
  r: {
    id: string
    personId: string
    fromPeriod: Period | null
    toPeriod: Period
    effectiveDate: string
    recordedAt: string
    recordedBy: string
    note: string | null
    correction: boolean
    /** The period-template version the move was checked against (versioned configuration); null before set-up. */
    periodTemplateVersion: number | null
  },
): void {
  db.prepare(
    `INSERT INTO period_moves (id, person_id, from_period, to_period, effective_date, recorded_at, recorded_by, note, correction, period_template_version)
     VALUES (@id, @personId, @fromPeriod, @toPeriod, @effectiveDate, @recordedAt, @recordedBy, @note, @correction, @periodTemplateVersion)`,
  ).run({ ...r, correction: r.correction ? 1 : 0 })
}

/** The open ward assignment (no end date), if any. */
export const currentWardAssignment = (db: Db, personId: string) =>
  db.prepare('SELECT id, ward_id AS wardId, start_date AS startDate FROM ward_assignments WHERE person_id = ? AND end_date IS NULL').get(personId) as
    | { id: string; wardId: string; startDate: string }
    | undefined

export function insertWardAssignment(
  db: Db,
  r: { id: string; personId: string; wardId: string; startDate: string; recordedAt: string; recordedBy: string; note: string | null },
): void {
  db.prepare(
    `INSERT INTO ward_assignments (id, person_id, ward_id, start_date, end_date, recorded_at, recorded_by, note)
     VALUES (@id, @personId, @wardId, @startDate, NULL, @recordedAt, @recordedBy, @note)`,
  ).run(r)
}

export function endWardAssignment(db: Db, assignmentId: string, endDate: string): void {
  db.prepare('UPDATE ward_assignments SET end_date = ? WHERE id = ?').run(endDate, assignmentId)
}

/** A term event (extension or escape), its columns aliased to camelCase: the contract's row plus who voided it. */
export interface TermEventRecord extends Omit<TermEventRow, 'voided'> {
  personId: string
  voidedAt: string | null
  voidedBy: string | null
}

/** Term events in the order the term is computed: by start (or recording), then recording. */
export const TERM_EVENT_ORDER = 'coalesce(e.from_date, e.recorded_at), e.recorded_at'

export const termEventsOf = (db: Db, personId: string) =>
  db
    .prepare(
      `SELECT e.id, e.person_id AS personId, e.kind, e.months, e.from_date AS fromDate, e.to_date AS toDate, e.doc_no AS docNo,
              e.approval_date AS approvalDate, e.note, e.recorded_at AS recordedAt, e.recorded_by AS recordedBy, e.voided_at AS voidedAt,
              e.voided_by AS voidedBy, e.void_reason AS voidReason
       FROM term_events e WHERE e.person_id = ? ORDER BY ${TERM_EVENT_ORDER}`,
    )
    .all(personId) as TermEventRecord[]

export function insertTermEvent(db: Db, r: Omit<TermEventRecord, 'voidedAt' | 'voidedBy' | 'voidReason'>): void {
  db.prepare(
    `INSERT INTO term_events (id, person_id, kind, months, from_date, to_date, doc_no, approval_date, note, recorded_at, recorded_by)
     VALUES (@id, @personId, @kind, @months, @fromDate, @toDate, @docNo, @approvalDate, @note, @recordedAt, @recordedBy)`,
  ).run(r)
}

/** Records the day an open escape ended. */
export function closeEscapeEvent(db: Db, eventId: string, toDate: string): void {
  db.prepare('UPDATE term_events SET to_date = ? WHERE id = ?').run(toDate, eventId)
}

/** False when there is no live event with that id. */
export const voidTermEvent = (db: Db, eventId: string, mark: VoidMark): boolean => voidRow(db, 'term_events', eventId, mark)

/**
 * The release date an approved early release set (issue 13: written by the assessment domain's decisions). Read with
 * `SELECT *` so the term of a file can still be computed on a database before migration 16 (upgrade tests run the
 * people services on older schemas), where the column does not exist yet and no early release can have been approved.
 */
export const earlyReleaseOnOf = (db: Db, personId: string): string | null =>
  (db.prepare('SELECT * FROM people WHERE id = ?').get(personId) as { early_release_on?: string | null } | undefined)?.early_release_on ?? null

export function setEarlyReleaseOn(db: Db, personId: string, on: string | null): void {
  db.prepare('UPDATE people SET early_release_on = ? WHERE id = ?').run(on, personId)
}

/** The stay ends (issue 14, release): no ward, no period; the ward assignment is ended by the caller. */
export function clearWardAndPeriod(db: Db, id: string, change: { at: string; by: string }): void {
  db.prepare('UPDATE people SET ward_id = NULL, period = NULL, period_since = NULL, updated_at = ?, updated_by = ? WHERE id = ?').run(change.at, change.by, id)
}

/** The person's latest ward assignment (by start), open or ended. */
export const latestWardAssignment = (db: Db, personId: string) =>
  db
    .prepare('SELECT id, ward_id AS wardId, start_date AS startDate, end_date AS endDate FROM ward_assignments WHERE person_id = ? ORDER BY start_date DESC, recorded_at DESC LIMIT 1')
    .get(personId) as { id: string; wardId: string; startDate: string; endDate: string | null } | undefined

export function reopenWardAssignment(db: Db, assignmentId: string): void {
  db.prepare('UPDATE ward_assignments SET end_date = NULL WHERE id = ?').run(assignmentId)
}

/** The day the person's latest move into `period` took effect (to restore period_since when a release is undone). */
export const latestPeriodStart = (db: Db, personId: string, period: Period) =>
  (
    db
      .prepare('SELECT effective_date AS effectiveDate FROM period_moves WHERE person_id = ? AND to_period = ? ORDER BY effective_date DESC, recorded_at DESC LIMIT 1')
      .get(personId, period) as { effectiveDate: string } | undefined
  )?.effectiveDate ?? null
