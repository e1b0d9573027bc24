/**
 * Reading an import sheet into rows of cell strings. Pure: no DOM and no `@shared` import (the column list comes from
 * the caller), so the unit tests run this very code in Node on a real .xlsx. exceljs is passed in because the page loads
 * it lazily (its own chunk, fetched only when someone imports).
 */
import type ExcelJS from 'exceljs'

export type ExcelModule = typeof ExcelJS

/** The column list the sheet is read against (IMPORT_COLUMNS from the contract). */
export interface SheetColumn<K extends string> {
  key: K
  header: string
  required: boolean
}

export interface ParsedRow<K extends string> {
  /** The row number in the sheet (row 1 is the header), as the user sees it in Excel. */
  row: number
  cells: Partial<Record<K, string>>
}

export type SheetProblem =
  | { kind: 'no_sheet' }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'missing_columns'; headers: string[] }

export type ParsedSheet<K extends string> =
  | { ok: true; rows: Array<ParsedRow<K>>; ignoredHeaders: string[] }
  | { ok: false; problem: SheetProblem }

/** exceljs is CommonJS in Node and a UMD bundle in the browser; both end up as the default export or the module. */
export async function loadExcel(): Promise<ExcelModule> {
  const module = (await import('exceljs')) as unknown as { default?: ExcelModule } & ExcelModule
  return module.default ?? module
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A cell as text. Real Excel dates become YYYY-MM-DD (exceljs gives them as UTC midnight); rich text, hyperlinks and
 * formulas give what the cell shows. Numbers keep every digit they still have (an ID number typed as a number has lost
 * its last digits in Excel already: the ID rule then refuses it, which is why the template formats that column as text).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  if (typeof value === 'string' || typeof value === 'boolean') return String(value).trim()
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('').trim()
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
    if ('text' in value && typeof value.text === 'string') return value.text.trim()
    if ('error' in value) return ''
  }
  return String(value as unknown).trim()
}

/** A heading as typed: trimmed, a trailing * or （必填）/(必填) mark dropped, so a decorated header still matches. */
const cleanHeader = (raw: string) => raw.replace(/\s+/g, '').replace(/[*＊]$/, '').replace(/[（(]必填[)）]$/, '').replace(/[*＊]$/, '')

/** Maps the header row to column keys by the Chinese heading (or the key itself, for files made by other tools). */
export function mapHeaders<K extends string>(headers: string[], columns: ReadonlyArray<SheetColumn<K>>) {
  const byHeader = new Map<string, K>()
  for (const c of columns) {
    byHeader.set(c.header, c.key)
    byHeader.set(c.key.toLowerCase(), c.key)
  }
  const keyAt = new Map<number, K>()
  const ignored: string[] = []
  headers.forEach((raw, index) => {
    const cleaned = cleanHeader(raw)
    if (!cleaned) return
    const key = byHeader.get(cleaned) ?? byHeader.get(cleaned.toLowerCase())
    if (key && ![...keyAt.values()].includes(key)) keyAt.set(index, key)
    else ignored.push(raw)
  })
  const found = new Set(keyAt.values())
  const missing = columns.filter((c) => c.required && !found.has(c.key)).map((c) => c.header)
  return { keyAt, ignored, missing }
}

/** The first worksheet of an .xlsx: row 1 the headings, every later non-empty row one person. */
export async function parseSheet<K extends string>(excel: ExcelModule, bytes: Uint8Array, columns: ReadonlyArray<SheetColumn<K>>): Promise<ParsedSheet<K>> {
  const workbook = new excel.Workbook()
  try {
    // A copy: exceljs wants a whole ArrayBuffer, and the picked file's view may share a larger one.
    await workbook.xlsx.load(bytes.slice().buffer)
  } catch (error) {
    return { ok: false, problem: { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) } }
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return { ok: false, problem: { kind: 'no_sheet' } }
  const headerValues = sheet.getRow(1).values as ExcelJS.CellValue[]
  // Row.values is 1-based (index 0 is empty); cells are read by column number below.
  const headers = Array.from({ length: Math.max(0, headerValues.length - 1) }, (_, i) => cellText(headerValues[i + 1]))
  const { keyAt, ignored, missing } = mapHeaders(headers, columns)
  if (missing.length > 0) return { ok: false, problem: { kind: 'missing_columns', headers: missing } }

  const rows: Array<ParsedRow<K>> = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return
    const cells: Partial<Record<K, string>> = {}
    let any = false
    for (const [index, key] of keyAt) {
      const text = cellText(row.getCell(index + 1).value)
      if (text !== '') {
        cells[key] = text
        any = true
      }
    }
    if (any) rows.push({ row: rowNumber, cells })
  })
  return { ok: true, rows, ignoredHeaders: ignored }
}
