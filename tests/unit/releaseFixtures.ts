import { randomUUID } from 'node:crypto'
import type { Db } from '../../electron/core/db/open'
import { insertRelease } from '../../electron/core/release/releaseRepo'

const adminId = (db: Db) => (db.prepare(`SELECT id FROM staff WHERE role = 'admin' LIMIT 1`).get() as { id: string }).id

/** A planned on-time release of the person, written with the raw row writer (a record for the access matrix). */
export function insertPlannedRelease(db: Db, personId: string, releaseDate: string): string {
  const id = randomUUID()
  const by = adminId(db)
  const at = `${releaseDate}T02:00:00.000Z`
  insertRelease(db, {
    id, personId, kind: 'on_time', status: 'planned', releaseDate, fromWardId: null, fromPeriod: null, organNotifiedOn: null, certificateNo: null,
    familyNotifiedOn: null, collectedBy: null, communityRehab: 0, communityRehabMonths: null, communityRehabDocNo: null, stationId: null,
    receivingCommunity: null, fileHandedOverOn: null, fileHandedTo: null, details: '{}', note: null, revision: 1, createdAt: at, createdBy: by,
    updatedAt: at, updatedBy: by, releasedAt: null, releasedBy: null, voidedAt: null, voidedBy: null, voidReason: null,
  })
  return id
}

/** A handover sheet of the person (every section), straight into the table. */
export function insertHandoverSheet(db: Db, personId: string): string {
  const id = randomUUID()
  db.prepare(
    `INSERT INTO handover_sheets (id, person_id, sections, prepared_at, prepared_by) VALUES (?, ?, '["assessment","fitness"]', '2026-11-01T02:00:00.000Z', ?)`,
  ).run(id, personId, adminId(db))
  return id
}
