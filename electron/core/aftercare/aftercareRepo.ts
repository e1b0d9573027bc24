/**
 * Writes and single-record reads of the follow-up plans, contacts and per-release outcome rows (SQL only here).
 */
import type { PlannedSlot } from '../../shared/domain/aftercare/plan'
import type { ContactMethod, ContactStatus, EmploymentState } from '../../shared/contract/aftercare'
import type { Db } from '../db/open'

export interface ContactFields {
  slotId: string | null
  contactOn: string
  method: ContactMethod
  reached: boolean
  status: ContactStatus | null
  employment: EmploymentState | null
  employer: string | null
  help: string[]
  stationId: string | null
  staff: string | null
  note: string | null
}
export interface StoredContact extends ContactFields {
  id: string
  personId: string
  releaseId: string
  revision: number
  voided: boolean
}
export interface StoredSlot {
  id: string
  releaseId: string
  seq: number
  dueOn: string
  windowFrom: string
  windowTo: string
  contactId: string | null
  voided: boolean
}
export interface LiveRelease {
  id: string
  personId: string
  kind: string
  releaseDate: string
  status: string
}

const contactParams = (f: ContactFields) => ({
  slotId: f.slotId,
  contactOn: f.contactOn,
  method: f.method,
  reached: f.reached ? 1 : 0,
  status: f.status,
  employment: f.employment,
  employer: f.employer,
  help: JSON.stringify(f.help),
  stationId: f.stationId,
  staff: f.staff,
  note: f.note,
})

export const aftercareRepo = {
  /** The person's live release (planned or released), if any. */
  liveRelease(db: Db, personId: string): LiveRelease | undefined {
    return db
      .prepare(`SELECT id, person_id AS personId, kind, release_date AS releaseDate, status FROM releases WHERE person_id = ? AND voided_at IS NULL`)
      .get(personId) as LiveRelease | undefined
  },

  insertSlots(db: Db, r: { releaseId: string; personId: string; slots: readonly PlannedSlot[]; ids: readonly string[]; at: string; by: string }): void {
    const insert = db.prepare(
      `INSERT INTO followup_slots (id, release_id, person_id, seq, kind, due_on, window_from, window_to, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    r.slots.forEach((s, i) => insert.run(r.ids[i], r.releaseId, r.personId, s.seq, s.kind, s.dueOn, s.windowFrom, s.windowTo, r.at, r.by))
  },
  insertOutcome(db: Db, r: { releaseId: string; personId: string; planVersion: string }): void {
    db.prepare(`INSERT INTO followup_outcomes (release_id, person_id, plan_version) VALUES (?, ?, ?)
                ON CONFLICT(release_id) DO UPDATE SET plan_version = excluded.plan_version, voided_at = NULL`).run(r.releaseId, r.personId, r.planVersion)
  },
  voidPlan(db: Db, releaseId: string, mark: { at: string; by: string; reason: string }): void {
    db.prepare(`UPDATE followup_slots SET voided_at = ?, voided_by = ?, void_reason = ? WHERE release_id = ? AND voided_at IS NULL`).run(mark.at, mark.by, mark.reason, releaseId)
    db.prepare(`UPDATE followup_outcomes SET voided_at = ? WHERE release_id = ?`).run(mark.at, releaseId)
  },

  slots(db: Db, releaseId: string): StoredSlot[] {
    const rows = db
      .prepare(
        `SELECT id, release_id AS releaseId, seq, due_on AS dueOn, window_from AS windowFrom, window_to AS windowTo, contact_id AS contactId, voided_at IS NOT NULL AS voided
         FROM followup_slots WHERE release_id = ? AND voided_at IS NULL ORDER BY seq`,
      )
      .all(releaseId) as Array<Omit<StoredSlot, 'voided'> & { voided: 0 | 1 }>
    return rows.map((r) => ({ ...r, voided: r.voided === 1 }))
  },
  setSlotContact(db: Db, slotId: string, contactId: string | null): void {
    db.prepare('UPDATE followup_slots SET contact_id = ? WHERE id = ?').run(contactId, slotId)
  },
  /** Frees every slot a contact fulfils (before it moves to another slot or is voided). */
  freeSlotsOf(db: Db, contactId: string): void {
    db.prepare('UPDATE followup_slots SET contact_id = NULL WHERE contact_id = ? AND release_id = (SELECT release_id FROM followup_contacts WHERE id = ?)').run(contactId, contactId)
  },

  insertContact(db: Db, r: { id: string; personId: string; releaseId: string; fields: ContactFields; at: string; by: string }): void {
    db.prepare(
      `INSERT INTO followup_contacts (id, release_id, person_id, slot_id, contact_on, method, reached, status, employment, employer, help, station_id, staff, note,
         recorded_at, recorded_by, updated_at, updated_by)
       VALUES (@id, @releaseId, @personId, @slotId, @contactOn, @method, @reached, @status, @employment, @employer, @help, @stationId, @staff, @note, @at, @by, @at, @by)`,
    ).run({ id: r.id, releaseId: r.releaseId, personId: r.personId, at: r.at, by: r.by, ...contactParams(r.fields) })
  },
  /** Changes a live contact read at `revision`; false when it changed since or was voided. */
  updateContact(db: Db, r: { id: string; revision: number; fields: ContactFields; at: string; by: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE followup_contacts SET slot_id = @slotId, contact_on = @contactOn, method = @method, reached = @reached, status = @status, employment = @employment,
             employer = @employer, help = @help, station_id = @stationId, staff = @staff, note = @note, revision = revision + 1, updated_at = @at, updated_by = @by
           WHERE id = @id AND revision = @revision AND voided_at IS NULL`,
        )
        .run({ id: r.id, revision: r.revision, at: r.at, by: r.by, ...contactParams(r.fields) }).changes === 1
    )
  },
  voidContact(db: Db, r: { id: string; revision: number; at: string; by: string; reason: string }): boolean {
    return (
      db
        .prepare(`UPDATE followup_contacts SET voided_at = ?, voided_by = ?, void_reason = ?, revision = revision + 1 WHERE id = ? AND revision = ? AND voided_at IS NULL`)
        .run(r.at, r.by, r.reason, r.id, r.revision).changes === 1
    )
  },
  contactById(db: Db, id: string): StoredContact | undefined {
    const row = db
      .prepare(
        `SELECT id, person_id AS personId, release_id AS releaseId, slot_id AS slotId, contact_on AS contactOn, method, reached, status, employment, employer, help,
           station_id AS stationId, staff, note, revision, voided_at IS NOT NULL AS voided
         FROM followup_contacts WHERE id = ?`,
      )
      .get(id) as (Omit<StoredContact, 'voided' | 'reached' | 'help'> & { voided: 0 | 1; reached: 0 | 1; help: string }) | undefined
    return row && { ...row, voided: row.voided === 1, reached: row.reached === 1, help: JSON.parse(row.help) as string[] }
  },

  /**
   * Recomputes a release's outcome row from its live contacts (the latest carrying a status, by contact date then
   * recorded time); called in the transaction of every contact write.
   */
  refreshOutcome(db: Db, releaseId: string): void {
    db.prepare(
      `UPDATE followup_outcomes SET
         (status, status_on, status_contact_id) = (
           SELECT status, contact_on, id FROM followup_contacts
           WHERE release_id = @releaseId AND voided_at IS NULL AND status IS NOT NULL
           ORDER BY contact_on DESC, recorded_at DESC, id DESC LIMIT 1),
         (last_contact_on, contacts) = (SELECT max(contact_on), count(*) FROM followup_contacts WHERE release_id = @releaseId AND voided_at IS NULL)
       WHERE release_id = @releaseId`,
    ).run({ releaseId })
  },
  /** The ward a person's live release took them from (null: not released, or released with no ward recorded). */
  releasedFromWard(db: Db, personId: string): string | null {
    const row = db.prepare('SELECT from_ward_id AS wardId FROM releases WHERE person_id = ? AND voided_at IS NULL').get(personId) as { wardId: string | null } | undefined
    return row?.wardId ?? null
  },
  /** A station that exists and is not retired. */
  liveStation(db: Db, id: string): boolean {
    return db.prepare('SELECT 1 FROM guidance_stations WHERE id = ? AND retired_at IS NULL').get(id) !== undefined
  },
  person(db: Db, personId: string): { id: string; wardId: string | null; voided: boolean } | undefined {
    const row = db.prepare('SELECT id, ward_id AS wardId, voided_at IS NOT NULL AS voided FROM people WHERE id = ?').get(personId) as
      | { id: string; wardId: string | null; voided: 0 | 1 }
      | undefined
    return row && { ...row, voided: row.voided === 1 }
  },
}
