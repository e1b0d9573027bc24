/**
 * The certificate roster as an .xlsx (exceljs passed in: the page loads it lazily), and the import template. The export
 * has the screen's columns and its ID masking exactly (the rows come from the same roster call), a title row naming the
 * filter, a header row frozen, and the totals below. The file format is Chinese whatever the interface language.
 */
import type ExcelJS from 'exceljs'
import type { ExcelModule } from '../../people/import/parseSheet'

export interface RosterSheet {
  title: string
  subtitle: string
  headers: string[]
  widths: number[]
  rows: string[][]
  totals: string[]
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FA' } } as const
const THIN = { style: 'thin', color: { argb: 'FF999999' } } as const
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

export async function buildRosterWorkbook(excel: ExcelModule, sheet: RosterSheet): Promise<Uint8Array> {
  const workbook = new excel.Workbook()
  const ws = workbook.addWorksheet('证书花名册', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' } })
  const last = sheet.headers.length
  ws.mergeCells(1, 1, 1, last)
  ws.getCell(1, 1).value = sheet.title
  ws.getCell(1, 1).font = { bold: true, size: 16 }
  ws.getCell(1, 1).alignment = { horizontal: 'center' }
  ws.mergeCells(2, 1, 2, last)
  ws.getCell(2, 1).value = sheet.subtitle
  ws.getCell(2, 1).alignment = { horizontal: 'center' }
  const header = ws.getRow(3)
  sheet.headers.forEach((h, i) => {
    const cell = header.getCell(i + 1)
    cell.value = h
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.border = BORDER
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  })
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w))
  ws.views = [{ state: 'frozen', ySplit: 3 }]
  // Every cell as text: ID and certificate numbers must never become numbers (Excel would drop their last digits).
  sheet.rows.forEach((values, r) => {
    const row = ws.getRow(4 + r)
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1)
      cell.value = v
      cell.border = BORDER
      cell.numFmt = '@'
    })
  })
  const totalsRow = ws.getRow(4 + sheet.rows.length + 1)
  sheet.totals.forEach((v, i) => (totalsRow.getCell(i + 1).value = v))
  totalsRow.font = { bold: true }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** The import template: the headings (required ones marked *), the columns as text, one example row to replace. */
export async function buildImportTemplate(excel: ExcelModule, columns: ReadonlyArray<{ header: string; required: boolean }>, example: readonly string[]): Promise<Uint8Array> {
  const workbook = new excel.Workbook()
  const ws = workbook.addWorksheet('证书导入')
  const header = ws.getRow(1)
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.value = c.required ? `${c.header}*` : c.header
    cell.font = { bold: true }
    cell.fill = HEADER_FILL as ExcelJS.Fill
    ws.getColumn(i + 1).width = Math.max(12, c.header.length * 2 + 6)
    ws.getColumn(i + 1).numFmt = '@'
  })
  example.forEach((v, i) => (ws.getRow(2).getCell(i + 1).value = v))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
