import type { Period } from '../../shared/domain/periods'
import type { ReleaseKind, ReleaseStatus } from '../../shared/domain/release'
import type { Db } from '../db/open'

/** A `releases` row, its columns in camelCase; `details` is the kind's JSON object as text. */
export interface ReleaseRow {
  id: string
  personId: string
  kind: ReleaseKind
  status: ReleaseStatus
  releaseDate: string
  fromWardId: string | null
  fromPeriod: Period | null
  organNotifiedOn: string | null
  certificateNo: string | null
  familyNotifiedOn: string | null
  collectedBy: string | null
  communityRehab: 0 | 1
  communityRehabMonths: number | null
  communityRehabDocNo: string | null
  stationId: string | null
  receivingCommunity: string | null
  fileHandedOverOn: string | null
  fileHandedTo: string | null
  details: string
  note: string | null
  revision: number
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  releasedAt: string | null
  releasedBy: string | null
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

export const RELEASE_COLUMNS = `
  r.id, r.person_id AS personId, r.kind, r.status, r.release_date AS releaseDate, r.from_ward_id AS fromWardId,
  r.from_period AS fromPeriod, r.organ_notified_on AS organNotifiedOn, r.certificate_no AS certificateNo,
  r.family_notified_on AS familyNotifiedOn, r.collected_by AS collectedBy, r.community_rehab AS communityRehab,
  r.community_rehab_months AS communityRehabMonths, r.community_rehab_doc_no AS communityRehabDocNo, r.station_id AS stationId,
  r.receiving_community AS receivingCommunity, r.file_handed_over_on AS fileHandedOverOn, r.file_handed_to AS fileHandedTo,
  r.details, r.note, r.revision, r.created_at AS createdAt, r.created_by AS createdBy, r.updated_at AS updatedAt,
  r.updated_by AS updatedBy, r.released_at AS releasedAt, r.released_by AS releasedBy, r.voided_at AS voidedAt,
  r.voided_by AS voidedBy, r.void_reason AS voidReason`

/** The raw row writer (the service, the demo and the benchmark generator); checks nothing beyond the schema's own. */
export function insertRelease(db: Db, row: ReleaseRow): void {
  db.prepare(
    `INSERT INTO releases (id, person_id, kind, status, release_date, from_ward_id, from_period, organ_notified_on, certificate_no,
       family_notified_on, collected_by, community_rehab, community_rehab_months, community_rehab_doc_no, station_id, receiving_community,
       file_handed_over_on, file_handed_to, details, note, revision, created_at, created_by, updated_at, updated_by, released_at, released_by,
       voided_at, voided_by, void_reason)
     VALUES (@id, @personId, @kind, @status, @releaseDate, @fromWardId, @fromPeriod, @organNotifiedOn, @certificateNo,
       @familyNotifiedOn, @collectedBy, @communityRehab, @communityRehabMonths, @communityRehabDocNo, @stationId, @receivingCommunity,
       @fileHandedOverOn, @fileHandedTo, @details, @note, @revision, @createdAt, @createdBy, @updatedAt, @updatedBy, @releasedAt, @releasedBy,
       @voidedAt, @voidedBy, @voidReason)`,
  ).run(row)
}

export const releaseById = (db: Db, id: string) => db.prepare(`SELECT ${RELEASE_COLUMNS} FROM releases r WHERE r.id = ?`).get(id) as ReleaseRow | undefined

/** The checklist and kind fields an edit writes (the status and confirmation columns have their own writers). */
export type ReleaseEdit = Pick<
  ReleaseRow,
  | 'kind' | 'releaseDate' | 'organNotifiedOn' | 'certificateNo' | 'familyNotifiedOn' | 'collectedBy' | 'communityRehab' | 'communityRehabMonths'
  | 'communityRehabDocNo' | 'stationId' | 'receivingCommunity' | 'fileHandedOverOn' | 'fileHandedTo' | 'details' | 'note' | 'revision' | 'updatedAt' | 'updatedBy'
>

export function updateRelease(db: Db, id: string, r: ReleaseEdit): void {
  db.prepare(
    `UPDATE releases SET kind = @kind, release_date = @releaseDate, organ_notified_on = @organNotifiedOn, certificate_no = @certificateNo,
       family_notified_on = @familyNotifiedOn, collected_by = @collectedBy, community_rehab = @communityRehab,
       community_rehab_months = @communityRehabMonths, community_rehab_doc_no = @communityRehabDocNo, station_id = @stationId,
       receiving_community = @receivingCommunity, file_handed_over_on = @fileHandedOverOn, file_handed_to = @fileHandedTo,
       details = @details, note = @note, revision = @revision, updated_at = @updatedAt, updated_by = @updatedBy
     WHERE id = @id`,
  ).run({ ...r, id })
}

export function markReleased(
  db: Db,
  id: string,
  r: { fromWardId: string | null; fromPeriod: Period | null; revision: number; at: string; by: string },
): void {
  db.prepare(
    `UPDATE releases SET status = 'released', from_ward_id = @fromWardId, from_period = @fromPeriod, revision = @revision,
       released_at = @at, released_by = @by, updated_at = @at, updated_by = @by WHERE id = @id`,
  ).run({ ...r, id })
}

export function voidRelease(db: Db, id: string, mark: { at: string; by: string; reason: string; revision: number }): boolean {
  return (
    db
      .prepare('UPDATE releases SET voided_at = @at, voided_by = @by, void_reason = @reason, revision = @revision WHERE id = @id AND voided_at IS NULL')
      .run({ ...mark, id }).changes === 1
  )
}

export function insertReopening(db: Db, r: { id: string; personId: string; reason: string; openedAt: string; openedBy: string }): void {
  db.prepare('INSERT INTO file_reopenings (id, person_id, reason, opened_at, opened_by) VALUES (@id, @personId, @reason, @openedAt, @openedBy)').run(r)
}

export function closeReopening(db: Db, id: string, r: { at: string; by: string; note: string | null }): void {
  db.prepare('UPDATE file_reopenings SET closed_at = @at, closed_by = @by, close_note = @note WHERE id = @id').run({ ...r, id })
}

export const openReopeningOf = (db: Db, personId: string) =>
  db.prepare('SELECT id FROM file_reopenings WHERE person_id = ? AND closed_at IS NULL').get(personId) as { id: string } | undefined
