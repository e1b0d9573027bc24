import { z } from 'zod'
import { intAtLeast, keyWithParams, text, tooLong, tooMany } from './common'
import { method, noAudit } from './define'

/**
 * Onboarding a facility: person files imported from an Excel sheet. The renderer parses the .xlsx (exceljs stays out of
 * the core: handlers are synchronous) and sends the cells as strings keyed by column; the core validates every row with
 * the same rules as people:create (preview writes nothing) and imports all of them in one transaction (commit).
 */

/**
 * The ID number of the template's example row (a valid number on a fictitious person). A row carrying it is refused,
 * so an example row the administrator forgot to delete never becomes a real file.
 */
export const TEMPLATE_EXAMPLE_ID_NUMBER = '110101199001011237'

/** The sheet's columns, in template order. `header` is the template's Chinese heading (the file format, not UI text). */
export const IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true },
  { key: 'sex', header: '性别', required: true },
  { key: 'ethnicity', header: '民族', required: true },
  { key: 'birthDate', header: '出生日期', required: true },
  { key: 'idNumber', header: '身份证号', required: true },
  { key: 'householdAddress', header: '户籍地址', required: true },
  { key: 'decisionOrgan', header: '决定机关', required: true },
  { key: 'decisionDocNo', header: '决定书文号', required: true },
  { key: 'decisionDate', header: '决定日期', required: true },
  { key: 'admissionDate', header: '入所日期', required: true },
  { key: 'ward', header: '大队', required: true },
  { key: 'period', header: '分期', required: false },
  { key: 'periodStart', header: '本期开始日期', required: false },
  { key: 'emergencyContactName', header: '紧急联系人', required: false },
  { key: 'emergencyContactRelation', header: '与本人关系', required: false },
  { key: 'emergencyContactPhone', header: '联系电话', required: false },
] as const

export type ImportColumnKey = (typeof IMPORT_COLUMNS)[number]['key']
export const IMPORT_COLUMN_KEYS = IMPORT_COLUMNS.map((c) => c.key) as [ImportColumnKey, ...ImportColumnKey[]]

/** The columns holding calendar dates (the template accepts YYYY-MM-DD text or real Excel dates). */
export const IMPORT_DATE_COLUMNS: readonly ImportColumnKey[] = ['birthDate', 'decisionDate', 'admissionDate', 'periodStart']

/**
 * Rows per call. 1,000 realistic rows measure 0.55 MB of JSON, 2,000 about 1.1 MB (up to ~2 MB with every field at its
 * longest): the browser bridge lets these two methods alone send up to 4 MiB, so an import is one preview call and one
 * commit call, and the commit is one transaction (all or nothing) rather than batches that could half-succeed.
 */
export const MAX_IMPORT_ROWS = 2000
/** A cell longer than this cannot be any valid value; the row-level rules give the precise limit of each field. */
export const MAX_IMPORT_CELL = 500

const cells = z.partialRecord(z.enum(IMPORT_COLUMN_KEYS), z.string().max(MAX_IMPORT_CELL, tooLong(MAX_IMPORT_CELL)))
const importRow = z.object({ row: intAtLeast(1), cells })
export type ImportRowInput = z.input<typeof importRow>

const importInput = {
  fileName: text(200),
  rows: z.array(importRow).min(1, 'import.empty_file').max(MAX_IMPORT_ROWS, keyWithParams('import.too_many_rows', { max: MAX_IMPORT_ROWS })),
  /** Sheet row numbers the administrator chose to leave out (they are reported as skipped, never imported). */
  exclude: z.array(intAtLeast(1)).max(MAX_IMPORT_ROWS, tooMany(MAX_IMPORT_ROWS)).default([]),
}

/** One row as the core understood it. `errors` maps a column to its message key (`key|{json params}`, as field errors). */
export interface ImportRowResult {
  row: number
  status: 'valid' | 'invalid' | 'excluded'
  /** The cells after normalising (trimmed, dates as YYYY-MM-DD, ID number upper-cased), for the preview table. */
  values: Partial<Record<ImportColumnKey, string>>
  errors: Partial<Record<ImportColumnKey, string>>
}

export interface ImportWardLoad {
  wardName: string
  capacity: number
  occupancy: number
  incoming: number
}

export interface ImportPreview {
  rows: ImportRowResult[]
  counts: { total: number; valid: number; invalid: number; excluded: number }
  wards: ImportWardLoad[]
}

export interface ImportReport {
  fileName: string
  imported: Array<{ row: number; id: string; name: string }>
  excluded: number[]
}

export const peopleImportContract = {
  // Administrator only (facility.manage): creating hundreds of files at once is part of setting up the facility, and the
  // issue asks that the administrator confirms. Ward officers keep people:create for single files.
  'people:importPreview': method<ImportPreview>()({
    input: z.object(importInput),
    access: 'facility.manage',
    scope: 'facility',
    audit: noAudit,
  }),
  'people:importCommit': method<ImportReport>()({
    input: z.object(importInput),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'import', record: () => null },
  }),
}
