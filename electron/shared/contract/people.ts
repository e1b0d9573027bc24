import { z } from 'zod'
import { legalNameProblem, normalizeLegalName } from '../domain/identityRules'
import { ETHNICITIES, SEXES, type Sex } from '../domain/person'
import { PERIODS, type Period } from '../domain/periods'
import type { TermResult, TermWarning } from '../domain/term'
import { MAX_EXTENSION_MONTHS, MAX_TERM_WARNING_DAYS } from '../domain/term'
import { id, intAtLeast, intRange, isoDate, keyWithParams, optionalText, page, reason, settingVersionInput, text, tooLong, type ListPage } from './common'
import { method, noAudit } from './define'

/** Refuses a name with characters other than letters, "·" and single spaces (rule in domain/identityRules). */
const legalNameChars = z.string().superRefine((name, ctx) => {
  const problem = legalNameProblem(name)
  if (problem) ctx.addIssue({ code: 'custom', message: problem.params ? keyWithParams(problem.key, problem.params) : problem.key })
})
/** A legal name (姓名): NFC, without leading or trailing spaces, letters with "·" or single spaces between parts. */
export const legalName = (max: number) =>
  z.string({ error: 'v.required' }).transform(normalizeLegalName).pipe(legalNameChars.min(1, 'v.required').max(max, tooLong(max)))
export const optionalLegalName = (max: number) =>
  z
    .string()
    .transform(normalizeLegalName)
    .pipe(legalNameChars.max(max, tooLong(max)))
    .nullish()
    .transform((v) => (v ? v : null))

/** Identity fields of a detainee file (一人一档). The ID number is cross-checked against birth date and sex in core. */
export const identityFields = {
  name: legalName(30),
  sex: z.enum(SEXES, { error: 'v.required' }),
  ethnicity: z.enum(ETHNICITIES, { error: 'v.required' }),
  birthDate: isoDate,
  idNumber: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(18, 'id.wrong_length'),
  householdAddress: text(120),
  decisionOrgan: text(60),
  decisionDocNo: text(60),
  decisionDate: isoDate,
  admissionDate: isoDate,
  emergencyContactName: optionalLegalName(30),
  emergencyContactRelation: optionalText(20),
  emergencyContactPhone: z
    .string()
    .trim()
    .max(30, tooLong(30))
    .regex(/^[0-9+\-() ]*$/, 'v.phone')
    .nullish()
    .transform((v) => (v ? v : null)),
}
export const identitySchema = z.object(identityFields)
export type IdentityInput = z.input<typeof identitySchema>
export type Identity = z.output<typeof identitySchema>

export interface PersonListRow {
  id: string
  name: string
  sex: Sex
  idTail: string
  birthDate: string
  wardId: string | null
  wardName: string | null
  period: Period | null
  periodSince: string | null
  daysInPeriod: number | null
  decisionDate: string
  lastDay: string | null
  daysToLastDay: number | null
  /** Past the last day, or within the facility's warning window (people.termWarningDays). */
  termWarning: TermWarning | null
  voided: boolean
}

/** One line of the printed or exported ward roster (花名册): every live person of one ward. */
export interface WardRosterRow {
  id: string
  name: string
  sex: Sex
  age: number
  /** Masked as the file header shows it: the full number never leaves core in a list. */
  idNumberMasked: string
  period: Period | null
  admissionDate: string
  lastDay: string | null
  daysToLastDay: number | null
  termWarning: TermWarning | null
}

export interface WardRoster {
  facilityName: string
  wardId: string
  wardName: string
  /** The facility's today (Beijing date), printed on every page. */
  today: string
  rows: WardRosterRow[]
}

export interface PeriodMoveRow {
  id: string
  fromPeriod: Period | null
  toPeriod: Period
  effectiveDate: string
  recordedAt: string
  recordedBy: string
  note: string | null
  correction: boolean
}

export interface WardAssignmentRow {
  id: string
  wardId: string
  wardName: string
  startDate: string
  endDate: string | null
  recordedAt: string
  recordedBy: string
  note: string | null
}

export interface TermEventRow {
  id: string
  kind: 'extension' | 'escape'
  months: number | null
  fromDate: string | null
  toDate: string | null
  docNo: string | null
  /** 批准日期 of an extension; null for escapes and for extensions recorded before it was asked for. */
  approvalDate: string | null
  note: string | null
  recordedAt: string
  recordedBy: string
  voided: boolean
  voidReason: string | null
}

export interface PersonTerm {
  result: TermResult | null
  /** An escape with no return date yet: the last day cannot be fixed until the person is back in custody. */
  openEscapeFrom: string | null
  /** The term could not be computed (e.g. inconsistent recorded events); message is an i18n key. */
  error: string | null
  earlyReleaseBarReason: string | null
}

export interface PersonFile {
  id: string
  revision: number
  identity: Identity
  idNumberMasked: string
  age: number
  wardId: string | null
  wardName: string | null
  period: Period | null
  periodSince: string | null
  daysInPeriod: number | null
  nextPeriods: Period[]
  term: PersonTerm
  /** Past the last day, or within the facility's warning window. */
  termWarning: TermWarning | null
  periods: PeriodMoveRow[]
  wards: WardAssignmentRow[]
  termEvents: TermEventRow[]
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  voided: { at: string; by: string; reason: string } | null
}

export interface PersonRevisionRow {
  revision: number
  changedAt: string
  changedBy: string
  changeNote: string | null
  changes: Array<{ field: keyof Identity; before: string | null; after: string | null }>
}

export interface AuditRow {
  seq: number
  at: string
  actorName: string | null
  method: string
  recordType: string | null
  recordId: string | null
  detail: string | null
}

export const ROSTER_SORTS = ['name', 'period', 'daysInPeriod', 'daysToLastDay', 'decisionDate'] as const

/** Whose files a list shows: people in the facility now (with a current ward), people whose stay has ended, or both. */
export const STAYS = ['current', 'past', 'all'] as const
export type Stay = (typeof STAYS)[number]

const listFilters = {
  q: z.string().trim().max(40, tooLong(40)).optional(),
  wardId: id.optional(),
  period: z.enum(PERIODS).optional(),
  sex: z.enum(SEXES).optional(),
  stay: z.enum(STAYS).default('all'),
  includeVoided: z.boolean().default(false),
  /** Count the matching files (the first page of a view); later pages of the same view leave it out. */
  withTotal: z.boolean().default(true),
  sort: z.enum(ROSTER_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  ...page,
}

/** Days before the last day from which a file is flagged (a facility setting; no national figure exists). */
export const termWarningDaysSchema = z
  .number({ error: 'v.number' })
  .int('v.integer')
  .min(0, 'term.warning_days_range')
  .max(MAX_TERM_WARNING_DAYS, 'term.warning_days_range')

const personRecord = (i: { id: string }) => i.id
/** Ward scoping: the call acts in the current ward of the person it names, or in the ward it names. */
const byPerson = { person: (i: { id: string }) => i.id }
const byWardOf = { ward: (i: { wardId: string }) => i.wardId }
/**
 * The period and its start as the page showed them (null: none): a move or correction is checked against the period
 * in force, so one made meanwhile by someone else is refused as stale instead of stacked on or replaced (issue 15).
 */
const seenPeriod = z.object({ period: z.enum(PERIODS).nullable(), since: isoDate.nullable() })

export const peopleContract = {
  'people:create': method<{ id: string }>()({
    input: z.object({
      ...identityFields,
      wardId: id,
      period: z.enum(PERIODS).default('detox'),
      periodStart: isoDate.optional(),
      note: optionalText(200),
    }),
    access: 'people.write',
    scope: byWardOf,
    audit: { kind: 'write', recordType: 'person', record: (_i, o) => o.id },
  }),
  'people:update': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), ...identityFields, changeNote: optionalText(200) }),
    access: 'people.write',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
  'people:get': method<PersonFile>()({
    input: z.object({ id }),
    access: 'people.read',
    scope: byPerson,
    audit: { kind: 'read', recordType: 'person', record: personRecord },
  }),
  /** The full ID number, shown on request with the reason, recorded in the audit log (issue 10: least privilege). */
  'people:revealIdNumber': method<{ idNumber: string }>()({
    input: z.object({ id, reason }),
    access: 'people.read',
    scope: byPerson,
    audit: { kind: 'read', recordType: 'person', record: personRecord },
  }),
  'people:list': method<ListPage<PersonListRow>>()({
    input: z.object(listFilters),
    access: 'people.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** The whole roster of one ward for print and export (not paged: a ward holds at most its capacity, ≤ 2000). */
  'people:roster': method<WardRoster>()({
    input: z.object({ wardId: id }),
    access: 'people.read',
    scope: byWardOf,
    audit: { kind: 'read', recordType: 'ward', record: (i) => i.wardId },
  }),
  'people:termSettings': method<{ termWarningDays: number; version: string }>()({
    input: z.object({}),
    access: 'people.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'people:setTermWarningDays': method<null>()({
    input: z.object({ termWarningDays: termWarningDaysSchema, version: settingVersionInput }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'people.termWarningDays' },
  }),
  'people:search': method<PersonListRow[]>()({
    input: z.object({ q: z.string().trim().min(1, 'v.required').max(40, tooLong(40)), limit: intRange(1, 50).default(10) }),
    access: 'people.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  'people:history': method<PersonRevisionRow[]>()({
    input: z.object({ id }),
    access: 'people.read',
    scope: byPerson,
    audit: { kind: 'read', recordType: 'person', record: personRecord },
  }),
  'people:auditTrail': method<AuditRow[]>()({
    input: z.object({ id }),
    access: 'audit.read',
    scope: byPerson,
    audit: noAudit,
  }),
  'people:movePeriod': method<null>()({
    input: z.object({ id, to: z.enum(PERIODS, { error: 'v.required' }), effectiveDate: isoDate, note: optionalText(300), seen: seenPeriod }),
    access: 'people.write',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
  'people:correctPeriod': method<null>()({
    input: z.object({ id, to: z.enum(PERIODS, { error: 'v.required' }), effectiveDate: isoDate, reason, seen: seenPeriod }),
    access: 'people.write',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
  'people:assignWard': method<null>()({
    /** seen: the ward the page showed (null: none), so a transfer made meanwhile is not silently replaced. */
    input: z.object({ id, wardId: id, effectiveDate: isoDate, note: optionalText(300), seen: id.nullable() }),
    access: 'people.write',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
  'people:addTermEvent': method<{ eventId: string }>()({
    input: z.discriminatedUnion('kind', [
      z.object({
        id,
        kind: z.literal('extension'),
        months: intRange(1, MAX_EXTENSION_MONTHS, 'term.extension_range'),
        docNo: text(60),
        /** 批准日期: not after today, not before the decision date (checked in core). */
        approvalDate: isoDate,
        /** An extension on a term already past its last day is refused unless the user confirmed it. */
        confirmExpired: z.boolean().default(false),
        note: optionalText(300),
      }),
      z.object({
        id,
        kind: z.literal('escape'),
        fromDate: isoDate,
        toDate: isoDate.nullable().default(null),
        docNo: optionalText(60),
        note: optionalText(300),
      }),
    ]),
    access: 'people.write',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
  'people:closeEscape': method<null>()({
    input: z.object({ id, eventId: id, toDate: isoDate }),
    access: 'people.write',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
  'people:voidTermEvent': method<null>()({
    input: z.object({ id, eventId: id, reason }),
    access: 'people.write',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
  'people:setEarlyReleaseBar': method<null>()({
    input: z.object({
      id,
      reason: z.string().trim().max(300, tooLong(300)).nullable(),
      /** The bar as the page showed it (null: none), so a change made meanwhile is not overwritten. */
      seen: z.string().max(300, tooLong(300)).nullable(),
    }),
    access: 'people.write',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
  'people:void': method<null>()({
    input: z.object({ id, reason }),
    access: 'people.void',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: personRecord },
  }),
}
