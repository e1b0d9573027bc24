import type { ReleaseKind, ReleaseStatus } from '../../shared/domain/release'
import type { ReopeningView, StationOption } from '../../shared/contract/release'
import type { Db } from '../db/open'
import { RELEASE_COLUMNS, type ReleaseRow } from './releaseRepo'

/** The person's live release (planned or released), if any. */
export const releaseOfPerson = (db: Db, personId: string): ReleaseRow | null =>
  (db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.person_id = ? AND r.voided_at IS NULL`).get(personId) as ReleaseRow | undefined) ?? null

/**
 * Of `ids`, the files that are closed (read-only): live, on no ward (the stay has ended: released, or a past file from
 * before releases were recorded) and with no open reopening. One query for the batch.
 */
export function closedPersonIds(db: Db, ids: readonly string[]): ReadonlySet<string> {
  if (ids.length === 0) return new Set()
  const rows = db
    .prepare(
      `SELECT p.id FROM people p
       WHERE p.id IN (SELECT value FROM json_each(?)) AND p.ward_id IS NULL AND p.voided_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM file_reopenings o WHERE o.person_id = p.id AND o.closed_at IS NULL)`,
    )
    .pluck()
    .all(JSON.stringify(ids)) as string[]
  return new Set(rows)
}

export const voidedReleasesOf = (db: Db, personId: string) =>
  db
    .prepare(
      `SELECT r.id, r.kind, r.status, r.release_date AS releaseDate, r.voided_at AS voidedAt, coalesce(s.display_name, r.voided_by) AS voidedByName,
              r.void_reason AS reason
       FROM releases r LEFT JOIN staff s ON s.id = r.voided_by
       WHERE r.person_id = ? AND r.voided_at IS NOT NULL ORDER BY r.voided_at DESC`,
    )
    .all(personId) as Array<{ id: string; kind: ReleaseKind; status: ReleaseStatus; releaseDate: string; voidedAt: string; voidedByName: string; reason: string }>

export const reopeningsOf = (db: Db, personId: string) =>
  db
    .prepare(
      `SELECT o.id, o.reason, o.opened_at AS openedAt, coalesce(a.display_name, o.opened_by) AS openedByName, o.closed_at AS closedAt,
              coalesce(b.display_name, o.closed_by) AS closedByName, o.close_note AS closeNote
       FROM file_reopenings o LEFT JOIN staff a ON a.id = o.opened_by LEFT JOIN staff b ON b.id = o.closed_by
       WHERE o.person_id = ? ORDER BY o.opened_at DESC`,
    )
    .all(personId) as ReopeningView[]

/** Live guidance stations (kept by the aftercare domain; read here for the receiving-station select), by name. */
export const liveStations = (db: Db) =>
  db
    .prepare(
      `SELECT id, name, kind, region, contact_name AS contactName, contact_phone AS contactPhone FROM guidance_stations
       WHERE retired_at IS NULL ORDER BY name`,
    )
    .all() as StationOption[]

export const stationById = (db: Db, id: string) =>
  db
    .prepare('SELECT id, name, kind, region, contact_name AS contactName, contact_phone AS contactPhone, retired_at AS retiredAt FROM guidance_stations WHERE id = ?')
    .get(id) as (StationOption & { retiredAt: string | null }) | undefined

export interface ReleaseListFilter {
  view: 'upcoming' | 'recent'
  wardIds: readonly string[] | null
  kind?: ReleaseKind | undefined
  /** [from, to] inclusive, for a month. */
  range?: { from: string; to: string } | undefined
  offset: number
  limit: number
}

export type ReleaseListDbRow = ReleaseRow & { name: string; wardId: string | null; wardName: string | null; earlyReleaseOn: string | null }

/**
 * The 出所管理 lists. Planned releases (a few dozen at a time) are few; released ones are the benchmark's 50,000: the
 * `releases_date` index (status, release_date, kind, from_ward_id) gives both the order and the filters, each condition
 * added only when asked (no `@x IS NULL OR …`). Wards: a planned release's person's current ward, a released one's ward left.
 */
export function releaseListRows(db: Db, f: ReleaseListFilter): { rows: ReleaseListDbRow[]; total: number } {
  const status = f.view === 'upcoming' ? 'planned' : 'released'
  const where = ['r.voided_at IS NULL', `r.status = '${status}'`]
  const params: Record<string, string> = {}
  if (f.kind) {
    where.push('r.kind = @kind')
    params.kind = f.kind
  }
  if (f.range) {
    where.push('r.release_date BETWEEN @from AND @to')
    params.from = f.range.from
    params.to = f.range.to
  }
  const wardColumn = status === 'planned' ? 'p.ward_id' : 'r.from_ward_id'
  if (f.wardIds) {
    where.push(`${wardColumn} IN (SELECT value FROM json_each(@wards))`)
    params.wards = JSON.stringify(f.wardIds)
  }
  const order = status === 'planned' ? 'r.release_date ASC, r.id' : 'r.release_date DESC, r.id'
  const rows = db
    .prepare(
      `SELECT ${RELEASE_COLUMNS}, p.name, ${wardColumn} AS wardId, w.name AS wardName, p.early_release_on AS earlyReleaseOn
       FROM releases r JOIN people p ON p.id = r.person_id LEFT JOIN wards w ON w.id = ${wardColumn}
       WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as ReleaseListDbRow[]
  // Released rows are counted from the index alone (their ward is the one left); planned ones need the person's ward.
  const countFrom = status === 'planned' ? 'FROM releases r JOIN people p ON p.id = r.person_id' : 'FROM releases r'
  const total = (db.prepare(`SELECT count(*) AS n ${countFrom} WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n
  return { rows, total }
}

/** Staff display names by id, one query (for the few ids a view names). */
export function staffNames(db: Db, ids: ReadonlyArray<string | null>): Map<string, string> {
  const wanted = [...new Set(ids.filter((v): v is string => v !== null))]
  if (wanted.length === 0) return new Map()
  const rows = db.prepare('SELECT id, display_name AS name FROM staff WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(wanted)) as Array<{ id: string; name: string }>
  return new Map(rows.map((r) => [r.id, r.name]))
}

/**
 * People on a roster whose term ends in [from, to] with no live release yet (出所管理: "term ending, not planned"), by
 * last day. The live-last-day index gives the range and the order; a person's live release is one unique-index probe.
 */
export function unplannedEndingRows(db: Db, range: { from: string; to: string }, wardIds: readonly string[] | null, limit: number) {
  const wards = wardIds ? 'AND p.ward_id IN (SELECT value FROM json_each(@wards))' : ''
  return db
    .prepare(
      `SELECT p.id AS personId, p.name, p.ward_id AS wardId, w.name AS wardName, p.last_day AS lastDay
       FROM people p JOIN wards w ON w.id = p.ward_id
       WHERE p.voided_at IS NULL AND (p.last_day IS NULL) = 0 AND p.last_day BETWEEN @from AND @to AND p.ward_id IS NOT NULL ${wards}
         AND NOT EXISTS (SELECT 1 FROM releases r WHERE r.person_id = p.id AND r.voided_at IS NULL)
       ORDER BY (p.last_day IS NULL), p.last_day, p.id LIMIT @limit`,
    )
    .all({ ...range, limit, ...(wardIds ? { wards: JSON.stringify(wardIds) } : {}) }) as Array<{ personId: string; name: string; wardId: string; wardName: string; lastDay: string }>
}
