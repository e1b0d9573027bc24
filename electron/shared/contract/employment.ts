/**
 * Employment support (就业帮扶, issue 12): job fairs and employer visits held at the facility, each person's referrals
 * to employers, the agreements signed, and whether the job was taken after release (filled in later by aftercare).
 * Events are bound to no ward; a referral acts on its person (a by-id call resolves the person's ward, record kind
 * 'referral'), so recording the outcome of a past file needs a facility-wide reach.
 */
import { z } from 'zod'
import { EMPLOYMENT_EVENT_KINDS, type EmploymentEventKind } from '../domain/vocational'
import { id, intAtLeast, intRange, isoDate, optionalText, page, reason, text, tooMany, type Paged } from './common'
import { method, noAudit } from './define'

export const JOB_TAKEN = ['yes', 'no'] as const
export type JobTaken = (typeof JOB_TAKEN)[number]

export const EMPLOYMENT_LIMITS = { employer: 60, positions: 500, positionsOffered: 10_000, place: 60, note: 300, position: 60, referPeople: 200 } as const

export interface EmploymentEventRow {
  id: string
  kind: EmploymentEventKind
  eventDate: string
  employer: string
  positions: string | null
  positionsOffered: number | null
  place: string | null
  note: string | null
  revision: number
  /** Live referrals at the event, and of them those with a signed agreement. */
  referred: number
  agreements: number
}

export interface ReferralRow {
  id: string
  personId: string
  name: string
  /** Null: a past file (已出所). */
  wardName: string | null
  eventId: string | null
  eventKind: EmploymentEventKind | null
  employer: string
  position: string | null
  referredOn: string
  agreementSignedOn: string | null
  jobTaken: JobTaken | null
  jobTakenRecordedOn: string | null
  outcomeNote: string | null
  note: string | null
  revision: number
  voided: { at: string; reason: string } | null
}

export interface EmploymentEventDetail extends EmploymentEventRow {
  recordedAt: string
  /** Live referrals, by name. */
  referrals: ReferralRow[]
}

const eventFields = {
  kind: z.enum(EMPLOYMENT_EVENT_KINDS, { error: 'v.required' }),
  eventDate: isoDate,
  employer: text(EMPLOYMENT_LIMITS.employer),
  positions: optionalText(EMPLOYMENT_LIMITS.positions),
  positionsOffered: intRange(0, EMPLOYMENT_LIMITS.positionsOffered).nullish().transform((v) => v ?? null),
  place: optionalText(EMPLOYMENT_LIMITS.place),
  note: optionalText(EMPLOYMENT_LIMITS.note),
}

const byReferral = { record: 'referral' as const, id: (i: { id: string }) => i.id }

export const employmentContract = {
  'employment:events': method<Paged<EmploymentEventRow>>()({
    input: z.object({ year: intRange(2000, 2100).optional(), ...page }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  /** An event with its referrals: only people in the caller's reach are listed (others are counted in `referred`). */
  'employment:event': method<EmploymentEventDetail>()({
    input: z.object({ id }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  'employment:createEvent': method<{ id: string }>()({
    input: z.object(eventFields),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'employment_event', record: (_i, o) => o.id },
  }),
  'employment:updateEvent': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), ...eventFields }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'employment_event', record: (i) => i.id },
  }),
  /** Refused while the event has live referrals (void those first: nothing disappears silently with the event). */
  'employment:voidEvent': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'employment_event', record: (i) => i.id },
  }),
  /** Refers people to an employer (at an event or not); one referral each. A person already referred at the event is refused. */
  'employment:refer': method<{ ids: string[] }>()({
    input: z.object({
      personIds: z.array(id).min(1, 'employment.no_people').max(EMPLOYMENT_LIMITS.referPeople, tooMany(EMPLOYMENT_LIMITS.referPeople)),
      eventId: id.nullish().transform((v) => v ?? null),
      employer: text(EMPLOYMENT_LIMITS.employer),
      position: optionalText(EMPLOYMENT_LIMITS.position),
      referredOn: isoDate,
      note: optionalText(EMPLOYMENT_LIMITS.note),
    }),
    access: 'vocational.record',
    scope: { person: (i) => i.personIds },
    audit: { kind: 'write', recordType: 'employment_event', record: (i) => i.eventId },
  }),
  'employment:recordAgreement': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), signedOn: isoDate }),
    access: 'vocational.record',
    scope: byReferral,
    audit: { kind: 'write', recordType: 'employment_referral', record: (i) => i.id },
  }),
  /** Whether the job was taken after release: the person must have left the facility and have signed the agreement. */
  'employment:recordJobTaken': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), jobTaken: z.enum(JOB_TAKEN, { error: 'v.required' }), recordedOn: isoDate, note: optionalText(EMPLOYMENT_LIMITS.note) }),
    access: 'vocational.record',
    scope: byReferral,
    audit: { kind: 'write', recordType: 'employment_referral', record: (i) => i.id },
    // Recorded after release by design: the released file stays read-only for everything else (issue 14).
    closedFile: 'writable',
  }),
  'employment:voidReferral': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'vocational.record',
    scope: byReferral,
    audit: { kind: 'write', recordType: 'employment_referral', record: (i) => i.id },
  }),
  /** A person's referrals, agreements and outcomes, newest first (voided ones included, marked). */
  'employment:person': method<ReferralRow[]>()({
    input: z.object({ personId: id }),
    access: 'vocational.read',
    scope: { person: (i) => i.personId },
    audit: noAudit,
  }),
  /** Signed agreements whose after-release outcome is not recorded yet, newest agreement first (caller's reach only). */
  'employment:awaitingOutcome': method<Paged<ReferralRow> & { hidden: number }>()({
    input: z.object(page),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),
}
