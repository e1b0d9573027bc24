/**
 * Aftercare reads (SQL only here): one person's release, plan and contacts; the due and overdue follow-ups of a day;
 * a station's recent contacts.
 */
import type { ContactView, DueFollowUp, PersonRelease, SlotState, SlotView } from '../../shared/contract/aftercare'
import { daysBetween } from '../../shared/domain/dates'
import type { Db } from '../db/open'

const CONTACT_SELECT = /* sql */ `
  SELECT c.id, c.person_id AS personId, c.release_id AS releaseId, c.slot_id AS slotId, c.contact_on AS contactOn, c.method, c.reached, c.status,
    c.employment, c.employer, c.help, c.station_id AS stationId, g.name AS stationName, c.staff, c.note, c.revision,
    c.recorded_at AS recordedAt, rs.display_name AS recordedByName, c.updated_at AS updatedAt, us.display_name AS updatedByName,
    c.voided_at AS voidedAt, vs.display_name AS voidedByName, c.void_reason AS voidReason
  FROM followup_contacts c JOIN staff rs ON rs.id = c.recorded_by JOIN staff us ON us.id = c.updated_by LEFT JOIN staff vs ON vs.id = c.voided_by
    LEFT JOIN guidance_stations g ON g.id = c.station_id`

type RawContact = Omit<ContactView, 'reached' | 'help' | 'voided'> & { reached: 0 | 1; help: string; voidedAt: string | null; voidedByName: string | null; voidReason: string | null }
const toContact = ({ reached, help, voidedAt, voidedByName, voidReason, ...rest }: RawContact): ContactView => ({
  ...rest,
  reached: reached === 1,
  help: JSON.parse(help) as string[],
  voided: voidedAt ? { at: voidedAt, byName: voidedByName ?? '', reason: voidReason ?? '' } : null,
})

/** A slot's state on `day`. */
export function slotState(slot: { contactId: string | null; windowFrom: string; dueOn: string; windowTo: string }, day: string): SlotState {
  if (slot.contactId) return 'done'
  if (day < slot.windowFrom) return 'upcoming'
  if (day <= slot.dueOn) return 'due'
  if (day <= slot.windowTo) return 'overdue'
  return 'missed'
}

export const aftercareQueries = {
  /** The person's live confirmed release with its station. */
  releasedOf(db: Db, personId: string): PersonRelease | undefined {
    return db
      .prepare(
        `SELECT r.id, r.kind, r.release_date AS releaseDate, r.station_id AS stationId, g.name AS stationName, r.receiving_community AS receivingCommunity
         FROM releases r LEFT JOIN guidance_stations g ON g.id = r.station_id
         WHERE r.person_id = ? AND r.voided_at IS NULL AND r.status = 'released'`,
      )
      .get(personId) as PersonRelease | undefined
  },
  planVersion(db: Db, releaseId: string): string | undefined {
    const row = db.prepare('SELECT plan_version AS v FROM followup_outcomes WHERE release_id = ? AND voided_at IS NULL').get(releaseId) as { v: string } | undefined
    return row?.v
  },
  slotViews(db: Db, releaseId: string, day: string): SlotView[] {
    const rows = db
      .prepare(
        `SELECT id, seq, kind, due_on AS dueOn, window_from AS windowFrom, window_to AS windowTo, contact_id AS contactId
         FROM followup_slots WHERE release_id = ? AND voided_at IS NULL ORDER BY seq`,
      )
      .all(releaseId) as Array<Omit<SlotView, 'state'>>
    return rows.map((s) => ({ ...s, state: slotState(s, day) }))
  },
  /** Every contact of the person (voided included), newest first. */
  contactsOf(db: Db, personId: string): ContactView[] {
    return (db.prepare(`${CONTACT_SELECT} WHERE c.person_id = ? ORDER BY c.contact_on DESC, c.recorded_at DESC`).all(personId) as RawContact[]).map(toContact)
  },
  outcomeOf(db: Db, releaseId: string): { status: ContactView['status']; on: string | null } | undefined {
    return db.prepare('SELECT status, status_on AS "on" FROM followup_outcomes WHERE release_id = ? AND voided_at IS NULL').get(releaseId) as
      | { status: ContactView['status']; on: string | null }
      | undefined
  },
  /** Live contacts made at or through a station, newest first. */
  stationContacts(db: Db, stationId: string, limit: number): Array<ContactView & { personName: string; fromWardId: string | null }> {
    const rows = db
      .prepare(
        `SELECT x.*, p.name AS personName, r.from_ward_id AS fromWardId FROM (${CONTACT_SELECT} WHERE c.station_id = @stationId AND c.voided_at IS NULL
           ORDER BY c.contact_on DESC LIMIT @limit) x JOIN people p ON p.id = x.personId JOIN releases r ON r.id = x.releaseId`,
      )
      .all({ stationId, limit }) as Array<RawContact & { personName: string; fromWardId: string | null }>
    return rows.map((r) => ({ ...toContact(r), personName: r.personName, fromWardId: r.fromWardId }))
  },
  /**
   * Open slots listed on `day` (window begun, not ended), earliest date first; people whose latest status is
   * deceased are left out. `wardIds` (not null) keeps releases from one of these wards.
   */
  due(db: Db, day: string, wardIds: readonly string[] | null): DueFollowUp[] {
    const rows = db
      .prepare(
        `SELECT s.id AS slotId, s.release_id AS releaseId, s.person_id AS personId, p.name AS personName, r.release_date AS releaseDate, r.kind AS releaseKind,
           r.from_ward_id AS fromWardId, r.station_id AS stationId, g.name AS stationName, s.kind AS slotKind, s.seq, s.due_on AS dueOn, s.window_to AS windowTo,
           o.last_contact_on AS lastContactOn, o.status AS lastStatus
         FROM followup_slots s INDEXED BY followup_slots_open
           JOIN releases r ON r.id = s.release_id JOIN people p ON p.id = s.person_id
           LEFT JOIN followup_outcomes o ON o.release_id = s.release_id LEFT JOIN guidance_stations g ON g.id = r.station_id
         WHERE s.contact_id IS NULL AND s.voided_at IS NULL AND s.window_to >= @day AND s.window_from <= @day
           AND (o.status IS NULL OR o.status <> 'deceased')
         ORDER BY s.due_on, p.name_pinyin`,
      )
      .all({ day }) as Array<Omit<DueFollowUp, 'state' | 'daysOverdue'>>
    const allowed = wardIds && new Set(wardIds)
    return rows
      .filter((r) => !allowed || (r.fromWardId !== null && allowed.has(r.fromWardId)))
      .map((r) => ({ ...r, state: r.dueOn < day ? 'overdue' : 'due', daysOverdue: r.dueOn < day ? daysBetween(r.dueOn, day) : 0 }))
  },
}
