/**
 * Writes and single-record reads of the ward's records. The five person records share one shape (person, ward,
 * fields, revision, recorded/updated, void), so one table spec per type maps the contract's field names to columns;
 * table and column names come only from the specs below, never from input.
 */
import type { ConductView, MeasureView, MedicalView, TalkView, VisitView, WardDailyLogView, WardDayCounts, WardRecordMeta, WardRecordType } from '../../shared/contract/wardwork'
import type { Db } from '../db/open'

type Fields<V> = Omit<V, keyof WardRecordMeta>
export interface RecordFieldsByType {
  talk: Fields<TalkView>
  conduct: Fields<ConductView>
  visit: Fields<VisitView>
  medical: Fields<MedicalView>
  measure: Fields<MeasureView>
}
export interface ViewByType {
  talk: TalkView
  conduct: ConductView
  visit: VisitView
  medical: MedicalView
  measure: MeasureView
}

interface TableSpec<T extends WardRecordType> {
  table: string
  /** Contract field → column. */
  columns: { [K in keyof RecordFieldsByType[T]]: string }
}

export const RECORD_TABLES: { [T in WardRecordType]: TableSpec<T> } = {
  talk: {
    table: 'ward_talks',
    columns: { kind: 'kind', status: 'status', plannedOn: 'planned_on', doneOn: 'done_on', staff: 'staff', place: 'place', summary: 'summary' },
  },
  conduct: {
    table: 'conduct_entries',
    columns: { kind: 'kind', category: 'category', points: 'points', on: 'on_date', reason: 'reason', approvedBy: 'approved_by' },
  },
  visit: {
    table: 'family_visits',
    columns: { on: 'on_date', visitor: 'visitor', relation: 'relation', kind: 'kind', minutes: 'minutes', officer: 'officer', note: 'note' },
  },
  medical: {
    table: 'outside_medical_visits',
    columns: { hospital: 'hospital', outAt: 'out_at', backAt: 'back_at', reason: 'reason', escort: 'escort', outcome: 'outcome' },
  },
  measure: {
    table: 'watch_measures',
    columns: { kind: 'kind', crisisId: 'crisis_id', startOn: 'start_on', endOn: 'end_on', reviewOn: 'review_on', staff: 'staff', reason: 'reason' },
  },
}

const columnEntries = <T extends WardRecordType>(type: T) => Object.entries(RECORD_TABLES[type].columns) as Array<[string, string]>

/** The SELECT list of a record type's view (alias `r`, staff names joined). */
export function viewSelect(type: WardRecordType): string {
  const fields = columnEntries(type).map(([field, column]) => `r.${column} AS "${field}"`)
  return `r.id, r.person_id AS personId, r.ward_id AS wardId, r.revision, r.recorded_at AS recordedAt, rs.display_name AS recordedByName,
    r.updated_at AS updatedAt, us.display_name AS updatedByName, r.voided_at AS voidedAt, vs.display_name AS voidedByName, r.void_reason AS voidReason,
    ${fields.join(', ')}`
}
export function viewFrom(type: WardRecordType): string {
  return `${RECORD_TABLES[type].table} r JOIN staff rs ON rs.id = r.recorded_by JOIN staff us ON us.id = r.updated_by LEFT JOIN staff vs ON vs.id = r.voided_by`
}

type RawView = Record<string, unknown> & { voidedAt: string | null; voidedByName: string | null; voidReason: string | null }
/** A selected row as the contract's view. */
export function toView<T extends WardRecordType>(row: RawView): ViewByType[T] {
  const { voidedAt, voidedByName, voidReason, ...rest } = row
  return { ...rest, voided: voidedAt ? { at: voidedAt, byName: voidedByName ?? '', reason: voidReason ?? '' } : null } as unknown as ViewByType[T]
}

export interface StoredRecord {
  id: string
  personId: string
  wardId: string
  revision: number
  voided: boolean
}

export const wardworkRepo = {
  insert<T extends WardRecordType>(db: Db, type: T, r: { id: string; personId: string; wardId: string; fields: RecordFieldsByType[T]; at: string; by: string }): void {
    const cols = columnEntries(type)
    db.prepare(
      `INSERT INTO ${RECORD_TABLES[type].table} (id, person_id, ward_id, ${cols.map(([, c]) => c).join(', ')}, recorded_at, recorded_by, updated_at, updated_by)
       VALUES (@id, @personId, @wardId, ${cols.map(([f]) => `@f_${f}`).join(', ')}, @at, @by, @at, @by)`,
    ).run({ id: r.id, personId: r.personId, wardId: r.wardId, at: r.at, by: r.by, ...prefixed(r.fields) })
  },

  /** Changes a live record read at `revision`; false when it changed since or was voided (nothing is written). */
  update<T extends WardRecordType>(db: Db, type: T, r: { id: string; revision: number; wardId: string; fields: RecordFieldsByType[T]; at: string; by: string }): boolean {
    const cols = columnEntries(type)
    return (
      db
        .prepare(
          `UPDATE ${RECORD_TABLES[type].table} SET ${cols.map(([f, c]) => `${c} = @f_${f}`).join(', ')}, ward_id = @wardId,
             revision = revision + 1, updated_at = @at, updated_by = @by
           WHERE id = @id AND revision = @revision AND voided_at IS NULL`,
        )
        .run({ id: r.id, revision: r.revision, wardId: r.wardId, at: r.at, by: r.by, ...prefixed(r.fields) }).changes === 1
    )
  },

  voidRecord(db: Db, type: WardRecordType, id: string, mark: { at: string; by: string; reason: string }): boolean {
    return (
      db
        .prepare(`UPDATE ${RECORD_TABLES[type].table} SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL`)
        .run(mark.at, mark.by, mark.reason, id).changes === 1
    )
  },

  byId(db: Db, type: WardRecordType, id: string): StoredRecord | undefined {
    const row = db
      .prepare(`SELECT id, person_id AS personId, ward_id AS wardId, revision, voided_at IS NOT NULL AS voided FROM ${RECORD_TABLES[type].table} WHERE id = ?`)
      .get(id) as (Omit<StoredRecord, 'voided'> & { voided: 0 | 1 }) | undefined
    return row && { ...row, voided: row.voided === 1 }
  },

  fieldsById<T extends WardRecordType>(db: Db, type: T, id: string): ViewByType[T] | undefined {
    const row = db.prepare(`SELECT ${viewSelect(type)} FROM ${viewFrom(type)} WHERE r.id = ?`).get(id) as RawView | undefined
    return row && toView<T>(row)
  },

  /** The ward a person was in on a date (ward history; a move on that date counts the new ward), else their current ward. */
  wardOn(db: Db, personId: string, date: string): string | null {
    const row = db
      .prepare(
        `SELECT ward_id AS wardId FROM ward_assignments WHERE person_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date > ?)
         ORDER BY start_date DESC LIMIT 1`,
      )
      .get(personId, date, date) as { wardId: string } | undefined
    if (row) return row.wardId
    const current = db.prepare('SELECT ward_id AS wardId FROM people WHERE id = ?').get(personId) as { wardId: string | null } | undefined
    return current?.wardId ?? null
  },

  person(db: Db, personId: string): { id: string; name: string; voided: boolean; wardId: string | null } | undefined {
    const row = db.prepare('SELECT id, name, voided_at IS NOT NULL AS voided, ward_id AS wardId FROM people WHERE id = ?').get(personId) as
      | { id: string; name: string; voided: 0 | 1; wardId: string | null }
      | undefined
    return row && { ...row, voided: row.voided === 1 }
  },

  crisisOfPerson(db: Db, crisisId: string, personId: string): boolean {
    return db.prepare('SELECT 1 FROM crises WHERE id = ? AND person_id = ?').get(crisisId, personId) !== undefined
  },

  // --- the ward daily log -------------------------------------------------------------------------------------

  logOf(db: Db, wardId: string, date: string): WardDailyLogView | null {
    const row = db
      .prepare(
        `SELECT l.id, l.ward_id AS wardId, l.log_date AS date, l.counts, l.incidents, l.visits_summary AS visitsSummary, l.notes, l.on_duty AS onDuty,
           l.revision, l.recorded_at AS recordedAt, rs.display_name AS recordedByName, l.updated_at AS updatedAt, us.display_name AS updatedByName
         FROM ward_daily_logs l JOIN staff rs ON rs.id = l.recorded_by JOIN staff us ON us.id = l.updated_by
         WHERE l.ward_id = ? AND l.log_date = ? AND l.voided_at IS NULL`,
      )
      .get(wardId, date) as (Omit<WardDailyLogView, 'counts'> & { counts: string }) | undefined
    return row ? { ...row, counts: JSON.parse(row.counts) as WardDayCounts } : null
  },

  insertLog(db: Db, l: { id: string; wardId: string; date: string; counts: WardDayCounts; texts: LogTexts; at: string; by: string }): void {
    db.prepare(
      `INSERT INTO ward_daily_logs (id, ward_id, log_date, counts, incidents, visits_summary, notes, on_duty, recorded_at, recorded_by, updated_at, updated_by)
       VALUES (@id, @wardId, @date, @counts, @incidents, @visitsSummary, @notes, @onDuty, @at, @by, @at, @by)`,
    ).run({ id: l.id, wardId: l.wardId, date: l.date, counts: JSON.stringify(l.counts), ...l.texts, at: l.at, by: l.by })
  },

  updateLog(db: Db, l: { id: string; revision: number; counts: WardDayCounts; texts: LogTexts; at: string; by: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE ward_daily_logs SET counts = @counts, incidents = @incidents, visits_summary = @visitsSummary, notes = @notes, on_duty = @onDuty,
             revision = revision + 1, updated_at = @at, updated_by = @by
           WHERE id = @id AND revision = @revision AND voided_at IS NULL`,
        )
        .run({ id: l.id, revision: l.revision, counts: JSON.stringify(l.counts), ...l.texts, at: l.at, by: l.by }).changes === 1
    )
  },

  voidLog(db: Db, id: string, wardId: string, mark: { at: string; by: string; reason: string }): boolean {
    return (
      db
        .prepare('UPDATE ward_daily_logs SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND ward_id = ? AND voided_at IS NULL')
        .run(mark.at, mark.by, mark.reason, id, wardId).changes === 1
    )
  },
}

export interface LogTexts {
  incidents: string | null
  visitsSummary: string | null
  notes: string | null
  onDuty: string | null
}

function prefixed(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`f_${k}`, v ?? null]))
}
