import type { Paged, PeriodMoveRow, PersonListRow, TermEventRow, WardAssignmentRow, WardRosterRow } from '../../shared/contract'
import { ageOn } from '../../shared/domain/dates'
import { idTail, maskIdNumber } from '../../shared/domain/idNumber'
import type { Period } from '../../shared/domain/periods'
import type { Sex } from '../../shared/domain/person'
import { termWarning } from '../../shared/domain/term'
import type { Db } from '../db/open'
import { TERM_EVENT_ORDER } from './peopleRepo'

/*
 * Lists and screens over people. A list may join the wards and staff tables for the names it shows; rules never read
 * another domain's tables (they call its repository).
 */

interface Filters {
  q?: string | undefined
  wardId?: string | undefined
  period?: Period | undefined
  sex?: Sex | undefined
  includeVoided: boolean
  sort: 'name' | 'period' | 'daysInPeriod' | 'daysToLastDay' | 'decisionDate'
  dir: 'asc' | 'desc'
  offset: number
  limit: number
}

const SELECT = `
  SELECT p.id, p.name, p.sex, p.id_number AS idNumber, p.birth_date AS birthDate, p.ward_id AS wardId, w.name AS wardName,
         p.period, p.period_since AS periodSince,
         CAST(julianday(@today) - julianday(p.period_since) AS INTEGER) AS daysInPeriod,
         p.decision_date AS decisionDate, p.last_day AS lastDay,
         CAST(julianday(p.last_day) - julianday(@today) AS INTEGER) AS daysToLastDay, p.voided_at IS NOT NULL AS voided
  FROM people p LEFT JOIN wards w ON w.id = p.ward_id`

/** Name contains the text, pinyin or initials start with it (letters typed), or the ID number contains it. */
const MATCH = `(
  p.name LIKE '%' || @q || '%' ESCAPE '\\'
  OR (@qp <> '' AND (p.name_pinyin LIKE @qp || '%' OR p.name_initials LIKE @qp || '%'))
  OR (@qid <> '' AND p.id_number LIKE '%' || @qid || '%')
)`

const ORDER: Record<Filters['sort'], string> = {
  name: 'p.name_pinyin %DIR%, p.name',
  period: "CASE p.period WHEN 'detox' THEN 1 WHEN 'education' THEN 2 WHEN 'rehabilitation' THEN 3 WHEN 'return' THEN 4 ELSE 5 END %DIR%, p.period_since",
  daysInPeriod: 'daysInPeriod IS NULL, daysInPeriod %DIR%',
  daysToLastDay: 'p.last_day IS NULL, p.last_day %DIR%',
  decisionDate: 'p.decision_date %DIR%',
}

/** A list row as selected: the full ID number (only its tail leaves core) and `voided` as SQLite's 0/1. */
type Row = Omit<PersonListRow, 'idTail' | 'voided' | 'termWarning'> & { idNumber: string; voided: number }

/** `warningDays` is the facility's term warning window (setting people.termWarningDays). */
const toListRow =
  (today: string, warningDays: number) =>
  ({ idNumber, voided, ...r }: Row): PersonListRow => ({
    ...r,
    idTail: idTail(idNumber),
    termWarning: voided === 1 ? null : termWarning(r.lastDay, today, warningDays),
    voided: voided === 1,
  })

function queryTerms(q: string | undefined) {
  const text = (q ?? '').trim()
  return {
    q: text.replace(/[\\%_]/g, (c) => '\\' + c),
    qp: /^[a-zA-Z\s']+$/.test(text) ? text.toLowerCase().replace(/[^a-z]/g, '') : '',
    qid: /^[0-9xX]{3,18}$/.test(text) ? text.toUpperCase() : '',
  }
}

/**
 * The list's WHERE clause and its parameters. Each condition is added only when its filter is present: an
 * optional-parameter OR filter could use no index. Exported for the query-plan test.
 */
export function peopleListWhere(f: Omit<Filters, 'sort' | 'dir' | 'limit' | 'offset'>): { where: string; params: Record<string, string> } {
  const conditions: string[] = []
  const params: Record<string, string> = {}
  const equals = (column: string, name: string, value: string | undefined) => {
    if (!value) return
    conditions.push(`${column} = @${name}`)
    params[name] = value
  }
  if (!f.includeVoided) conditions.push('p.voided_at IS NULL')
  equals('p.ward_id', 'wardId', f.wardId)
  equals('p.period', 'period', f.period)
  equals('p.sex', 'sex', f.sex)
  if (f.q) {
    conditions.push(MATCH)
    Object.assign(params, queryTerms(f.q))
  }
  return { where: conditions.length > 0 ? conditions.join(' AND ') : '1', params }
}

export function listPeople(db: Db, f: Filters, today: string, warningDays: number): Paged<PersonListRow> {
  const { where, params: filterParams } = peopleListWhere(f)
  const params = { ...filterParams, today, limit: f.limit, offset: f.offset }
  const order = ORDER[f.sort].replaceAll('%DIR%', f.dir === 'desc' ? 'DESC' : 'ASC')
  const total = (db.prepare(`SELECT count(*) AS n FROM people p WHERE ${where}`).get(params) as { n: number }).n
  const rows = db.prepare(`${SELECT} WHERE ${where} ORDER BY ${order}, p.id LIMIT @limit OFFSET @offset`).all(params) as Row[]
  return { rows: rows.map(toListRow(today, warningDays)), total }
}

/**
 * Every live person whose current ward it is, by pinyin: the roster (花名册) as printed and exported. Not paged (a ward
 * holds at most its capacity); reads through the people_ward index (ward_id, voided_at), never a scan of all people.
 * Exported so a test can assert that query plan.
 */
export const WARD_ROSTER_SQL = `
  SELECT p.id, p.name, p.sex, p.birth_date AS birthDate, p.id_number AS idNumber, p.period, p.admission_date AS admissionDate,
         p.last_day AS lastDay, CAST(julianday(p.last_day) - julianday(@today) AS INTEGER) AS daysToLastDay
  FROM people p WHERE p.ward_id = @wardId AND p.voided_at IS NULL ORDER BY p.name_pinyin, p.name, p.id`

export function wardRosterRows(db: Db, wardId: string, today: string, warningDays: number): WardRosterRow[] {
  const rows = db.prepare(WARD_ROSTER_SQL).all({ wardId, today }) as Array<
    Omit<WardRosterRow, 'age' | 'idNumberMasked' | 'termWarning'> & { birthDate: string; idNumber: string }
  >
  return rows.map(({ birthDate, idNumber, ...r }) => ({
    ...r,
    age: ageOn(birthDate, today),
    idNumberMasked: maskIdNumber(idNumber),
    termWarning: termWarning(r.lastDay, today, warningDays),
  }))
}

export function searchPeople(db: Db, q: string, limit: number, today: string, warningDays: number): PersonListRow[] {
  const terms = queryTerms(q)
  const rows = db
    .prepare(
      `${SELECT} WHERE p.voided_at IS NULL AND ${MATCH}
       ORDER BY CASE WHEN p.name = @q OR p.name_initials = @qp OR p.name_pinyin = @qp OR p.id_number = @qid THEN 0 ELSE 1 END,
                p.name_pinyin, p.id
       LIMIT @limit`,
    )
    .all({ today, ...terms, limit }) as Row[]
  return rows.map(toListRow(today, warningDays))
}

/** Live files per ward and period, for the ward list. */
export const liveCountsByWardAndPeriod = (db: Db) =>
  db
    .prepare('SELECT ward_id AS wardId, period, count(*) AS n FROM people WHERE voided_at IS NULL AND ward_id IS NOT NULL GROUP BY ward_id, period')
    .all() as Array<{ wardId: string; period: Period | null; n: number }>

/** Identity revisions, oldest first, each with the stored identity (JSON) and who changed it. */
export const revisionsOf = (db: Db, personId: string) =>
  db
    .prepare(
      `SELECT r.revision, r.data, r.changed_at AS changedAt, s.display_name AS changedBy, r.change_note AS changeNote
       FROM person_revisions r JOIN staff s ON s.id = r.changed_by WHERE r.person_id = ? ORDER BY r.revision`,
    )
    .all(personId) as Array<{ revision: number; data: string; changedAt: string; changedBy: string; changeNote: string | null }>

/** Period moves, newest first. */
export function periodMoveRows(db: Db, personId: string): PeriodMoveRow[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.from_period AS fromPeriod, m.to_period AS toPeriod, m.effective_date AS effectiveDate, m.recorded_at AS recordedAt,
              s.display_name AS recordedBy, m.note, m.correction
       FROM period_moves m JOIN staff s ON s.id = m.recorded_by WHERE m.person_id = ? ORDER BY m.recorded_at DESC, m.rowid DESC`,
    )
    .all(personId) as Array<Omit<PeriodMoveRow, 'correction'> & { correction: number }>
  return rows.map((r) => ({ ...r, correction: r.correction === 1 }))
}

/** Ward assignments, newest first. */
export const wardAssignmentRows = (db: Db, personId: string) =>
  db
    .prepare(
      `SELECT a.id, a.ward_id AS wardId, w.name AS wardName, a.start_date AS startDate, a.end_date AS endDate, a.recorded_at AS recordedAt,
              s.display_name AS recordedBy, a.note
       FROM ward_assignments a JOIN wards w ON w.id = a.ward_id JOIN staff s ON s.id = a.recorded_by
       WHERE a.person_id = ? ORDER BY a.start_date DESC, a.recorded_at DESC`,
    )
    .all(personId) as WardAssignmentRow[]

/** Term events as the term tab lists them, in the order the term is computed. */
export function termEventRows(db: Db, personId: string): TermEventRow[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.kind, e.months, e.from_date AS fromDate, e.to_date AS toDate, e.doc_no AS docNo, e.approval_date AS approvalDate, e.note, e.recorded_at AS recordedAt,
              s.display_name AS recordedBy, e.voided_at IS NOT NULL AS voided, e.void_reason AS voidReason
       FROM term_events e JOIN staff s ON s.id = e.recorded_by WHERE e.person_id = ? ORDER BY ${TERM_EVENT_ORDER}`,
    )
    .all(personId) as Array<Omit<TermEventRow, 'voided'> & { voided: number }>
  return rows.map((r) => ({ ...r, voided: r.voided === 1 }))
}

// Lookups for other domains (psych)

/** What another domain shows of a person: the name (and pinyin, to sort by), the current ward, whether the file is voided. */
export interface PersonRef {
  id: string
  name: string
  namePinyin: string
  wardId: string | null
  voided: boolean
}

/** People by id in one query, voided files included (and marked), for lists that show names. Unknown ids are absent. */
export function personRefsByIds(db: Db, ids: readonly string[]): Map<string, PersonRef> {
  if (ids.length === 0) return new Map()
  const rows = db
    .prepare(
      `SELECT id, name, name_pinyin AS namePinyin, ward_id AS wardId, voided_at IS NOT NULL AS voided
       FROM people WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify([...new Set(ids)])) as Array<Omit<PersonRef, 'voided'> & { voided: 0 | 1 }>
  return new Map(rows.map((r) => [r.id, { ...r, voided: r.voided === 1 }]))
}

/** One person's reference (voided files included and marked); undefined for an unknown id. */
export const personRef = (db: Db, id: string): PersonRef | undefined => personRefsByIds(db, [id]).get(id)

/** A ward's live people (those whose current ward it is), by pinyin: the roster a ward screen lists. */
export function wardResidents(db: Db, wardId: string): Array<{ id: string; name: string; idTail: string; period: Period | null; admissionDate: string }> {
  const rows = db
    .prepare('SELECT id, name, id_number AS idNumber, period, admission_date AS admissionDate FROM people WHERE ward_id = ? AND voided_at IS NULL ORDER BY name_pinyin')
    .all(wardId) as Array<{ id: string; name: string; idNumber: string; period: Period | null; admissionDate: string }>
  return rows.map(({ idNumber, ...r }) => ({ ...r, idTail: idTail(idNumber) }))
}

/** Ids of voided files (few: a void corrects a mistaken file), so a list over all people can leave them out. */
export function voidedPersonIds(db: Db): string[] {
  return (db.prepare('SELECT id FROM people WHERE voided_at IS NOT NULL').all() as Array<{ id: string }>).map((r) => r.id)
}
