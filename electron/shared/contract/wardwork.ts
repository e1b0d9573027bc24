/**
 * The ward's own records (大队管理, issue 13): talks (谈话教育), rewards and sanctions (奖惩), family visits (亲属探访/会见),
 * outside medical visits (所外就医), measures a crisis asks of the ward (包夹 watch …), the ward's day and the ward daily
 * log (大队日志). Kinds and conduct categories (with their points) are the facility's configurable lists (setting
 * `wardwork.lists`), not national rules. Every edit names the revision it read; nothing is deleted (void with a reason).
 */
import { z } from 'zod'
import { isValidIsoDate } from '../domain/dates'
import { id, intAtLeast, intRange, isoDate, keyWithParams, optionalText, reason, text, tooLong, tooMany } from './common'
import { method, noAudit } from './define'

export const WARD_RECORD_TYPES = ['talk', 'conduct', 'visit', 'medical', 'measure'] as const
export type WardRecordType = (typeof WARD_RECORD_TYPES)[number]
export const TALK_STATUSES = ['planned', 'done', 'cancelled'] as const
export type TalkStatus = (typeof TALK_STATUSES)[number]
export const CONDUCT_KINDS = ['reward', 'sanction'] as const
export type ConductKind = (typeof CONDUCT_KINDS)[number]

/** Points of one conduct entry are bounded by its category; this is the outer bound of any category. */
export const CONDUCT_POINTS_LIMIT = 100

// ---------------------------------------------------------------------------------------------------------------
// The configurable lists
// ---------------------------------------------------------------------------------------------------------------

/** One entry of a configurable list; an entry in use is retired (active false), never removed, so old records read. */
export interface ListEntry {
  id: string
  zh: string
  en: string
  active: boolean
}
/** A conduct category with its default points and the range an entry may take (signed: sanctions ≤ 0). */
export interface ConductCategory extends ListEntry {
  kind: ConductKind
  defaultPoints: number
  minPoints: number
  maxPoints: number
}
export interface WardworkLists {
  talkKinds: ListEntry[]
  conductCategories: ConductCategory[]
  measureKinds: ListEntry[]
  visitKinds: ListEntry[]
}

const entry = (id: string, zh: string, en: string): ListEntry => ({ id, zh, en, active: true })
const category = (kind: ConductKind, id: string, zh: string, en: string, defaultPoints: number, minPoints: number, maxPoints: number): ConductCategory => ({
  ...entry(id, zh, en),
  kind,
  defaultPoints,
  minPoints,
  maxPoints,
})

/**
 * Starting lists. The conduct categories and their points are a facility's own scheme (no national points table is
 * verified): every figure here is a default the facility changes in settings.
 */
export const DEFAULT_WARDWORK_LISTS: WardworkLists = {
  talkKinds: [
    entry('admission', '入所谈话', 'Admission talk'),
    entry('routine', '日常谈话', 'Routine talk'),
    entry('holiday', '节前谈话', 'Pre-holiday talk'),
    entry('incident', '事后谈话', 'Talk after an incident'),
    entry('release', '出所前谈话', 'Pre-release talk'),
  ],
  conductCategories: [
    category('reward', 'praise', '表扬', 'Praise', 1, 1, 3),
    category('reward', 'merit', '记功', 'Merit', 3, 2, 5),
    category('reward', 'commendation', '嘉奖', 'Commendation', 5, 3, 10),
    category('sanction', 'warning', '警告', 'Warning', -1, -3, -1),
    category('sanction', 'demerit', '记过', 'Demerit', -3, -5, -2),
    category('sanction', 'serious_warning', '严重警告', 'Serious warning', -5, -10, -3),
  ],
  measureKinds: [
    entry('watch', '包夹', 'Buddy watch (包夹)'),
    entry('focus', '重点关注', 'Close attention'),
    entry('night_check', '夜间加密巡查', 'Extra night rounds'),
  ],
  visitKinds: [entry('meeting', '会见', 'In-person visit'), entry('phone', '亲情电话', 'Family phone call'), entry('video', '视频', 'Video call')],
}

const listId = z.string({ error: 'v.required' }).regex(/^[a-z][a-z0-9_]{0,39}$/, 'wardwork.list_id')
const listEntrySchema = z.object({ id: listId, zh: text(20), en: text(40), active: z.boolean() })
const pointsValue = intRange(-CONDUCT_POINTS_LIMIT, CONDUCT_POINTS_LIMIT)
const conductCategorySchema = listEntrySchema
  .extend({ kind: z.enum(CONDUCT_KINDS, { error: 'v.required' }), defaultPoints: pointsValue, minPoints: pointsValue, maxPoints: pointsValue })
  .refine((c) => c.minPoints <= c.defaultPoints && c.defaultPoints <= c.maxPoints, { message: 'wardwork.category_range', path: ['defaultPoints'] })
  .refine((c) => (c.kind === 'reward' ? c.minPoints >= 0 : c.maxPoints <= 0), { message: 'wardwork.category_sign', path: ['minPoints'] })
const uniqueIds = <T extends { id: string }>(rows: T[]) => new Set(rows.map((r) => r.id)).size === rows.length
const list = <S extends z.ZodType<{ id: string }>>(schema: S) =>
  z.array(schema).min(1, 'v.required').max(40, tooMany(40)).refine(uniqueIds, { message: 'wardwork.duplicate_id' })
export const wardworkListsSchema = z.object({
  talkKinds: list(listEntrySchema),
  conductCategories: list(conductCategorySchema),
  measureKinds: list(listEntrySchema),
  visitKinds: list(listEntrySchema),
})

// ---------------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------------

export interface WardRecordMeta {
  id: string
  personId: string
  /** The ward the person was in on the record's date. */
  wardId: string
  revision: number
  recordedAt: string
  recordedByName: string
  updatedAt: string
  updatedByName: string
  voided: { at: string; byName: string; reason: string } | null
}
export interface TalkView extends WardRecordMeta {
  kind: string
  status: TalkStatus
  plannedOn: string | null
  doneOn: string | null
  staff: string | null
  place: string | null
  summary: string | null
}
export interface ConductView extends WardRecordMeta {
  kind: ConductKind
  category: string
  /** Signed: rewards ≥ 0, sanctions ≤ 0. */
  points: number
  on: string
  reason: string
  approvedBy: string | null
}
export interface VisitView extends WardRecordMeta {
  on: string
  visitor: string
  relation: string | null
  kind: string
  minutes: number | null
  officer: string | null
  note: string | null
}
export interface MedicalView extends WardRecordMeta {
  hospital: string
  /** Local 'YYYY-MM-DDTHH:mm'. */
  outAt: string
  /** null while the person is out. */
  backAt: string | null
  reason: string
  escort: string | null
  outcome: string | null
}
export interface MeasureView extends WardRecordMeta {
  kind: string
  crisisId: string | null
  startOn: string
  endOn: string | null
  reviewOn: string | null
  staff: string | null
  reason: string
}
/** A ward list's row: the record with whose it is. */
export type WithPerson<T> = T & { personName: string }

export interface ConductLedger {
  /** Date order, voided entries included (shown struck through); `runningTotal` counts live entries only. */
  entries: Array<ConductView & { runningTotal: number }>
  total: number
  rewards: number
  sanctions: number
}
export interface PersonWardwork {
  personId: string
  talks: TalkView[]
  conduct: ConductLedger
  visits: VisitView[]
  medical: MedicalView[]
  measures: MeasureView[]
}

/** The day's figures of a ward, computed from the records and the ward history. */
export interface WardDayCounts {
  /** In the ward at the start of the day (there the day before). */
  residentsAtStart: number
  /** Arrived that day: admitted to the facility. */
  admitted: number
  /** Arrived that day from another ward. */
  transferredIn: number
  /** Left that day: released or moved to another ward. */
  left: number
  residentsAtEnd: number
  /** Outside for medical care at any time of the day. */
  inHospital: number
  medicalOut: number
  medicalBack: number
  visits: number
  talksDone: number
  talksPlanned: number
  rewards: number
  sanctions: number
  activeMeasures: number
}
export interface WardDay {
  wardId: string
  wardName: string
  date: string
  today: string
  talksPlanned: Array<WithPerson<TalkView>>
  talksDone: Array<WithPerson<TalkView>>
  conduct: Array<WithPerson<ConductView>>
  visits: Array<WithPerson<VisitView>>
  /** Out that day, back that day, or out across it. */
  medical: Array<WithPerson<MedicalView>>
  measures: Array<WithPerson<MeasureView>>
  counts: WardDayCounts
}
export interface WardRecords {
  wardId: string
  wardName: string
  from: string
  to: string
  talks: Array<WithPerson<TalkView>>
  conduct: Array<WithPerson<ConductView>>
  visits: Array<WithPerson<VisitView>>
  medical: Array<WithPerson<MedicalView>>
  measures: Array<WithPerson<MeasureView>>
}
export interface WardDailyLogView {
  id: string
  wardId: string
  date: string
  /** The counts as computed when last saved. */
  counts: WardDayCounts
  incidents: string | null
  visitsSummary: string | null
  notes: string | null
  onDuty: string | null
  revision: number
  recordedAt: string
  recordedByName: string
  updatedAt: string
  updatedByName: string
}
export interface WardDailyLogPage {
  wardId: string
  wardName: string
  date: string
  today: string
  /** Computed now from the records; the saved log keeps the counts of its last save. */
  computed: WardDayCounts
  log: WardDailyLogView | null
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------------------

/** A local date and time 'YYYY-MM-DDTHH:mm' (the facility's clock). */
export const localDateTime = z
  .string({ error: 'v.required' })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'wardwork.datetime')
  .refine((v) => isValidIsoDate(v.slice(0, 10)) && Number(v.slice(11, 13)) < 24 && Number(v.slice(14, 16)) < 60, { message: 'wardwork.datetime' })
const nullableDate = z.union([isoDate, z.null()]).optional().transform((v) => v ?? null)
const nullableDateTime = z.union([localDateTime, z.null()]).optional().transform((v) => v ?? null)

export const talkFields = {
  kind: listId,
  status: z.enum(TALK_STATUSES, { error: 'v.required' }),
  plannedOn: nullableDate,
  doneOn: nullableDate,
  staff: optionalText(60),
  place: optionalText(60),
  summary: optionalText(2000),
}
export const conductFields = {
  kind: z.enum(CONDUCT_KINDS, { error: 'v.required' }),
  category: listId,
  points: pointsValue,
  on: isoDate,
  reason: text(500),
  approvedBy: optionalText(60),
}
export const visitFields = {
  on: isoDate,
  visitor: text(40),
  relation: optionalText(20),
  kind: listId,
  minutes: z.union([intRange(1, 600, 'v.range_minutes'), z.null()]).optional().transform((v) => v ?? null),
  officer: optionalText(60),
  note: optionalText(500),
}
export const medicalFields = {
  hospital: text(80),
  outAt: localDateTime,
  backAt: nullableDateTime,
  reason: text(500),
  escort: optionalText(100),
  outcome: optionalText(1000),
}
export const measureFields = {
  kind: listId,
  crisisId: z.union([id, z.null()]).optional().transform((v) => v ?? null),
  startOn: isoDate,
  endOn: nullableDate,
  reviewOn: nullableDate,
  staff: optionalText(100),
  reason: text(500),
}
export const MAX_RECORDS_RANGE_DAYS = 92
export const dailyLogFields = {
  incidents: optionalText(4000),
  visitsSummary: optionalText(2000),
  notes: optionalText(4000),
  onDuty: optionalText(200),
}

const byPerson = { person: (i: { personId: string }) => i.personId }
const byWard = { ward: (i: { wardId: string }) => i.wardId }
const recordId = (i: { id: string }) => i.id

/** record / update (naming the revision read) / void for one record type. */
function crud<F extends z.ZodRawShape, T extends string>(fields: F, typeName: T, recordType: string) {
  const record = method<{ id: string; revision: number }>()({
    input: z.object({ personId: id, ...fields }),
    access: 'wardwork.record',
    scope: { person: (i) => (i as { personId: string }).personId },
    audit: { kind: 'write', recordType, record: (_i, o) => o.id },
  })
  const update = method<{ id: string; revision: number }>()({
    input: z.object({ personId: id, id, revision: intAtLeast(1), ...fields }),
    access: 'wardwork.record',
    scope: { person: (i) => (i as { personId: string }).personId },
    audit: { kind: 'write', recordType, record: (i) => (i as { id: string }).id },
  })
  const voidRecord = method<null>()({
    input: z.object({ personId: id, id, reason }),
    access: 'wardwork.record',
    scope: { person: (i) => (i as { personId: string }).personId },
    audit: { kind: 'write', recordType, record: (i) => (i as { id: string }).id },
  })
  return { [`wardwork:record${typeName}`]: record, [`wardwork:update${typeName}`]: update, [`wardwork:void${typeName}`]: voidRecord } as Record<
    `wardwork:record${T}`,
    typeof record
  > &
    Record<`wardwork:update${T}`, typeof update> &
    Record<`wardwork:void${T}`, typeof voidRecord>
}

export const wardworkContract = {
  /** The configurable lists and their version (a save names it). */
  'wardwork:lists': method<WardworkLists & { version: string }>()({ input: z.object({}), access: 'authenticated', scope: 'facility', audit: noAudit }),
  'wardwork:setLists': method<null>()({
    input: z.object({ lists: wardworkListsSchema, version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'wardwork.lists' },
  }),
  /** Everything the ward keeps on one person (the person-file tab 大队管理). */
  'wardwork:person': method<PersonWardwork>()({
    input: z.object({ personId: id }),
    access: 'wardwork.read',
    scope: byPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  ...crud(talkFields, 'Talk', 'ward_talk'),
  ...crud(conductFields, 'Conduct', 'conduct_entry'),
  ...crud(visitFields, 'Visit', 'family_visit'),
  ...crud(medicalFields, 'Medical', 'outside_medical_visit'),
  ...crud(measureFields, 'Measure', 'watch_measure'),
  /** The ward's records between two dates (at most MAX_RECORDS_RANGE_DAYS days), of the types asked (all when none). */
  'wardwork:wardRecords': method<WardRecords>()({
    input: z.object({
      wardId: id,
      from: isoDate,
      to: isoDate,
      types: z.array(z.enum(WARD_RECORD_TYPES)).max(WARD_RECORD_TYPES.length, tooMany(WARD_RECORD_TYPES.length)).optional(),
    }),
    access: 'wardwork.read',
    scope: byWard,
    audit: { kind: 'read', recordType: 'ward', record: (i) => i.wardId },
  }),
  /** The ward's day: talks planned and held, conduct entries, visits, medical visits out and back, active measures, counts. */
  'wardwork:wardDay': method<WardDay>()({
    input: z.object({ wardId: id, date: isoDate }),
    access: 'wardwork.read',
    scope: byWard,
    audit: { kind: 'read', recordType: 'ward', record: (i) => i.wardId },
  }),
  /** The ward daily log of a date (null when none saved) with the day's counts computed now. */
  'wardwork:log': method<WardDailyLogPage>()({
    input: z.object({ wardId: id, date: isoDate }),
    access: 'wardwork.read',
    scope: byWard,
    audit: noAudit,
  }),
  /** Saves the day's log (a future date is refused); an update names the revision read. The counts are stored as computed. */
  'wardwork:saveLog': method<{ id: string; revision: number }>()({
    input: z.object({ wardId: id, date: isoDate, revision: intAtLeast(1).optional(), ...dailyLogFields }),
    access: 'wardwork.record',
    scope: byWard,
    audit: { kind: 'write', recordType: 'ward_daily_log', record: (_i, o) => o.id },
  }),
  'wardwork:voidLog': method<null>()({
    input: z.object({ wardId: id, id, reason }),
    access: 'wardwork.record',
    scope: byWard,
    audit: { kind: 'write', recordType: 'ward_daily_log', record: recordId },
  }),
}

/** The message a points value outside its category's range gets (the limit stated). */
export const pointsOutsideCategory = (min: number, max: number) => keyWithParams('wardwork.points_range', { min, max })
