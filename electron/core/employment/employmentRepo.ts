/**
 * Employment support storage (就业帮扶): job fairs and employer visits, and referrals with their agreement and the
 * after-release outcome. Every edit names the revision it was read at and bumps it; nothing is deleted.
 */
import type { EmploymentEventKind } from '../../shared/domain/vocational'
import type { JobTaken } from '../../shared/contract/employment'
import type { Db } from '../db/open'

export interface EventFields {
  kind: EmploymentEventKind
  eventDate: string
  employer: string
  positions: string | null
  positionsOffered: number | null
  place: string | null
  note: string | null
}

export interface EventRecord extends EventFields {
  id: string
  revision: number
  voided: boolean
}

export interface ReferralRecord {
  id: string
  personId: string
  eventId: string | null
  referredOn: string
  agreementSignedOn: string | null
  jobTaken: JobTaken | null
  revision: number
  voided: boolean
}

const EVENT_COLUMNS = `id, kind, event_date AS eventDate, employer, positions, positions_offered AS positionsOffered, place, note, revision, voided_at IS NOT NULL AS voided`
const REFERRAL_COLUMNS = `id, person_id AS personId, event_id AS eventId, referred_on AS referredOn, agreement_signed_on AS agreementSignedOn,
  job_taken AS jobTaken, revision, voided_at IS NOT NULL AS voided`

const bool = <T extends { voided: unknown }>(r: T | undefined) => (r ? { ...r, voided: r.voided === 1 } : undefined)

export const employmentRepo = {
  eventById: (db: Db, id: string): EventRecord | undefined => bool(db.prepare(`SELECT ${EVENT_COLUMNS} FROM employment_events WHERE id = ?`).get(id) as EventRecord | undefined),

  insertEvent(db: Db, r: EventFields & { id: string; at: string; by: string }): void {
    db.prepare(
      `INSERT INTO employment_events (id, kind, event_date, employer, positions, positions_offered, place, note, recorded_at, recorded_by, updated_at)
       VALUES (@id, @kind, @eventDate, @employer, @positions, @positionsOffered, @place, @note, @at, @by, @at)`,
    ).run(r)
  },

  /** False when the revision is no longer the stored one (or the event was voided meanwhile). */
  updateEvent(db: Db, r: EventFields & { id: string; seen: number; at: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE employment_events SET kind = @kind, event_date = @eventDate, employer = @employer, positions = @positions,
             positions_offered = @positionsOffered, place = @place, note = @note, revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run(r).changes === 1
    )
  },

  voidEvent(db: Db, r: { id: string; seen: number; at: string; by: string; reason: string }): boolean {
    return (
      db
        .prepare(`UPDATE employment_events SET voided_at = @at, voided_by = @by, void_reason = @reason, revision = revision + 1, updated_at = @at WHERE id = @id AND revision = @seen AND voided_at IS NULL`)
        .run(r).changes === 1
    )
  },

  liveReferralsAtEvent: (db: Db, eventId: string): Array<{ personId: string; referredOn: string }> =>
    db.prepare('SELECT person_id AS personId, referred_on AS referredOn FROM employment_referrals WHERE event_id = ? AND voided_at IS NULL').all(eventId) as Array<{ personId: string; referredOn: string }>,

  referralById: (db: Db, id: string): ReferralRecord | undefined => bool(db.prepare(`SELECT ${REFERRAL_COLUMNS} FROM employment_referrals WHERE id = ?`).get(id) as ReferralRecord | undefined),

  insertReferral(db: Db, r: { id: string; personId: string; eventId: string | null; employer: string; position: string | null; referredOn: string; note: string | null; at: string; by: string }): void {
    db.prepare(
      `INSERT INTO employment_referrals (id, person_id, event_id, employer, position, referred_on, note, recorded_at, recorded_by, updated_at)
       VALUES (@id, @personId, @eventId, @employer, @position, @referredOn, @note, @at, @by, @at)`,
    ).run(r)
  },

  setAgreement(db: Db, r: { id: string; seen: number; signedOn: string; at: string }): boolean {
    return (
      db
        .prepare(`UPDATE employment_referrals SET agreement_signed_on = @signedOn, revision = revision + 1, updated_at = @at WHERE id = @id AND revision = @seen AND voided_at IS NULL`)
        .run(r).changes === 1
    )
  },

  setJobTaken(db: Db, r: { id: string; seen: number; jobTaken: JobTaken; recordedOn: string; note: string | null; at: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE employment_referrals SET job_taken = @jobTaken, job_taken_recorded_on = @recordedOn, outcome_note = @note, revision = revision + 1, updated_at = @at
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run(r).changes === 1
    )
  },

  voidReferral(db: Db, r: { id: string; seen: number; at: string; by: string; reason: string }): boolean {
    return (
      db
        .prepare(`UPDATE employment_referrals SET voided_at = @at, voided_by = @by, void_reason = @reason, revision = revision + 1, updated_at = @at WHERE id = @id AND revision = @seen AND voided_at IS NULL`)
        .run(r).changes === 1
    )
  },
}
