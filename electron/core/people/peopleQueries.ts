import type { Paged, PersonListRow } from '../../shared/contract'
import { idTail } from '../../shared/domain/idNumber'
import type { Period } from '../../shared/domain/periods'
import type { Sex } from '../../shared/domain/person'
import type { Db } from '../db/open'

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
  SELECT p.id, p.name, p.sex, p.id_number, p.birth_date, p.ward_id, w.name AS ward_name, p.period, p.period_since,
         CAST(julianday(@today) - julianday(p.period_since) AS INTEGER) AS days_in_period,
         p.decision_date, p.last_day, CAST(julianday(p.last_day) - julianday(@today) AS INTEGER) AS days_to_last_day,
         p.voided_at
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
  daysInPeriod: 'days_in_period IS NULL, days_in_period %DIR%',
  daysToLastDay: 'p.last_day IS NULL, p.last_day %DIR%',
  decisionDate: 'p.decision_date %DIR%',
}

type Row = {
  id: string
  name: string
  sex: Sex
  id_number: string
  birth_date: string
  ward_id: string | null
  ward_name: string | null
  period: Period | null
  period_since: string | null
  days_in_period: number | null
  decision_date: string
  last_day: string | null
  days_to_last_day: number | null
  voided_at: string | null
}

function toRow(r: Row): PersonListRow {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    idTail: idTail(r.id_number),
    birthDate: r.birth_date,
    wardId: r.ward_id,
    wardName: r.ward_name,
    period: r.period,
    periodSince: r.period_since,
    daysInPeriod: r.days_in_period,
    decisionDate: r.decision_date,
    lastDay: r.last_day,
    daysToLastDay: r.days_to_last_day,
    voided: r.voided_at !== null,
  }
}

function queryTerms(q: string | undefined) {
  const text = (q ?? '').trim()
  return {
    q: text.replace(/[\\%_]/g, (c) => '\\' + c),
    qp: /^[a-zA-Z\s']+$/.test(text) ? text.toLowerCase().replace(/[^a-z]/g, '') : '',
    qid: /^[0-9xX]{3,18}$/.test(text) ? text.toUpperCase() : '',
  }
}

export function listPeople(db: Db, f: Filters, today: string): Paged<PersonListRow> {
  const where = [
    '(@includeVoided = 1 OR p.voided_at IS NULL)',
    '(@wardId IS NULL OR p.ward_id = @wardId)',
    '(@period IS NULL OR p.period = @period)',
    '(@sex IS NULL OR p.sex = @sex)',
    f.q ? MATCH : '1',
  ].join(' AND ')
  const params = {
    today,
    includeVoided: f.includeVoided ? 1 : 0,
    wardId: f.wardId ?? null,
    period: f.period ?? null,
    sex: f.sex ?? null,
    ...queryTerms(f.q),
    limit: f.limit,
    offset: f.offset,
  }
  const order = ORDER[f.sort].replaceAll('%DIR%', f.dir === 'desc' ? 'DESC' : 'ASC')
  const total = (db.prepare(`SELECT count(*) AS n FROM people p WHERE ${where}`).get(params) as { n: number }).n
  const rows = db.prepare(`${SELECT} WHERE ${where} ORDER BY ${order}, p.id LIMIT @limit OFFSET @offset`).all(params) as Row[]
  return { rows: rows.map(toRow), total }
}

export function searchPeople(db: Db, q: string, limit: number, today: string): PersonListRow[] {
  const terms = queryTerms(q)
  const rows = db
    .prepare(
      `${SELECT} WHERE p.voided_at IS NULL AND ${MATCH}
       ORDER BY CASE WHEN p.name = @q OR p.name_initials = @qp OR p.name_pinyin = @qp OR p.id_number = @qid THEN 0 ELSE 1 END,
                p.name_pinyin, p.id
       LIMIT @limit`,
    )
    .all({ today, ...terms, limit }) as Row[]
  return rows.map(toRow)
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
