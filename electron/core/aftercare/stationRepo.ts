/**
 * Guidance stations (table from migration 019; SQL only here). The table is small (the stations and communities a
 * facility works with, hundreds at most), so the list filters it in full.
 */
import type { StationKind, StationPerson, StationView } from '../../shared/contract/aftercare'
import type { Db } from '../db/open'

export interface StationFields {
  name: string
  kind: StationKind
  region: string
  address: string | null
  contactName: string | null
  contactPhone: string | null
  note: string | null
}

const VIEW = /* sql */ `
  SELECT g.id, g.name, g.kind, g.region, g.address, g.contact_name AS contactName, g.contact_phone AS contactPhone, g.note, g.revision,
    g.updated_at AS updatedAt, us.display_name AS updatedByName, g.retired_at AS retiredAt, rs.display_name AS retiredByName, g.retire_reason AS retireReason,
    (SELECT count(*) FROM releases r WHERE r.station_id = g.id AND r.voided_at IS NULL AND r.status = 'released') AS releasedPeople,
    (SELECT count(*) FROM followup_contacts c WHERE c.station_id = g.id AND c.voided_at IS NULL) AS contacts
  FROM guidance_stations g JOIN staff us ON us.id = g.updated_by LEFT JOIN staff rs ON rs.id = g.retired_by`

type RawStation = Omit<StationView, 'retired'> & { retiredAt: string | null; retiredByName: string | null; retireReason: string | null }
const toView = ({ retiredAt, retiredByName, retireReason, ...rest }: RawStation): StationView => ({
  ...rest,
  retired: retiredAt ? { at: retiredAt, byName: retiredByName ?? '', reason: retireReason ?? '' } : null,
})

export const stationRepo = {
  /** Live stations first, then by name; `query` matches name or region (the table is small: a scan is fine). */
  list(db: Db, filter: { query: string | null; includeRetired: boolean }): StationView[] {
    const where = [filter.includeRetired ? '' : 'g.retired_at IS NULL', filter.query ? '(instr(g.name, @q) > 0 OR instr(g.region, @q) > 0)' : ''].filter(Boolean)
    const rows = db
      .prepare(`${VIEW} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY g.retired_at IS NOT NULL, g.name`)
      .all(filter.query ? { q: filter.query } : {}) as RawStation[]
    return rows.map(toView)
  },
  byId(db: Db, id: string): StationView | undefined {
    const row = db.prepare(`${VIEW} WHERE g.id = ?`).get(id) as RawStation | undefined
    return row && toView(row)
  },
  nameTaken(db: Db, name: string, exceptId: string | null): boolean {
    return db.prepare('SELECT 1 FROM guidance_stations WHERE name = ? AND retired_at IS NULL AND id IS NOT ?').get(name, exceptId) !== undefined
  },
  insert(db: Db, r: { id: string; fields: StationFields; at: string; by: string }): void {
    db.prepare(
      `INSERT INTO guidance_stations (id, name, kind, region, address, contact_name, contact_phone, note, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @name, @kind, @region, @address, @contactName, @contactPhone, @note, @at, @by, @at, @by)`,
    ).run({ id: r.id, at: r.at, by: r.by, ...r.fields })
  },
  update(db: Db, r: { id: string; revision: number; fields: StationFields; at: string; by: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE guidance_stations SET name = @name, kind = @kind, region = @region, address = @address, contact_name = @contactName, contact_phone = @contactPhone,
             note = @note, revision = revision + 1, updated_at = @at, updated_by = @by
           WHERE id = @id AND revision = @revision AND retired_at IS NULL`,
        )
        .run({ id: r.id, revision: r.revision, at: r.at, by: r.by, ...r.fields }).changes === 1
    )
  },
  retire(db: Db, r: { id: string; revision: number; at: string; by: string; reason: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE guidance_stations SET retired_at = ?, retired_by = ?, retire_reason = ?, revision = revision + 1, updated_at = ?, updated_by = ?
           WHERE id = ? AND revision = ? AND retired_at IS NULL`,
        )
        .run(r.at, r.by, r.reason, r.at, r.by, r.id, r.revision).changes === 1
    )
  },
  /** The released people handed over to a station (index releases_station), latest release first. */
  people(db: Db, stationId: string): Array<StationPerson & { fromWardId: string | null }> {
    return db
      .prepare(
        `SELECT r.person_id AS personId, p.name, r.id AS releaseId, r.release_date AS releaseDate, r.kind, r.from_ward_id AS fromWardId,
           o.status, o.status_on AS statusOn
         FROM releases r JOIN people p ON p.id = r.person_id LEFT JOIN followup_outcomes o ON o.release_id = r.id
         WHERE r.station_id = ? AND r.voided_at IS NULL AND r.status = 'released'
         ORDER BY r.release_date DESC LIMIT 500`,
      )
      .all(stationId) as Array<StationPerson & { fromWardId: string | null }>
  },
}
