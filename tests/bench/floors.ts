/**
 * Floors: for each benchmarked operation, the simplest raw SQL on the same indexes that returns the same rows. Its
 * time is what the operation would cost with nothing around the query (no validation, paging total, mapping, audit),
 * so `ratio = p50 / floor p50` says how much the code around the query adds, on any machine.
 */
import type { Db } from '../../electron/core/db/open'
import { searchTermOf, termRange } from '../../electron/core/people/peopleSearchQueries'

export type RosterSort = 'name' | 'period' | 'daysInPeriod' | 'daysToLastDay' | 'decisionDate'

export interface RosterVariant {
  wardId: string
  sort: RosterSort
  dir: 'asc' | 'desc'
  period?: 'detox' | 'education' | 'rehabilitation' | 'return'
  sex?: 'M' | 'F'
  q?: string
}

const LIST_COLUMNS = `p.id, p.name, p.sex, p.id_number, p.birth_date, p.ward_id, w.name AS ward_name, p.period, p.period_since,
  p.decision_date, p.last_day, p.voided_at IS NOT NULL AS voided`

const PERIOD_RANK = "CASE p.period WHEN 'detox' THEN 1 WHEN 'education' THEN 2 WHEN 'rehabilitation' THEN 3 WHEN 'return' THEN 4 ELSE 5 END"

/**
 * The roster order as plain columns, the id last in the same direction; files without the date last both ways (more
 * days in the period = an earlier start).
 */
function rosterOrder(sort: RosterSort, dir: 'asc' | 'desc'): string {
  const d = dir === 'desc' ? 'DESC' : 'ASC'
  switch (sort) {
    case 'name':
      return `p.name_pinyin ${d}, p.name ${d}, p.id ${d}`
    case 'period':
      return `${PERIOD_RANK} ${d}, p.period_since ${d}, p.id ${d}`
    case 'daysInPeriod':
      return dir === 'asc' ? 'p.period_since IS NULL, p.period_since DESC, p.id DESC' : 'p.period_since IS NULL, p.period_since ASC, p.id ASC'
    case 'daysToLastDay':
      return `p.last_day IS NULL, p.last_day ${d}, p.id ${d}`
    case 'decisionDate':
      return `p.decision_date ${d}, p.id ${d}`
  }
}

/** One page (50) of a ward's roster. A letters-only q matches pinyin or initials by prefix; other text, the name. */
export function rosterFloor(db: Db, v: RosterVariant): Array<{ id: string }> {
  const where = ['p.ward_id = @wardId', 'p.voided_at IS NULL']
  if (v.period) where.push('p.period = @period')
  if (v.sex) where.push('p.sex = @sex')
  if (v.q) where.push(/^[a-z]+$/.test(v.q) ? "(p.name_pinyin LIKE @q || '%' OR p.name_initials LIKE @q || '%')" : "p.name LIKE '%' || @q || '%'")
  return db
    .prepare(`SELECT ${LIST_COLUMNS} FROM people p LEFT JOIN wards w ON w.id = p.ward_id WHERE ${where.join(' AND ')} ORDER BY ${rosterOrder(v.sort, v.dir)} LIMIT 50`)
    .all({ wardId: v.wardId, period: v.period, sex: v.sex, q: v.q }) as Array<{ id: string }>
}

/**
 * The best `limit` live files for a search, best first, over person_search_terms (migration 007): the exact term, then
 * terms starting with the query, then inner fragments, people in a ward before past files in each, then by pinyin.
 * One index range per step, stopping at the step that fills the list; then the rows of those files.
 */
export function searchFloor(db: Db, q: string, limit: number): Array<{ id: string }> {
  const term = searchTermOf(q)
  if (term === null) return []
  const steps: Array<[inFacility: 0 | 1, whole: 0 | 1, match: string]> = [
    [1, 1, 'term = @lo'], [0, 1, 'term = @lo'], [1, 1, 'term >= @lo AND term < @hi'],
    [0, 1, 'term >= @lo AND term < @hi'], [1, 0, 'term >= @lo AND term < @hi'], [0, 0, 'term >= @lo AND term < @hi'],
  ]
  const found = new Set<string>()
  for (const [inFacility, whole, match] of steps) {
    const hits = db
      .prepare(
        `SELECT DISTINCT sort_key, person_id FROM person_search_terms WHERE in_facility = ${inFacility} AND whole = ${whole} AND ${match}
         ORDER BY sort_key, person_id LIMIT @reach`,
      )
      .all({ ...termRange(term), reach: limit + found.size }) as Array<{ person_id: string }>
    for (const h of hits) if (found.size < limit) found.add(h.person_id)
    if (found.size === limit) break
  }
  const rank = new Map([...found].map((id, i) => [id, i]))
  const rows = db
    .prepare(`SELECT ${LIST_COLUMNS} FROM people p LEFT JOIN wards w ON w.id = p.ward_id WHERE p.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify([...found])) as Array<{ id: string }>
  return rows.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
}

/** The ward rows and the live count per ward and period (people_ward: ward_id, voided_at). */
export function wardsFloor(db: Db) {
  const wards = db.prepare('SELECT id, name, capacity, note, active FROM wards ORDER BY active DESC, name').all() as Array<{ id: string }>
  const counts = db
    .prepare('SELECT ward_id, period, count(*) AS n FROM people WHERE ward_id IS NOT NULL AND voided_at IS NULL GROUP BY ward_id, period')
    .all() as Array<{ ward_id: string; period: string | null; n: number }>
  return { wards, counts }
}

/** The person row and the rows of its child tables that the file shows, with the ward and staff names. */
export function personFloor(db: Db, id: string) {
  const person = db.prepare('SELECT p.*, w.name AS ward_name FROM people p LEFT JOIN wards w ON w.id = p.ward_id WHERE p.id = ?').get(id) as { id: string }
  const periods = db
    .prepare('SELECT m.*, s.display_name FROM period_moves m JOIN staff s ON s.id = m.recorded_by WHERE m.person_id = ? ORDER BY m.recorded_at DESC, m.rowid DESC')
    .all(id) as Array<{ id: string }>
  const wards = db
    .prepare(
      `SELECT a.*, w.name AS ward_name, s.display_name FROM ward_assignments a JOIN wards w ON w.id = a.ward_id JOIN staff s ON s.id = a.recorded_by
       WHERE a.person_id = ? ORDER BY a.start_date DESC, a.recorded_at DESC`,
    )
    .all(id) as Array<{ id: string }>
  const termEvents = db
    .prepare('SELECT e.*, s.display_name FROM term_events e JOIN staff s ON s.id = e.recorded_by WHERE e.person_id = ? ORDER BY coalesce(e.from_date, e.recorded_at), e.recorded_at')
    .all(id) as Array<{ id: string }>
  const staff = db.prepare('SELECT display_name FROM staff WHERE id IN (?, ?)').all((person as { created_by?: string }).created_by, (person as { updated_by?: string }).updated_by)
  return { person, periods, wards, termEvents, staff }
}

/**
 * The ward's residents and each one's latest live assessment per instrument: every assessment of the 150 residents
 * through assessments_person_instrument, the latest kept by SQLite's bare-column max().
 */
export function wardScreenFloor(db: Db, wardId: string) {
  const residents = db.prepare('SELECT id FROM people WHERE ward_id = ? AND voided_at IS NULL ORDER BY name_pinyin').all(wardId) as Array<{ id: string }>
  const latest = db
    .prepare(
      `SELECT a.person_id, a.instrument_id, a.id, a.band_id, a.administered_on, max(a.administered_on || a.recorded_at) AS latest
       FROM assessments a WHERE a.person_id IN (SELECT value FROM json_each(?)) AND a.voided_at IS NULL GROUP BY a.person_id, a.instrument_id`,
    )
    .all(JSON.stringify(residents.map((r) => r.id))) as Array<{ person_id: string; instrument_id: string; id: string }>
  return { residents, latest }
}
