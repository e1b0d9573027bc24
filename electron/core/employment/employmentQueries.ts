/** Employment support lists: events by date, an event's referrals, a person's referrals, agreements awaiting an outcome. */
import type { EmploymentEventDetail, EmploymentEventRow, ReferralRow } from '../../shared/contract/employment'
import type { Db } from '../db/open'

const EVENT_ROW = `e.id, e.kind, e.event_date AS eventDate, e.employer, e.positions, e.positions_offered AS positionsOffered, e.place, e.note, e.revision,
  (SELECT count(*) FROM employment_referrals r WHERE r.event_id = e.id AND r.voided_at IS NULL) AS referred,
  (SELECT count(*) FROM employment_referrals r WHERE r.event_id = e.id AND r.voided_at IS NULL AND r.agreement_signed_on IS NOT NULL) AS agreements`

/** Live events, newest first; a year narrows to the events held in it. */
export function eventPage(db: Db, year: number | undefined, offset: number, limit: number): { rows: EmploymentEventRow[]; total: number } {
  const range = { from: year === undefined ? '0000-01-01' : `${year}-01-01`, to: year === undefined ? '9999-12-31' : `${year}-12-31` }
  const where = 'e.event_date >= @from AND e.event_date <= @to AND e.voided_at IS NULL'
  const total = (db.prepare(`SELECT count(*) AS n FROM employment_events e WHERE ${where}`).get(range) as { n: number }).n
  const rows = db
    .prepare(`SELECT ${EVENT_ROW} FROM employment_events e WHERE ${where} ORDER BY e.event_date DESC, e.id LIMIT @limit OFFSET @offset`)
    .all({ ...range, limit, offset }) as EmploymentEventRow[]
  return { rows, total }
}

const REFERRAL_ROW = `r.id, r.person_id AS personId, p.name, w.name AS wardName, p.ward_id AS wardId, r.event_id AS eventId, ev.kind AS eventKind,
  r.employer, r.position, r.referred_on AS referredOn, r.agreement_signed_on AS agreementSignedOn, r.job_taken AS jobTaken,
  r.job_taken_recorded_on AS jobTakenRecordedOn, r.outcome_note AS outcomeNote, r.note, r.revision, r.voided_at AS voidedAt, r.void_reason AS voidReason`
const REFERRAL_FROM = `employment_referrals r JOIN people p ON p.id = r.person_id LEFT JOIN wards w ON w.id = p.ward_id
  LEFT JOIN employment_events ev ON ev.id = r.event_id`

type ReferralDb = Omit<ReferralRow, 'voided'> & { wardId: string | null; voidedAt: string | null; voidReason: string | null }
const toReferral = ({ voidedAt, voidReason, wardId: _ward, ...r }: ReferralDb): ReferralRow => ({
  ...r,
  voided: voidedAt === null ? null : { at: voidedAt, reason: voidReason ?? '' },
})

const readableSql = (wards: readonly string[] | null) => (wards === null ? '1' : 'p.ward_id IN (SELECT value FROM json_each(@wards))')
const wardsParam = (wards: readonly string[] | null) => (wards === null ? {} : { wards: JSON.stringify(wards) })

export function eventDetail(db: Db, id: string, wards: readonly string[] | null): EmploymentEventDetail | undefined {
  const event = db.prepare(`SELECT ${EVENT_ROW}, e.recorded_at AS recordedAt FROM employment_events e WHERE e.id = ? AND e.voided_at IS NULL`).get(id) as
    | Omit<EmploymentEventDetail, 'referrals'>
    | undefined
  if (!event) return undefined
  const referrals = (
    db
      .prepare(`SELECT ${REFERRAL_ROW} FROM ${REFERRAL_FROM} WHERE r.event_id = @id AND r.voided_at IS NULL AND ${readableSql(wards)} ORDER BY p.name_pinyin, p.id`)
      .all({ id, ...wardsParam(wards) }) as ReferralDb[]
  ).map(toReferral)
  return { ...event, referrals }
}

export const personReferrals = (db: Db, personId: string): ReferralRow[] =>
  (db.prepare(`SELECT ${REFERRAL_ROW} FROM ${REFERRAL_FROM} WHERE r.person_id = ? ORDER BY r.referred_on DESC, r.id`).all(personId) as ReferralDb[]).map(toReferral)

/** Signed agreements without an outcome yet, newest agreement first, through the partial index of signed agreements. */
export function awaitingOutcome(db: Db, wards: readonly string[] | null, offset: number, limit: number): { rows: ReferralRow[]; total: number; hidden: number } {
  const where = 'r.agreement_signed_on IS NOT NULL AND r.job_taken IS NULL AND r.voided_at IS NULL'
  const counts = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(${readableSql(wards)}), 0) AS listed FROM employment_referrals r JOIN people p ON p.id = r.person_id WHERE ${where}`)
    .get(wardsParam(wards)) as { n: number; listed: number }
  const rows = (
    db
      .prepare(`SELECT ${REFERRAL_ROW} FROM ${REFERRAL_FROM} WHERE ${where} AND ${readableSql(wards)} ORDER BY r.agreement_signed_on DESC, r.id LIMIT @limit OFFSET @offset`)
      .all({ ...wardsParam(wards), limit, offset }) as ReferralDb[]
  ).map(toReferral)
  return { rows, total: counts.listed, hidden: counts.n - counts.listed }
}
