import type { TFunction } from 'i18next'
import type { WardRoster } from '@shared/contract'
import { host } from '../../../api/host'
import { ROSTER_COLUMNS, rosterFileName, rosterLines } from './rosterRows'

/** Rows above the column heads: facility, title, printed date and count. */
const TITLE_ROWS = 3

/**
 * The ward roster as an .xlsx workbook: the facility, ward and date on top, frozen column heads, every live person of
 * the ward. exceljs is loaded only here, on the first export, so the roster page does not carry it.
 */
export async function rosterWorkbook(roster: WardRoster, t: TFunction): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.created = new Date()
  const sheet = workbook.addWorksheet(t('rosterPrint.sheet'), {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${TITLE_ROWS + 1}:${TITLE_ROWS + 1}` },
  })
  const columns = [...ROSTER_COLUMNS.slice(0, -1), { key: 'warning', width: 14 } as const, ROSTER_COLUMNS[ROSTER_COLUMNS.length - 1]!]
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }))
  const last = columns.length

  const title = (row: number, text: string, bold: boolean, size: number) => {
    sheet.mergeCells(row, 1, row, last)
    const cell = sheet.getCell(row, 1)
    cell.value = text
    cell.font = { bold, size }
    cell.alignment = { horizontal: 'center' }
  }
  title(1, roster.facilityName, true, 14)
  title(2, t('rosterPrint.title', { ward: roster.wardName }), true, 13)
  title(3, `${t('rosterPrint.printedOn', { date: roster.today })}    ${t('rosterPrint.count', { count: roster.rows.length })}`, false, 10)

  const head = sheet.getRow(TITLE_ROWS + 1)
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1)
    cell.value = c.key === 'warning' ? t('rosterPrint.warning') : t(`rosterPrint.col.${c.key}`)
    cell.font = { bold: true }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F5' } }
    cell.border = { bottom: { style: 'thin' } }
  })

  for (const line of rosterLines(roster, t)) {
    // Dates and ID numbers as text: Excel must not turn 2026-11-23 into a serial number or an ID into 1.1E+17.
    const row = sheet.addRow({ ...line, daysLeft: line.daysLeft ?? '—', remark: '' })
    for (const key of ['idNumber', 'admissionDate', 'lastDay'] as const) row.getCell(key).numFmt = '@'
    if (line.warningKind) row.getCell('warning').font = { color: { argb: line.warningKind === 'expired' ? 'FFC92A2A' : 'FFE8590C' }, bold: true }
  }
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** Builds the workbook and saves it (a save dialog in Electron, a download in browser mode); false when cancelled. */
export async function exportRoster(roster: WardRoster, t: TFunction): Promise<boolean> {
  const data = await rosterWorkbook(roster, t)
  return host.saveFile({ title: t('rosterPrint.export'), defaultName: rosterFileName(roster, t, 'xlsx'), filters: [{ name: 'Excel', extensions: ['xlsx'] }], data })
}
