/**
 * Aftercare (后续照管, issue 14): the guidance stations the facility hands people over to (社区戒毒社区康复指导站,
 * communities, others), each released person's follow-up plan (回访计划, made at release from setting `aftercare.plan`),
 * the follow-up contacts (回访记录), the due and overdue follow-ups, and the follow-up cohorts (by release year or
 * quarter) with their abstinence rates, every figure opening its people. Every edit names the revision it read;
 * nothing is deleted (a contact is voided, a station retired, with a reason).
 */
import { z } from 'zod'
import { aftercarePlanSchema, helpKindsSchema, type AftercarePlanSettings, type AftercareReleaseKind, type HelpKind } from '../domain/aftercare/settings'
import { id, intAtLeast, isoDate, optionalText, reason, text, tooLong, tooMany } from './common'
import { method, noAudit } from './define'

export const STATION_KINDS = ['station', 'community', 'other'] as const
export type StationKind = (typeof STATION_KINDS)[number]
export const CONTACT_METHODS = ['visit', 'phone', 'station', 'family'] as const
export type ContactMethod = (typeof CONTACT_METHODS)[number]
/** A reached person's status; an unreached contact carries none or lost_contact. */
export const REACHED_STATUSES = ['abstinent', 'relapsed', 'in_custody', 'deceased'] as const
export const CONTACT_STATUSES = [...REACHED_STATUSES, 'lost_contact'] as const
export type ContactStatus = (typeof CONTACT_STATUSES)[number]
export const EMPLOYMENT_STATES = ['employed', 'unemployed', 'unknown'] as const
export type EmploymentState = (typeof EMPLOYMENT_STATES)[number]
export const SLOT_KINDS = ['release_day', 'first_week', 'periodic'] as const
export type SlotKind = (typeof SLOT_KINDS)[number]
/** A slot's state on a day: done (a contact fulfils it), upcoming, due (listed), overdue (past its date), missed (past its window). */
export type SlotState = 'done' | 'upcoming' | 'due' | 'overdue' | 'missed'
/** The outcomes a cohort figure counts (drill-down). */
export const COHORT_OUTCOMES = ['released', 'reached', 'abstinent', 'relapsed', 'in_custody', 'deceased', 'lost', 'not_reached'] as const
export type CohortOutcome = (typeof COHORT_OUTCOMES)[number]

// ---------------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------------

export interface StationView {
  id: string
  name: string
  kind: StationKind
  region: string
  address: string | null
  contactName: string | null
  contactPhone: string | null
  note: string | null
  revision: number
  updatedAt: string
  updatedByName: string
  retired: { at: string; byName: string; reason: string } | null
  /** Live released people handed over to it. */
  releasedPeople: number
  /** Live follow-up contacts made at or through it. */
  contacts: number
}
export interface StationPerson {
  personId: string
  name: string
  releaseId: string
  releaseDate: string
  kind: AftercareReleaseKind
  status: ContactStatus | null
  statusOn: string | null
}
export interface StationDetail {
  station: StationView
  people: StationPerson[]
  recentContacts: Array<ContactView & { personName: string }>
}

export interface SlotView {
  id: string
  seq: number
  kind: SlotKind
  dueOn: string
  /** Listed from this day. */
  windowFrom: string
  /** Missed after this day. */
  windowTo: string
  contactId: string | null
  state: SlotState
}
export interface ContactView {
  id: string
  personId: string
  releaseId: string
  slotId: string | null
  contactOn: string
  method: ContactMethod
  reached: boolean
  status: ContactStatus | null
  employment: EmploymentState | null
  employer: string | null
  help: string[]
  stationId: string | null
  stationName: string | null
  staff: string | null
  note: string | null
  revision: number
  recordedAt: string
  recordedByName: string
  updatedAt: string
  updatedByName: string
  voided: { at: string; byName: string; reason: string } | null
}
export interface PersonRelease {
  id: string
  kind: AftercareReleaseKind
  releaseDate: string
  stationId: string | null
  stationName: string | null
  receivingCommunity: string | null
}
export interface PersonAftercare {
  personId: string
  today: string
  /** The live confirmed release; null while the person is not released. */
  release: PersonRelease | null
  /** null: released with a kind the plan does not cover (or not released). */
  plan: { version: string; slots: SlotView[] } | null
  /** Newest first, voided included (shown struck through). */
  contacts: ContactView[]
  /** The person's classification now (the latest contact carrying a status). */
  outcome: { status: ContactStatus; on: string } | null
}

export interface DueFollowUp {
  slotId: string
  releaseId: string
  personId: string
  personName: string
  releaseDate: string
  releaseKind: AftercareReleaseKind
  fromWardId: string | null
  stationId: string | null
  stationName: string | null
  slotKind: SlotKind
  seq: number
  dueOn: string
  windowTo: string
  state: 'due' | 'overdue'
  /** Days past dueOn (0 when due). */
  daysOverdue: number
  lastContactOn: string | null
  lastStatus: ContactStatus | null
}
export interface DueFollowUps {
  today: string
  rows: DueFollowUp[]
  due: number
  overdue: number
}

export interface CohortFigures {
  released: number
  reached: number
  abstinent: number
  relapsed: number
  inCustody: number
  deceased: number
  lost: number
  notReached: number
  /** abstinent ÷ reached; null when nobody was reached. */
  abstinenceRateReached: number | null
  /** abstinent ÷ released; null when nobody was released. */
  abstinenceRateAll: number | null
}
export interface CohortRow {
  /** '2025' or '2025-Q3'. */
  label: string
  from: string
  to: string
  figures: CohortFigures
}
export interface CohortTable {
  asOf: string
  by: 'year' | 'quarter'
  coveredKinds: AftercareReleaseKind[]
  rows: CohortRow[]
  total: CohortFigures
}
export interface CohortPerson {
  personId: string
  name: string
  releaseId: string
  releaseDate: string
  kind: AftercareReleaseKind
  stationName: string | null
  status: ContactStatus | null
  statusOn: string | null
}

export interface AftercareSettingsView {
  plan: AftercarePlanSettings
  planVersion: string
  helpKinds: HelpKind[]
  helpVersion: string
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

export const stationFields = {
  name: text(60),
  kind: z.enum(STATION_KINDS, { error: 'v.required' }),
  region: text(60),
  address: optionalText(200),
  contactName: optionalText(40),
  contactPhone: optionalText(40),
  note: optionalText(1000),
}
const helpId = z.string({ error: 'v.required' }).regex(/^[a-z][a-z0-9_]{0,39}$/, 'aftercare.list_id')
const nullableId = z.union([id, z.null()]).optional().transform((v) => v ?? null)
export const contactFields = {
  contactOn: isoDate,
  method: z.enum(CONTACT_METHODS, { error: 'v.required' }),
  reached: z.boolean({ error: 'v.required' }),
  status: z.union([z.enum(CONTACT_STATUSES, { error: 'v.required' }), z.null()]).optional().transform((v) => v ?? null),
  employment: z.union([z.enum(EMPLOYMENT_STATES, { error: 'v.required' }), z.null()]).optional().transform((v) => v ?? null),
  employer: optionalText(60),
  help: z.array(helpId).max(20, tooMany(20)).default([]),
  stationId: nullableId,
  staff: optionalText(60),
  note: optionalText(2000),
}
/** The longest span a cohort table covers. */
export const MAX_COHORT_YEARS = 30

/**
 * A released file has no ward, so the person scope would leave it to roles reaching every ward; aftercare is done by
 * the officers and counsellors of the ward the person left. These methods are 'filtered': the handler checks the
 * caller's reach against the person's ward, or the ward they were released from (aftercareReach.ts).
 */
const byReleaseWard = 'filtered' as const
const cohortRange = { from: isoDate, to: isoDate, asOf: isoDate.optional() }

export const aftercareContract = {
  // Guidance stations ------------------------------------------------------------------------------------------
  /** Stations (live first, by name), with how many released people and contacts each has; `query` matches name or region. */
  'aftercare:stations': method<StationView[]>()({
    input: z.object({ query: optionalText(60), includeRetired: z.boolean().default(false) }),
    access: 'aftercare.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'aftercare:station': method<StationDetail>()({
    input: z.object({ id }),
    access: 'aftercare.read',
    scope: 'filtered',
    audit: { kind: 'read', recordType: 'guidance_station', record: (i) => i.id },
  }),
  /** Creates (no id) or edits (id and the revision read) a station. */
  'aftercare:saveStation': method<{ id: string; revision: number }>()({
    input: z.object({ id: id.optional(), revision: intAtLeast(1).optional(), ...stationFields }),
    access: 'aftercare.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'guidance_station', record: (_i, o) => o.id },
  }),
  'aftercare:retireStation': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'aftercare.configure',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'guidance_station', record: (i) => i.id },
  }),

  // One person ------------------------------------------------------------------------------------------------
  /** The person's release, plan with each slot's state, contacts and current outcome (person-file section 后续照管). */
  'aftercare:person': method<PersonAftercare>()({
    input: z.object({ personId: id }),
    access: 'aftercare.read',
    scope: byReleaseWard,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  /** Records a contact; `slotId` undefined = the earliest open slot already listed, null = no slot (an extra contact). */
  'aftercare:recordContact': method<{ id: string; revision: number }>()({
    input: z.object({ personId: id, slotId: z.union([id, z.null()]).optional(), ...contactFields }),
    access: 'aftercare.record',
    scope: byReleaseWard,
    // Follow-up contacts are recorded on released (closed) files by design.
    closedFile: 'writable',
    audit: { kind: 'write', recordType: 'followup_contact', record: (_i, o) => o.id },
  }),
  'aftercare:updateContact': method<{ id: string; revision: number }>()({
    input: z.object({ personId: id, id, revision: intAtLeast(1), slotId: z.union([id, z.null()]), ...contactFields }),
    access: 'aftercare.record',
    scope: byReleaseWard,
    // Follow-up contacts are recorded on released (closed) files by design.
    closedFile: 'writable',
    audit: { kind: 'write', recordType: 'followup_contact', record: (i) => i.id },
  }),
  'aftercare:voidContact': method<null>()({
    input: z.object({ personId: id, id, revision: intAtLeast(1), reason }),
    access: 'aftercare.record',
    scope: byReleaseWard,
    // Follow-up contacts are recorded on released (closed) files by design.
    closedFile: 'writable',
    audit: { kind: 'write', recordType: 'followup_contact', record: (i) => i.id },
  }),

  // Facility lists -------------------------------------------------------------------------------------------
  /** Due and overdue follow-ups on `date` (default today): listed from leadDays before the date until the slot's window ends. */
  'aftercare:due': method<DueFollowUps>()({
    input: z.object({ date: isoDate.optional() }),
    access: 'aftercare.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** Follow-up cohorts by release year or quarter between from and to, classified as of asOf (default today). */
  'aftercare:cohorts': method<CohortTable>()({
    input: z.object({ by: z.enum(['year', 'quarter'], { error: 'v.required' }), ...cohortRange }),
    access: 'aftercare.read',
    scope: 'facility',
    audit: noAudit,
  }),
  /** The people behind one cohort figure. */
  'aftercare:cohortPeople': method<CohortPerson[]>()({
    input: z.object({ ...cohortRange, outcome: z.enum(COHORT_OUTCOMES, { error: 'v.required' }) }),
    access: 'aftercare.read',
    scope: 'filtered',
    audit: { kind: 'read', recordType: 'aftercare_cohort', record: () => null },
  }),

  // Settings ---------------------------------------------------------------------------------------------------
  'aftercare:settings': method<AftercareSettingsView>()({ input: z.object({}), access: 'aftercare.read', scope: 'facility', audit: noAudit }),
  'aftercare:setPlan': method<null>()({
    input: z.object({ plan: aftercarePlanSchema, version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'aftercare.configure',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'aftercare.plan' },
  }),
  'aftercare:setHelpKinds': method<null>()({
    input: z.object({ helpKinds: helpKindsSchema, version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'aftercare.configure',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'aftercare.helpKinds' },
  }),
}

