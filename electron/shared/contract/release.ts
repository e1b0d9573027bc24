/**
 * Release (出所, issue 14): a person's release record — planned with its checklist, then confirmed, when the person
 * leaves the ward roster and the file becomes read-only — the reopenings of a released file, the handover sheet for the
 * receiving community (移交单, with a privacy review before it can be printed) and the contact card (联系卡). Every
 * method acts on released files by design (`closedFile: 'writable'`).
 */
import { z } from 'zod'
import type { AssessmentPoint, Recommendation } from '../domain/assessment'
import type { SkillLevel } from '../domain/certificates/levels'
import type { FitnessGrade } from '../domain/fitness/grade'
import type { Period } from '../domain/periods'
import type { Sex } from '../domain/person'
import type { EnrolmentStatus, ExamResult } from '../domain/vocational'
import {
  contactCardSchema,
  RELEASE_DETAIL_SCHEMAS,
  RELEASE_KINDS,
  RELEASE_LIMITS,
  releaseRulesSchema,
  type ChecklistItem,
  type ContactCardSettings,
  type ReleaseDetails,
  type ReleaseKind,
  type ReleaseRules,
  type ReleaseStatus,
} from '../domain/release'
import { id, intAtLeast, intRange, isoDate, optionalIsoDate, optionalText, page, reason, settingVersionInput, tooMany, type Paged } from './common'
import { method, noAudit } from './define'

export interface ReleaseRecord {
  id: string
  personId: string
  kind: ReleaseKind
  status: ReleaseStatus
  releaseDate: string
  fromWardId: string | null
  fromWardName: string | null
  fromPeriod: Period | null
  organNotifiedOn: string | null
  certificateNo: string | null
  familyNotifiedOn: string | null
  collectedBy: string | null
  communityRehab: boolean
  communityRehabMonths: number | null
  communityRehabDocNo: string | null
  stationId: string | null
  stationName: string | null
  receivingCommunity: string | null
  fileHandedOverOn: string | null
  fileHandedTo: string | null
  details: ReleaseDetails
  note: string | null
  revision: number
  createdAt: string
  createdByName: string
  updatedAt: string
  updatedByName: string
  releasedAt: string | null
  releasedByName: string | null
}

export interface ReopeningView {
  id: string
  reason: string
  openedAt: string
  openedByName: string
  closedAt: string | null
  closedByName: string | null
  closeNote: string | null
}

export interface ReleaseView {
  release: ReleaseRecord | null
  /** The checklist of the live release (empty without one). */
  checklist: ChecklistItem[]
  /** The file is read-only: released (or a past file with no release record) and no reopening is open. */
  fileClosed: boolean
  /** The person has no ward: a past stay (with or without a release record). */
  pastStay: boolean
  openReopening: ReopeningView | null
  reopenings: ReopeningView[]
  /** Facts the form needs: the approved early release (assessment domain), the term's last day, the current ward. */
  person: { wardId: string | null; wardName: string | null; period: Period | null; lastDay: string | null; earlyReleaseOn: string | null; admissionDate: string }
  rules: ReleaseRules
  /** Voided releases, newest first (kept; shown under the record). */
  voided: Array<{ id: string; kind: ReleaseKind; status: ReleaseStatus; releaseDate: string; voidedAt: string; voidedByName: string; reason: string }>
}

export interface ReleaseListRow {
  id: string
  personId: string
  name: string
  /** The current ward while planned, the ward left once released. */
  wardId: string | null
  wardName: string | null
  kind: ReleaseKind
  status: ReleaseStatus
  releaseDate: string
  /** The last day to notify the deciding organ (null for kinds without the notice). */
  noticeDeadline: string | null
  organNotifiedOn: string | null
  /** Required checklist items still open (planned releases; none once released). */
  gaps: ChecklistItem[]
  revision: number
}

/** A person on a roster whose term ends within the setting's look-ahead and who has no release planned yet. */
export interface UnplannedRow {
  personId: string
  name: string
  wardId: string
  wardName: string
  lastDay: string
}

export interface StationOption {
  id: string
  name: string
  kind: 'station' | 'community' | 'other'
  region: string
  contactName: string | null
  contactPhone: string | null
}

export const HANDOVER_SECTIONS = ['assessment', 'fitness', 'training', 'certificates', 'employment', 'risk'] as const
export type HandoverSection = (typeof HANDOVER_SECTIONS)[number]

export interface HandoverSheetView {
  id: string
  personId: string
  releaseId: string | null
  sections: HandoverSection[]
  recipient: string | null
  riskNotes: string | null
  revision: number
  preparedAt: string
  preparedByName: string
  /** The privacy review of this revision (any edit clears it). */
  reviewedAt: string | null
  reviewedByName: string | null
  reviewNote: string | null
  printCount: number
  lastPrintedAt: string | null
}

/**
 * What the sheet prints: only the chosen sections (null: not chosen), the ID number masked (first 6 and last 4,
 * domain-reference §7.4), nothing of psychology or medical records.
 */
export interface HandoverContent {
  facilityName: string
  person: { name: string; sex: Sex; birthDate: string; idNumberMasked: string; householdAddress: string; admissionDate: string }
  release: { kind: ReleaseKind; status: ReleaseStatus; releaseDate: string; receiver: string | null; communityRehabMonths: number | null } | null
  assessment: Array<{ assessedOn: string; point: AssessmentPoint; overallPass: boolean | null; recommendation: Recommendation }> | null
  /** The latest live fitness test (null inside: none recorded). */
  fitness: { tests: number; latest: { date: string; grade: FitnessGrade | null; total: number | null } | null } | null
  training: Array<{ courseName: string; tradeName: string | null; level: number | null; status: EnrolmentStatus; attendanceRate: number | null; hours: number; finalResult: ExamResult | null }> | null
  certificates: Array<{ occupation: string; level: SkillLevel; number: string; evaluationBody: string; issuedOn: string }> | null
  employment: Array<{ employer: string; position: string | null; referredOn: string; agreementSignedOn: string | null }> | null
  riskNotes: string | null
}

export interface HandoverView {
  sheet: HandoverSheetView | null
  content: HandoverContent
}

export interface ContactCardView {
  card: ContactCardSettings
  facilityName: string
  personName: string
  station: StationOption | null
  receivingCommunity: string | null
  releaseDate: string | null
}

const optionalDate = optionalIsoDate.transform((v) => v ?? null)

/** The checklist fields, shared by plan and update; the kind's own fields are checked by its schema (paths `details.…`). */
const releaseFields = {
  kind: z.enum(RELEASE_KINDS, { error: 'v.required' }),
  releaseDate: isoDate,
  organNotifiedOn: optionalDate,
  certificateNo: optionalText(RELEASE_LIMITS.certificateNo),
  familyNotifiedOn: optionalDate,
  collectedBy: optionalText(RELEASE_LIMITS.name),
  communityRehab: z.boolean({ error: 'v.required' }).default(false),
  /** 责令社区康复 is at most 3 years ([L1 §48]). */
  communityRehabMonths: intRange(1, 36).nullish().transform((v) => v ?? null),
  communityRehabDocNo: optionalText(RELEASE_LIMITS.docNo),
  stationId: id.nullish().transform((v) => v ?? null),
  receivingCommunity: optionalText(RELEASE_LIMITS.community),
  fileHandedOverOn: optionalDate,
  fileHandedTo: optionalText(RELEASE_LIMITS.name),
  details: z.record(z.string(), z.unknown()).default({}),
  note: optionalText(RELEASE_LIMITS.note),
}

/** Checks `details` with the kind's own schema, reporting at `details.<key>`; outputs the parsed details. */
function withKindDetails<T extends { kind: ReleaseKind; details: Record<string, unknown> }>(value: T, ctx: z.RefinementCtx): T & { details: ReleaseDetails } {
  const parsed = RELEASE_DETAIL_SCHEMAS[value.kind].safeParse(value.details)
  if (parsed.success) return { ...value, details: parsed.data as ReleaseDetails }
  for (const issue of parsed.error.issues) {
    const message = issue.code === 'unrecognized_keys' ? 'release.detail_not_of_kind' : issue.message.includes('.') && !issue.message.includes(' ') ? issue.message : 'v.invalid'
    const path = issue.code === 'unrecognized_keys' ? ['details', ...issue.path, issue.keys[0] ?? ''] : ['details', ...issue.path]
    ctx.addIssue({ code: 'custom', message, path })
  }
  return z.NEVER
}

export const releaseInput = z.object(releaseFields).transform(withKindDetails)
export type ReleaseInput = z.output<typeof releaseInput>

const revised = { id, revision: intAtLeast(1) }
const byPerson = { person: (i: { personId: string }) => i.personId }
const writable = { closedFile: 'writable' } as const

export const releaseContract = {
  /** The person's release, checklist, whether the file is closed, and its reopenings. */
  'release:get': method<ReleaseView>()({
    input: z.object({ personId: id }),
    access: 'release.read',
    scope: byPerson,
    audit: noAudit,
    ...writable,
  }),
  /** Plans a release (one live per file; the person must be on a ward roster). */
  'release:plan': method<{ id: string }>()({
    input: z.object({ personId: id, ...releaseFields }).transform(withKindDetails),
    access: 'release.record',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'release', record: (_i, o) => o.id },
    ...writable,
  }),
  /** Edits a planned release, or corrects the checklist of a confirmed one (kind and date fixed once released). */
  'release:update': method<{ revision: number }>()({
    input: z.object({ ...revised, ...releaseFields }).transform(withKindDetails),
    access: 'release.record',
    scope: { record: 'release', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'release', record: (i) => i.id },
    ...writable,
  }),
  /** Confirms: every required item filled; the person leaves the roster and the follow-up plan is made. */
  'release:confirm': method<{ revision: number }>()({
    input: z.object(revised),
    access: 'release.record',
    scope: { record: 'release', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'release', record: (i) => i.id },
    ...writable,
  }),
  /** Voids a planned release (release.record), or a confirmed one (release.reopen: checked in the handler; the person returns to the ward left). */
  'release:void': method<null>()({
    input: z.object({ ...revised, reason }),
    access: 'release.record',
    scope: { record: 'release', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'release', record: (i) => i.id },
    ...writable,
  }),
  /** 出所管理: planned releases (with their checklist gaps and notice deadlines) or recent releases, in the caller's reach. */
  'release:list': method<Paged<ReleaseListRow> & { unplanned: UnplannedRow[] }>()({
    input: z.object({
      view: z.enum(['upcoming', 'recent'], { error: 'v.required' }),
      wardId: id.optional(),
      kind: z.enum(RELEASE_KINDS).optional(),
      /** YYYY-MM: releases dated in that month. */
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'release.month').optional(),
      ...page,
    }),
    access: 'release.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** Live guidance stations for the receiving-station select (the aftercare domain keeps them). */
  'release:stations': method<StationOption[]>()({
    input: z.object({}),
    access: 'release.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'release:reopenFile': method<{ id: string }>()({
    input: z.object({ personId: id, reason }),
    access: 'release.reopen',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: (i) => i.personId },
    ...writable,
  }),
  'release:closeFile': method<null>()({
    input: z.object({ personId: id, note: optionalText(RELEASE_LIMITS.note) }),
    access: 'release.reopen',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'person', record: (i) => i.personId },
    ...writable,
  }),
  /** The person's handover sheet (the latest live one) and its content as it would print. */
  'release:handover': method<HandoverView>()({
    input: z.object({ personId: id }),
    access: 'release.read',
    scope: byPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
    ...writable,
  }),
  /** Saves the sections, the recipient and the counsellor's risk notes; clears any earlier review. */
  'release:saveHandover': method<{ id: string; revision: number }>()({
    input: z.object({
      personId: id,
      id: id.optional(),
      revision: intAtLeast(1).optional(),
      sections: z.array(z.enum(HANDOVER_SECTIONS)).min(1, 'release.handover_no_section').max(HANDOVER_SECTIONS.length, tooMany(HANDOVER_SECTIONS.length)),
      recipient: optionalText(RELEASE_LIMITS.recipient),
      riskNotes: optionalText(RELEASE_LIMITS.riskNotes),
    }),
    access: 'aftercare.record',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'handover_sheet', record: (_i, o) => o.id },
    ...writable,
  }),
  /** The privacy review: the reviewer confirms the sheet holds only what the receiver needs. */
  'release:reviewHandover': method<{ revision: number }>()({
    input: z.object({ ...revised, note: optionalText(RELEASE_LIMITS.note) }),
    access: 'release.record',
    scope: { record: 'handoverSheet', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'handover_sheet', record: (i) => i.id },
    ...writable,
  }),
  /** Printing (audited): refused until the sheet's current revision has been reviewed. */
  'release:printHandover': method<HandoverView>()({
    input: z.object(revised),
    access: 'release.read',
    scope: { record: 'handoverSheet', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'handover_sheet', record: (i) => i.id },
    ...writable,
  }),
  /** The contact card's content for a person (printing is audited). */
  'release:contactCard': method<ContactCardView>()({
    input: z.object({ personId: id }),
    access: 'release.read',
    scope: byPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
    ...writable,
  }),
  /** version: what release:saveSettings must name (settings.stale when someone saved in between). */
  'release:settings': method<{ rules: ReleaseRules; contactCard: ContactCardSettings; version: string }>()({
    input: z.object({}),
    access: 'release.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'release:saveSettings': method<null>()({
    input: z.object({ rules: releaseRulesSchema, contactCard: contactCardSchema, version: settingVersionInput }),
    access: 'release.reopen',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'settings', record: () => 'release' },
  }),
}
