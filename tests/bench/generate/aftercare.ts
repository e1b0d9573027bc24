/**
 * The benchmark facility's released people (issue 14): every past file becomes a real release record (release's insertRelease, its Stay's
 * release date, mostly on time or early, from the last ward it was in) with the follow-up plan the default setting
 * makes (a release-day contact, the first within 7 days, then monthly for 12 months) and a realistic mix of contacts:
 * most planned contacts made in the first months, fewer later; each person follows one course (stays abstinent,
 * relapses, is taken into custody, dies, or is lost) that the contacts report. 50,000 past files → ~690,000 slots and
 * ~250,000 contacts, written with prepared statements inside the caller's transaction; the outcome row of each release
 * is computed here as the aftercare service keeps it (the latest contact with a status).
 */
import type { Db } from '../../../electron/core/db/open'
import { insertRelease } from '../../../electron/core/release/releaseRepo'
import { planSlots } from '../../../electron/shared/domain/aftercare/plan'
import { DEFAULT_AFTERCARE_PLAN, type AftercareReleaseKind } from '../../../electron/shared/domain/aftercare/settings'
import type { ContactStatus } from '../../../electron/shared/contract/aftercare'
import type { Stay } from './people'
import { weightedPicker, type Random } from './random'

const pickKind = weightedPicker<AftercareReleaseKind>([['on_time', 80], ['early', 15], ['community_conversion', 3], ['transfer', 1], ['medical', 1]])
type Course = 'abstinent' | 'relapsed' | 'in_custody' | 'deceased' | 'lost'
const pickCourse = weightedPicker<Course>([['abstinent', 58], ['relapsed', 20], ['in_custody', 7], ['deceased', 2], ['lost', 13]])
const pickMethod = weightedPicker<string>([['phone', 55], ['visit', 20], ['station', 15], ['family', 10]])
const HELP = ['employment', 'counselling', 'relief', 'medical', 'skills']

const DETAILS: Record<AftercareReleaseKind, (n: number) => object> = {
  on_time: () => ({}),
  early: (n) => ({ decisionDocNo: `提前解除决定〔${n}〕号` }),
  community_conversion: (n) => ({ decisionDocNo: `社区戒毒决定〔${n}〕号`, reason: '所外就医不宜回所' }),
  transfer: (n) => ({ toFacility: '示范省第二强制隔离戒毒所', docNo: `转所〔${n}〕号` }),
  medical: () => ({ hospital: '示范省人民医院', reason: '重病所外就医' }),
  death: () => ({}),
}

export function writeAftercare(o: { db: Db; r: Random; today: string; stays: readonly Stay[]; by: string }): { releases: number; slots: number; contacts: number } {
  const { db, r } = o
  const slot = db.prepare(
    `INSERT INTO followup_slots (id, release_id, person_id, seq, kind, due_on, window_from, window_to, contact_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const contact = db.prepare(
    `INSERT INTO followup_contacts (id, release_id, person_id, slot_id, contact_on, method, reached, status, employment, help, recorded_at, recorded_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const outcome = db.prepare(
    `INSERT INTO followup_outcomes (release_id, person_id, plan_version, status, status_on, status_contact_id, last_contact_on, contacts) VALUES (?, ?, 'default', ?, ?, ?, ?, ?)`,
  )
  const total = { releases: 0, slots: 0, contacts: 0 }
  let n = 0
  for (const stay of o.stays) {
    if (stay.current || !stay.releaseDate) continue
    n += 1
    const day = stay.releaseDate
    const kind = pickKind(r)
    const id = r.uuid()
    const at = `${day}T02:00:00.000Z`
    const lastWard = stay.wards[stay.wards.length - 1]!.wardId
    insertRelease(db, {
      id, personId: stay.personId, kind, status: 'released', releaseDate: day, fromWardId: lastWard, fromPeriod: 'return',
      organNotifiedOn: addDaysFast(day, -7), certificateNo: kind === 'transfer' || kind === 'medical' ? null : `解戒证字〔${day.slice(0, 4)}〕${n}号`,
      familyNotifiedOn: addDaysFast(day, -3), collectedBy: '家属', communityRehab: 0, communityRehabMonths: null, communityRehabDocNo: null,
      stationId: null, receivingCommunity: null, fileHandedOverOn: day, fileHandedTo: '户籍地社区', details: JSON.stringify(DETAILS[kind](n)), note: null,
      revision: 1, createdAt: at, createdBy: o.by, updatedAt: at, updatedBy: o.by, releasedAt: at, releasedBy: o.by, voidedAt: null, voidedBy: null, voidReason: null,
    })
    total.releases += 1
    const slots = planSlots(DEFAULT_AFTERCARE_PLAN, kind, day)
    if (slots.length === 0) continue
    const course = pickCourse(r)
    // The slot from which the course shows (relapse, custody, death, loss); abstinent people stay so throughout.
    const turn = r.int(2, slots.length + 2)
    const diligence = 0.3 + r.next() * 0.3
    // A few are never reached at all (moved away, wrong number from the start).
    const unreachable = r.chance(0.04)
    let latest: { status: ContactStatus; on: string; id: string } | null = null
    let last: string | null = null
    let count = 0
    let ended = false
    for (const s of slots) {
      const slotId = r.uuid()
      let contactId: string | null = null
      if (!ended && !unreachable && s.windowFrom <= o.today && r.chance(s.seq <= 3 ? 0.8 : diligence * (s.seq > 8 ? 0.6 : 1))) {
        const span = Math.max(0, Math.min(dayNumber(s.dueOn) - dayNumber(s.windowFrom) + 3, dayNumber(o.today) - dayNumber(s.windowFrom)))
        const on = addDaysFast(s.windowFrom, r.int(0, span))
        const status: ContactStatus | null =
          s.seq < turn || course === 'abstinent' ? (r.chance(0.93) ? 'abstinent' : null) : course === 'lost' ? 'lost_contact' : course
        const reached = status !== null && status !== 'lost_contact'
        contactId = r.uuid()
        const method = course === 'lost' && s.seq >= turn ? 'phone' : pickMethod(r)
        const help = reached && r.chance(0.3) ? JSON.stringify([r.pick(HELP)]) : '[]'
        const employment = reached ? r.pick(['employed', 'employed', 'unemployed', 'unknown']) : null
        const recorded = `${on}T03:00:00.000Z`
        // The slot first (it names its contact; the contact's slot_id refers to it).
        slot.run(slotId, id, stay.personId, s.seq, s.kind, s.dueOn, s.windowFrom, s.windowTo, contactId, at, o.by)
        contact.run(contactId, id, stay.personId, slotId, on, method, reached ? 1 : 0, status, employment, help, recorded, o.by, recorded, o.by)
        count += 1
        total.contacts += 1
        if (last === null || on > last) last = on
        // As the service orders them: contact date, then recorded time (the same here for one day), then id.
        if (status !== null && (latest === null || on > latest.on || (on === latest.on && contactId > latest.id))) latest = { status, on, id: contactId }
        // After a death or custody report, or once lost, the plan's later contacts are not made.
        if (status === 'deceased' || status === 'in_custody' || (status === 'lost_contact' && r.chance(0.5))) ended = true
      } else slot.run(slotId, id, stay.personId, s.seq, s.kind, s.dueOn, s.windowFrom, s.windowTo, null, at, o.by)
      total.slots += 1
    }
    outcome.run(id, stay.personId, latest?.status ?? null, latest?.on ?? null, latest?.id ?? null, last, count)
  }
  return total
}

const DAY = 86_400_000
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY
const addDaysFast = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
