/**
 * The demo's stand-in for the release domain's `recordRelease` (SHAPES14) while that module is not on this branch: a
 * confirmed release as its confirmation leaves it — the ward assignment ended on the release day, ward and period
 * cleared, the release row with its checklist filled. SQL only here; replace by recordRelease when merged.
 */
import type { Db } from '../db/open'

export interface DemoReleaseRow {
  id: string
  personId: string
  kind: string
  releaseDate: string
  stationId: string | null
  certificateNo: string | null
  details: object
  at: string
  by: string
}

export const aftercareDemoRepo = {
  idNumberTaken(db: Db, idNumber: string): boolean {
    return db.prepare('SELECT 1 FROM people WHERE id_number = ?').get(idNumber) !== undefined
  },
  release(db: Db, r: DemoReleaseRow): void {
    const person = db.prepare('SELECT ward_id AS wardId, period FROM people WHERE id = ?').get(r.personId) as { wardId: string | null; period: string | null }
    db.prepare('UPDATE ward_assignments SET end_date = ? WHERE person_id = ? AND end_date IS NULL').run(r.releaseDate, r.personId)
    db.prepare('UPDATE people SET ward_id = NULL, period = NULL, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(r.at, r.by, r.personId)
    db.prepare(
      `INSERT INTO releases (id, person_id, kind, status, release_date, from_ward_id, from_period, organ_notified_on, certificate_no, family_notified_on,
         community_rehab, station_id, file_handed_over_on, details, created_at, created_by, updated_at, updated_by, released_at, released_by)
       VALUES (@id, @personId, @kind, 'released', @releaseDate, @wardId, @period, @releaseDate, @certificateNo, @releaseDate, @rehab, @stationId, @releaseDate, @details,
         @at, @by, @at, @by, @at, @by)`,
    ).run({ ...r, wardId: person.wardId, period: person.period, rehab: r.stationId ? 1 : 0, details: JSON.stringify(r.details) })
  },
}
