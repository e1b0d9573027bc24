import type { ListPage, PeriodMoveRow, PersonListRow, Stay, TermEventRow, WardAssignmentRow, WardRosterRow } from '../../shared/contract'
import { ageOn } from '../../shared/domain/dates'
import { idTail, maskIdNumber } from '../../shared/domain/idNumber'
import type { Period } from '../../shared/domain/periods'
import type { Sex } from '../../shared/domain/person'
import { termWarning, termWarningForDaysLeft } from '../../shared/domain/term'
import type { Db } from '../db/open'
import { TERM_EVENT_ORDER } from './peopleRepo'
import { searchPersonIds, searchQueryOf, searchTermOf, termCondition, termRange } from './peopleSearchQueries'

/*
 * Lists and screens over people. A list may join the wards and staff tables for the names it shows; rules never read
 * another domain's tables (they call its repository).
 */

interface Filters {
  q?: string | undefined
  wardId?: string | undefined
  /** Ward scoping: only these wards (a caller whose reach is limited to his own wards, listing without naming one). */
  wardIn?: readonly string[] | undefined
  period?: Period | undefined
  sex?: Sex | undefined
  stay: Stay
  includeVoided: boolean
  withTotal: boolean
  sort: 'name' | 'period' | 'daysInPeriod' | 'daysToLastDay' | 'decisionDate'
  dir: 'asc' | 'desc'
  offset: number
  limit: number
}

const COLUMNS = `
  p.id, p.name, p.sex, p.id_number AS idNumber, p.birth_date AS birthDate, p.ward_id AS wardId, w.name AS wardName,
  p.period, p.period_since AS periodSince,
  CAST(julianday(@today) - julianday(p.period_since) AS INTEGER) AS daysInPeriod,
  p.decision_date AS decisionDate, p.last_day AS lastDay,
  CAST(julianday(p.last_day) - julianday(@today) AS INTEGER) AS daysToLastDay, p.voided_at IS NOT NULL AS voided`

const PERIOD_RANK = "CASE p.period WHEN 'detox' THEN 1 WHEN 'education' THEN 2 WHEN 'rehabilitation' THEN 3 WHEN 'return' THEN 4 ELSE 5 END"

/**
 * Sort keys on columns only (so the page of ids can be chosen before any row is read), ending with the id so a page
 * boundary is stable. Each order, both ways, is exactly the key of a people_live_* index (migration 007), read forwards
 * or backwards: a page of all 53,000 files is read in index order, never sorted. Files without the date sort last both
 * ways, hence a different null flag per direction (more days in the period = an earlier start).
 */
const ORDER: Record<Filters['sort'], Record<Filters['dir'], string>> = {
  name: { asc: 'p.name_pinyin, p.name, p.id', desc: 'p.name_pinyin DESC, p.name DESC, p.id DESC' },
  period: { asc: `${PERIOD_RANK}, p.period_since, p.id`, desc: `${PERIOD_RANK} DESC, p.period_since DESC, p.id DESC` },
  daysInPeriod: {
    asc: 'p.period_since IS NOT NULL DESC, p.period_since DESC, p.id DESC',
    desc: 'p.period_since IS NULL, p.period_since, p.id',
  },
  daysToLastDay: { asc: 'p.last_day IS NULL, p.last_day, p.id', desc: 'p.last_day IS NOT NULL DESC, p.last_day DESC, p.id DESC' },
  decisionDate: { asc: 'p.decision_date, p.id', desc: 'p.decision_date DESC, p.id DESC' },
}

export const orderBy = (sort: Filters['sort'], dir: Filters['dir']): string => ORDER[sort][dir]

/** A list row as selected: the full ID number (only its tail leaves core) and `voided` as SQLite's 0/1. */
type Row = Omit<PersonListRow, 'idTail' | 'voided' | 'termWarning'> & { idNumber: string; voided: number }

/**
 * A list row as it leaves core. Fields are copied one by one (a rest-and-spread of the driver's row objects cost more
 * than the query), and the warning comes from the days the query already counted. `warningDays` is the facility's
 * term warning window (setting people.termWarningDays).
 */
const toListRow =
  (warningDays: number) =>
  (r: Row): PersonListRow => ({
    id: r.id,
    name: r.name,
    sex: r.sex,
    idTail: idTail(r.idNumber),
    birthDate: r.birthDate,
    wardId: r.wardId,
    wardName: r.wardName,
    period: r.period,
    periodSince: r.periodSince,
    daysInPeriod: r.daysInPeriod,
    decisionDate: r.decisionDate,
    lastDay: r.lastDay,
    daysToLastDay: r.daysToLastDay,
    // A voided file, or a past one (no ward: the stay has ended), raises no term warning.
    termWarning: r.voided === 1 || r.wardId === null ? null : termWarningForDaysLeft(r.daysToLastDay, warningDays),
    voided: r.voided === 1,
  })

/**
 * A text filter read row by row: for a list already narrowed to one ward (at most its capacity, read through
 * people_ward), and for the administrator's view that includes voided files (which have no search terms). Same
 * meaning as the term index: the name contains the text, pinyin or initials start with the letters typed, or the ID
 * number contains at least 3 digits typed.
 */
const TEXT_MATCH = `(
  p.name LIKE '%' || @q || '%' ESCAPE '\\'
  OR (@qp <> '' AND (p.name_pinyin LIKE @qp || '%' OR p.name_initials LIKE @qp || '%'))
  OR (@qid <> '' AND p.id_number LIKE '%' || @qid || '%')
)`

/** TEXT_MATCH's parameters: the text itself for the name, and the pinyin or ID term the same rules as search give. */
function likeTerms(text: string) {
  const query = searchQueryOf(text)
  return {
    q: text.replace(/[\\%_]/g, (c) => '\\' + c),
    qp: query?.kind === 'pinyin' ? query.term : '',
    qid: query?.kind === 'id' ? query.term : '',
  }
}

/**
 * Past files have no ward. The unary + keeps SQLite from reading 50,000 past files through the ward index and sorting
 * them: the page is read in order from a people_live_* index instead, which holds ward_id to filter on.
 */
const STAY_CONDITION: Record<Stay, string | null> = { current: 'p.ward_id IS NOT NULL', past: '+p.ward_id IS NULL', all: null }

/**
 * The list's WHERE clause and its parameters. Each condition is added only when its filter is present: an
 * optional-parameter OR filter could use no index. Exported for the query-plan test.
 */
export function peopleListWhere(f: Pick<Filters, 'q' | 'wardId' | 'wardIn' | 'period' | 'sex' | 'includeVoided'> & { stay?: Stay }): { where: string; params: Record<string, string> } {
  const conditions: string[] = []
  const params: Record<string, string> = {}
  const equals = (column: string, name: string, value: string | undefined) => {
    if (!value) return
    conditions.push(`${column} = @${name}`)
    params[name] = value
  }
  const stay = f.stay ?? 'all'
  if (!f.includeVoided) conditions.push('p.voided_at IS NULL')
  equals('p.ward_id', 'wardId', f.wardId)
  // A few wards of one staff member: a handful of index ranges, each a ward's few hundred files.
  const inWards = !f.wardId && f.wardIn !== undefined
  if (inWards) {
    conditions.push('p.ward_id IN (SELECT value FROM json_each(@wardIn))')
    params.wardIn = JSON.stringify(f.wardIn)
  }
  const oneWardOrFew = f.wardId !== undefined || inWards
  const stayCondition = oneWardOrFew ? null : STAY_CONDITION[stay]
  if (stayCondition) conditions.push(stayCondition)
  if (oneWardOrFew && stay === 'past') conditions.push('0')
  equals('p.period', 'period', f.period)
  equals('p.sex', 'sex', f.sex)
  const text = f.q?.trim()
  if (text) {
    if (f.includeVoided || oneWardOrFew) {
      conditions.push(TEXT_MATCH)
      Object.assign(params, likeTerms(text))
    } else {
      // Every live file of the facility: one range of the term index, never a LIKE over 53,000 rows.
      const term = searchTermOf(text)
      if (term === null) conditions.push('0')
      else {
        conditions.push(termCondition(stay))
        Object.assign(params, termRange(term))
      }
    }
  }
  return { where: conditions.length > 0 ? conditions.join(' AND ') : '1', params }
}

/**
 * One page of a list. The page's ids are chosen first from the indexes (the skipped rows of a deep page are never read),
 * then only those rows are joined to their wards. The total is counted only when asked (a scrolling view's first page).
 */
export function listPeople(db: Db, f: Filters, today: string, warningDays: number): ListPage<PersonListRow> {
  const { where, params } = peopleListWhere(f)
  const order = orderBy(f.sort, f.dir)
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM (SELECT p.id FROM people p WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset) page
       JOIN people p ON p.id = page.id LEFT JOIN wards w ON w.id = p.ward_id ORDER BY ${order}`,
    )
    .all({ ...params, today, limit: f.limit, offset: f.offset }) as Row[]
  // A short first page is the whole list: its length is the total, no count needed.
  const total = !f.withTotal
    ? null
    : f.offset === 0 && rows.length < f.limit
      ? rows.length
      : (db.prepare(`SELECT count(*) AS n FROM people p WHERE ${where}`).get(params) as { n: number }).n
  return { rows: rows.map(toListRow(warningDays)), total }
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

/** The best live files for a global search (see searchPersonIds), best first. */
export function searchPeople(db: Db, q: string, limit: number, today: string, warningDays: number): PersonListRow[] {
  const ids = searchPersonIds(db, q, limit)
  if (ids.length === 0) return []
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM people p LEFT JOIN wards w ON w.id = p.ward_id WHERE p.id IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify(ids), today }) as Row[]
  const rank = new Map(ids.map((id, i) => [id, i]))
  return rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!).map(toListRow(warningDays))
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
  /** The first day in this facility: no record of the stay is dated before it. */
  admissionDate: string
  voided: boolean
}

/** People by id in one query, voided files included (and marked), for lists that show names. Unknown ids are absent. */
export function personRefsByIds(db: Db, ids: readonly string[]): Map<string, PersonRef> {
  if (ids.length === 0) return new Map()
  const rows = db
    .prepare(
      `SELECT id, name, name_pinyin AS namePinyin, ward_id AS wardId, admission_date AS admissionDate, voided_at IS NOT NULL AS voided
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
