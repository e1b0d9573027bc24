/**
 * Certificates (职业技能等级证书 and older kinds, domain reference §6.3/§6.4) and academic outcomes (中专, 学历教育), issue
 * 12: issued in a batch from a course, typed in one at a time, imported from another body's workbook; edited and voided
 * with a revision; the certificate roster (证书花名册, §6.6) with its privacy option for a public notice (公示, §7.4).
 */
import { z } from 'zod'
import { ACADEMIC_STATUSES, ID_TYPES, type AcademicStatus, type CertificateSource, type IdType } from '../domain/vocational'
import type { CertificateFormat, SkillLevel } from '../domain/certificates'
import { id, intAtLeast, intRange, isoDate, keyWithParams, optionalText, reason, text, tooLong, tooMany } from './common'
import { method, noAudit } from './define'

/** Longest evaluation-body name (评价机构名称, the registered name including its branch). */
export const MAX_EVALUATION_BODY = 60
/** Certificates in one batch issued from a course. */
export const MAX_BATCH_ROWS = 500
/** Rows of one certificate import (one check call, one all-or-nothing write). */
export const MAX_CERT_IMPORT_ROWS = 2000
/** Roster rows per call (a printed roster asks for all of them in pages of this size). */
export const MAX_ROSTER_LIMIT = 1000

const number = z.string({ error: 'v.required' }).trim().min(1, 'cert.empty').max(30, tooLong(30))
const level = intRange(1, 5)
const idType = z.enum(ID_TYPES, { error: 'v.required' })
const evaluationBody = text(MAX_EVALUATION_BODY)
const direction = optionalText(40)

/** One certificate as the person's file and the edit form show it. */
export interface CertificateRow {
  id: string
  personId: string
  courseId: string | null
  courseName: string | null
  source: CertificateSource
  number: string
  format: CertificateFormat
  evaluationBody: string
  issuedOn: string
  name: string
  idType: IdType
  /** Full for callers who see full ID numbers (people.write), masked otherwise. */
  idNumber: string
  occupation: string
  occupationCode: string | null
  /** Null: no trade (printed "--"). */
  direction: string | null
  level: SkillLevel
  note: string | null
  revision: number
  recordedAt: string
  recordedBy: string
  voided: { at: string; by: string; reason: string } | null
}

export interface AcademicRow {
  id: string
  personId: string
  school: string
  programme: string
  educationLevel: string
  enrolledOn: string
  status: AcademicStatus
  endedOn: string | null
  diplomaNumber: string | null
  note: string | null
  revision: number
  recordedAt: string
  recordedBy: string
  voided: { at: string; by: string; reason: string } | null
}

export const ROSTER_PRIVACY = ['internal', 'public'] as const
export type RosterPrivacy = (typeof ROSTER_PRIVACY)[number]

/**
 * One roster line (§6.6). In 'public' (公示) mode the fields a public notice must not show are null: ward, course place
 * and the scores (see PUBLIC_WITHHELD); the ID number is always masked there.
 */
export interface RosterRow {
  seq: number
  certificateId: string
  personId: string
  name: string
  sex: 'M' | 'F' | null
  /** Age in whole years on the issue date (from the person's file). */
  ageAtIssue: number | null
  idType: IdType
  idNumberShown: string
  occupation: string
  /** 工种/职业方向 as printed: "--" when none. */
  direction: string
  level: SkillLevel
  levelWording: string
  number: string
  issuedOn: string
  evaluationBody: string
  courseName: string | null
  courseStart: string | null
  courseEnd: string | null
  /** Internal only. */
  ward: string | null
  coursePlace: string | null
  theory: number | null
  practical: number | null
}

/** What a public notice leaves out (documented on the roster screen). */
export const PUBLIC_WITHHELD = ['ward', 'coursePlace', 'theory', 'practical', 'facilityName', 'fullIdNumber'] as const

export interface Roster {
  rows: RosterRow[]
  total: number
  totals: { people: number; certificates: number; byLevel: Record<SkillLevel, number> }
  /** Whether idNumberShown is the full number (internal mode and a caller who sees full ID numbers). */
  fullIdNumbers: boolean
}

export interface RosterOptions {
  evaluationBodies: string[]
  occupations: string[]
  years: number[]
  courses: Array<{ id: string; name: string; startDate: string }>
}

/** The columns of the import workbook, in template order; `header` is the Chinese heading (the file format). */
export const CERT_IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'idType', header: '证件类型', required: true },
  { key: 'idNumber', header: '证件号码', required: true },
  { key: 'occupation', header: '职业名称', required: true },
  { key: 'occupationCode', header: '职业编码', required: false },
  { key: 'direction', header: '工种/职业方向', required: false },
  { key: 'level', header: '职业技能等级', required: true },
  { key: 'number', header: '证书编号', required: true },
  { key: 'issuedOn', header: '发证日期', required: true },
  { key: 'evaluationBody', header: '评价机构', required: true },
  { key: 'note', header: '备注', required: false },
] as const
export type CertImportColumn = (typeof CERT_IMPORT_COLUMNS)[number]['key']
export const CERT_IMPORT_COLUMN_KEYS = CERT_IMPORT_COLUMNS.map((c) => c.key) as [CertImportColumn, ...CertImportColumn[]]

/** 证件类型 as the workbook writes it (the template's wording) → code. */
export const ID_TYPE_WORDING: Readonly<Record<IdType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  other: '其他',
}

const importRow = z.object({
  row: intAtLeast(1),
  cells: z.partialRecord(z.enum(CERT_IMPORT_COLUMN_KEYS), z.string().max(200, tooLong(200))),
})
export type CertImportRowInput = z.input<typeof importRow>
const importInput = z.object({
  fileName: z.string().trim().max(200, tooLong(200)).default(''),
  rows: z
    .array(importRow)
    .min(1, 'import.empty_file')
    .max(MAX_CERT_IMPORT_ROWS, keyWithParams('import.too_many_rows', { max: MAX_CERT_IMPORT_ROWS })),
})

export interface CertImportProblem {
  column: CertImportColumn
  /** Message key (certificateMessages or v.*) and its parameters. */
  code: string
  params?: Record<string, string | number>
}
export interface CertImportRowResult {
  row: number
  personId: string | null
  problems: CertImportProblem[]
}
export interface CertImportCheck {
  rows: CertImportRowResult[]
  counts: { total: number; clean: number; withProblems: number }
}

const batchRow = z.object({ personId: id, number, direction })

const manualFields = {
  personId: id,
  number,
  evaluationBody,
  issuedOn: isoDate,
  occupation: text(40),
  occupationCode: optionalText(20),
  direction,
  level,
  idType,
  idNumber: text(30),
  name: text(30),
  note: optionalText(300),
}

const academicFields = {
  personId: id,
  school: text(60),
  programme: text(60),
  educationLevel: text(20).default('中专'),
  enrolledOn: isoDate,
  status: z.enum(ACADEMIC_STATUSES, { error: 'v.required' }),
  endedOn: z.union([isoDate, z.null()]).default(null),
  diplomaNumber: optionalText(40),
  note: optionalText(300),
}
const academicInput = z
  .object(academicFields)
  .refine((a) => (a.status === 'studying') === (a.endedOn === null), { path: ['endedOn'], message: 'academic.ended_on_status' })
  .refine((a) => a.endedOn === null || a.endedOn >= a.enrolledOn, { path: ['endedOn'], message: 'academic.ended_before_enrolled' })
const academicUpdate = z
  .object({ id, revision: intAtLeast(1), ...academicFields })
  .refine((a) => (a.status === 'studying') === (a.endedOn === null), { path: ['endedOn'], message: 'academic.ended_on_status' })
  .refine((a) => a.endedOn === null || a.endedOn >= a.enrolledOn, { path: ['endedOn'], message: 'academic.ended_before_enrolled' })

const rosterFilter = {
  courseId: id.optional(),
  occupation: z.string().trim().max(40, tooLong(40)).optional(),
  level: level.optional(),
  issuedFrom: isoDate.optional(),
  issuedTo: isoDate.optional(),
  evaluationBody: z.string().trim().max(MAX_EVALUATION_BODY, tooLong(MAX_EVALUATION_BODY)).optional(),
}
export type RosterFilter = { courseId?: string; occupation?: string; level?: number; issuedFrom?: string; issuedTo?: string; evaluationBody?: string }

const ofPerson = { person: (i: { personId: string }) => i.personId }
/**
 * The people a batch names. Scopes run on the raw input (before validation): rows that are not a list, or a row without
 * an id, name nobody here (validation then refuses the call); a bare id string is taken as named.
 */
function personIdsOf(rows: unknown): string | string[] {
  if (typeof rows === 'string') return rows
  if (!Array.isArray(rows)) return []
  return rows.flatMap((r: unknown) => (typeof r === 'object' && r !== null && 'personId' in r && typeof r.personId === 'string' ? [r.personId] : []))
}

export const certificatesContract = {
  /** Certificates for the eligible passers of a course, all or nothing (field errors at rows.<i>.number / personId). */
  'certificates:issueBatch': method<{ issued: number; ids: string[] }>()({
    input: z.object({
      courseId: id,
      issuedOn: isoDate,
      evaluationBody,
      rows: z.array(batchRow).min(1, 'v.required').max(MAX_BATCH_ROWS, tooMany(MAX_BATCH_ROWS)),
    }),
    access: 'vocational.record',
    scope: { person: (i) => personIdsOf(i.rows) },
    audit: { kind: 'write', recordType: 'course', record: (i) => i.courseId },
  }),
  /** A certificate held from elsewhere, typed in (source 'manual'). */
  'certificates:create': method<{ id: string }>()({
    input: z.object(manualFields),
    access: 'vocational.record',
    scope: ofPerson,
    audit: { kind: 'write', recordType: 'certificate', record: (_i, o) => o.id },
  }),
  'certificates:update': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), ...manualFields }),
    access: 'vocational.record',
    scope: { record: 'certificate', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'certificate', record: (i) => i.id },
  }),
  'certificates:void': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'vocational.record',
    scope: { record: 'certificate', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'certificate', record: (i) => i.id },
  }),
  /** The person's certificates, newest first, voided ones included and marked. */
  'certificates:person': method<CertificateRow[]>()({
    input: z.object({ personId: id }),
    access: 'vocational.read',
    scope: ofPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'certificates:roster': method<Roster>()({
    input: z
      .object({
        ...rosterFilter,
        privacy: z.enum(ROSTER_PRIVACY).default('internal'),
        offset: intAtLeast(0).default(0),
        limit: intRange(1, MAX_ROSTER_LIMIT).default(100),
      })
      .refine((i) => !i.issuedFrom || !i.issuedTo || i.issuedFrom <= i.issuedTo, { path: ['issuedTo'], message: 'cert.range_order' }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: { kind: 'read', recordType: 'certificate_roster', record: () => null },
  }),
  'certificates:rosterOptions': method<RosterOptions>()({
    input: z.object({}),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** Checks an import workbook's rows; writes nothing. */
  'certificates:importCheck': method<CertImportCheck>()({
    input: importInput,
    access: 'vocational.record',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** Re-checks and writes every row (source 'import', one batch id), or nothing when any row has a problem. */
  'certificates:import': method<{ imported: number; batch: string; ids: string[] }>()({
    input: importInput,
    access: 'vocational.record',
    scope: 'filtered',
    audit: { kind: 'write', recordType: 'certificate_import', record: (_i, o) => o.batch },
  }),
  'academic:person': method<AcademicRow[]>()({
    input: z.object({ personId: id }),
    access: 'vocational.read',
    scope: ofPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'academic:create': method<{ id: string }>()({
    input: academicInput,
    access: 'vocational.record',
    scope: ofPerson,
    audit: { kind: 'write', recordType: 'academic_record', record: (_i, o) => o.id },
  }),
  'academic:update': method<{ revision: number }>()({
    input: academicUpdate,
    access: 'vocational.record',
    scope: ofPerson,
    audit: { kind: 'write', recordType: 'academic_record', record: (i) => i.id },
  }),
  'academic:void': method<null>()({
    input: z.object({ personId: id, id, revision: intAtLeast(1), reason }),
    access: 'vocational.record',
    scope: ofPerson,
    audit: { kind: 'write', recordType: 'academic_record', record: (i) => i.id },
  }),
}
