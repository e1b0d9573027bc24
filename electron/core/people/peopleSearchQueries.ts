import type { Stay } from '../../shared/contract'
import type { Db } from '../db/open'

/*
 * Search over every live file through person_search_terms (migration 007): a name fragment, full pinyin or initials, or
 * ID digits, answered from one index range per step and never by reading the people table row by row.
 */

/** Above every character a name or ID number holds: `term < text + TOP` bounds the terms that start with `text`. */
const TOP = '\u{10FFFF}'

/**
 * The term a query is matched against: letters are pinyin (lower case, spaces and apostrophes dropped: "Zhang San" →
 * zhangsan), digits are part of an ID number (upper-case X; at least 3, fewer would match nearly every file), anything
 * else is part of a name. Null when the query can match nothing.
 */
export function searchQueryOf(q: string): { kind: 'pinyin' | 'id' | 'name'; term: string } | null {
  const text = q.trim()
  if (text === '') return null
  if (/^[a-zA-Z\s']+$/.test(text)) {
    const term = text.toLowerCase().replace(/[^a-z]/g, '')
    return term ? { kind: 'pinyin', term } : null
  }
  if (/^[0-9xX]+$/.test(text)) return text.length >= 3 ? { kind: 'id', term: text.toUpperCase() } : null
  return { kind: 'name', term: text }
}

export const searchTermOf = (q: string): string | null => searchQueryOf(q)?.term ?? null

/** The parameters of a prefix range over terms. */
export const termRange = (term: string) => ({ lo: term, hi: term + TOP })

const IN_FACILITY: Record<Stay, string> = { current: '(1)', past: '(0)', all: '(0, 1)' }

/** A people-list condition (on alias p): the file has a term that starts with @lo, in one index range over all terms. */
export function termCondition(stay: Stay): string {
  return `p.id IN (SELECT person_id FROM person_search_terms WHERE in_facility IN ${IN_FACILITY[stay]} AND whole IN (0, 1) AND term >= @lo AND term < @hi)`
}

/**
 * One step of the ranking: the exact term, a term starting with the query, or an inner suffix starting with it.
 * DISTINCT: one person may match twice in a step (pinyin and initials both start with "z"); sort_key is the same for all
 * of a person's terms, so (sort_key, person_id) is one row per person.
 */
export const SEARCH_STEP_SQL = {
  exact: `SELECT DISTINCT sort_key, person_id AS id FROM person_search_terms
          WHERE in_facility = @inFacility AND whole = 1 AND term = @lo ORDER BY sort_key, person_id LIMIT @limit`,
  prefix: `SELECT DISTINCT sort_key, person_id AS id FROM person_search_terms
           WHERE in_facility = @inFacility AND whole = 1 AND term >= @lo AND term < @hi ORDER BY sort_key, person_id LIMIT @limit`,
  fragment: `SELECT DISTINCT sort_key, person_id AS id FROM person_search_terms
             WHERE in_facility = @inFacility AND whole = 0 AND term >= @lo AND term < @hi ORDER BY sort_key, person_id LIMIT @limit`,
} as const

/** Best matches first: exact name, pinyin, initials or ID, then those starting with the query, then fragments; in each, people in the facility before past files, then by pinyin. */
const STEPS: ReadonlyArray<[keyof typeof SEARCH_STEP_SQL, 0 | 1]> = [
  ['exact', 1], ['exact', 0], ['prefix', 1], ['prefix', 0], ['fragment', 1], ['fragment', 0],
]

/**
 * Ids of the best `limit` live files for the query, best first. Each step asks for `limit` more than it has already,
 * so its answer holds enough people not found before; the search stops at the first step that fills the list, which
 * for a common query is the first or second (people in the wards).
 */
export function searchPersonIds(db: Db, q: string, limit: number): string[] {
  const term = searchTermOf(q)
  if (term === null) return []
  const found = new Set<string>()
  for (const [step, inFacility] of STEPS) {
    const rows = db.prepare(SEARCH_STEP_SQL[step]).all({ ...termRange(term), inFacility, limit: limit + found.size }) as Array<{ id: string }>
    for (const { id } of rows) {
      if (found.size === limit) break
      found.add(id)
    }
    if (found.size === limit) break
  }
  return [...found]
}
