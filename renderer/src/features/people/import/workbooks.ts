/**
 * The .xlsx files the import page writes: the template (headings, one example row, a "说明" sheet listing every column)
 * and the import report (each row's outcome). Built with exceljs, which the page loads lazily.
 */
import { ETHNICITIES } from '@shared/domain/person'
import { PERIOD_LABELS_ZH, PERIODS } from '@shared/domain/periods'
import { IMPORT_COLUMNS, IMPORT_DATE_COLUMNS, MAX_IMPORT_ROWS, TEMPLATE_EXAMPLE_ID_NUMBER, type ImportColumnKey, type ImportReport, type ImportRowResult } from '@shared/contract'
import type { ExcelModule } from './parseSheet'

/** The first data sheet's name; the parser reads whichever sheet comes first. */
const DATA_SHEET = '人员信息'
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FA' } } as const

/** How each column is filled in, for the "说明" sheet (the file format is Chinese, whatever the interface language). */
function columnRules(wardNames: readonly string[]): Record<ImportColumnKey, { format: string; values: string }> {
  const date = { format: '日期 YYYY-MM-DD（也可用 Excel 日期格式）', values: '' }
  return {
    name: { format: '文字，最多 30 字', values: '与身份证一致的姓名' },
    sex: { format: '文字', values: '男 / 女（须与身份证号一致）' },
    ethnicity: { format: '文字，民族全称', values: `如 ${ETHNICITIES.slice(0, 4).join('、')}……（56 个民族及“其他”“外国血统中国籍人士”）` },
    birthDate: { ...date, values: '须与身份证号中的出生日期一致' },
    idNumber: { format: '18 位公民身份号码，末位可为 X（本列已设为文本格式，请勿改为数字）', values: '同一身份证号只能有一份在册档案' },
    householdAddress: { format: '文字，最多 120 字', values: '' },
    decisionOrgan: { format: '文字，最多 60 字', values: '如 ××市公安局××分局' },
    decisionDocNo: { format: '文字，最多 60 字', values: '强制隔离戒毒决定书文号' },
    decisionDate: { ...date, values: '不得晚于今天，不得早于出生日期' },
    admissionDate: { ...date, values: '不得早于决定日期，不得晚于今天' },
    ward: { format: '文字', values: wardNames.length > 0 ? `本所在用大队：${wardNames.join('、')}` : '本所尚未设置在用大队' },
    period: { format: '文字，留空为生理脱毒期', values: PERIODS.map((p) => PERIOD_LABELS_ZH[p]).join(' / ') },
    periodStart: { ...date, values: '留空为入所日期；不得早于入所日期，不得晚于今天' },
    emergencyContactName: { format: '文字，最多 30 字', values: '' },
    emergencyContactRelation: { format: '文字，最多 20 字', values: '如 父亲、配偶' },
    emergencyContactPhone: { format: '数字、+、-、括号，最多 30 位', values: '' },
  }
}

const EXAMPLE: Record<ImportColumnKey, string> = {
  name: '张三',
  sex: '男',
  ethnicity: '汉族',
  birthDate: '1990-01-01',
  idNumber: TEMPLATE_EXAMPLE_ID_NUMBER,
  householdAddress: '北京市东城区人民路1号',
  decisionOrgan: '北京市公安局东城分局',
  decisionDocNo: '东公（禁）决字〔2026〕101号',
  decisionDate: '2026-03-01',
  admissionDate: '2026-03-05',
  ward: '',
  period: PERIOD_LABELS_ZH.detox,
  periodStart: '',
  emergencyContactName: '张父',
  emergencyContactRelation: '父亲',
  emergencyContactPhone: '13800000000',
}

const columnLetter = (index: number) => String.fromCharCode('A'.charCodeAt(0) + index)

/** The template: headings, one example row (to delete), text format on the ID column, drop-down lists, the "说明" sheet. */
export async function buildTemplate(excel: ExcelModule, wardNames: readonly string[]): Promise<Uint8Array> {
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.key === 'householdAddress' || c.key === 'decisionDocNo' || c.key === 'decisionOrgan' ? 28 : c.key === 'idNumber' ? 22 : 14,
    // Text, so an 18-digit ID number keeps every digit (Excel keeps only 15 of a number) and dates stay as typed.
    style: c.key === 'idNumber' || IMPORT_DATE_COLUMNS.includes(c.key) ? { numFmt: '@' } : {},
  }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.fill = HEADER_FILL
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC92A2A' } }
  })
  sheet.addRow({ ...EXAMPLE, ward: wardNames[0] ?? '' }).font = { italic: true, color: { argb: 'FF868E96' } }

  const lists: Partial<Record<ImportColumnKey, string[]>> = {
    sex: ['男', '女'],
    period: PERIODS.map((p) => PERIOD_LABELS_ZH[p]),
    ward: [...wardNames],
  }
  for (const [key, values] of Object.entries(lists) as Array<[ImportColumnKey, string[]]>) {
    if (values.length === 0) continue
    const letter = columnLetter(IMPORT_COLUMNS.findIndex((c) => c.key === key))
    for (let row = 2; row <= MAX_IMPORT_ROWS + 1; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] }
    }
  }

  const notes = workbook.addWorksheet('说明')
  notes.columns = [
    { header: '列名', width: 16 },
    { header: '是否必填', width: 10 },
    { header: '格式', width: 48 },
    { header: '可填的值 / 要求', width: 60 },
  ]
  notes.getRow(1).font = { bold: true }
  const rules = columnRules(wardNames)
  for (const c of IMPORT_COLUMNS) notes.addRow([c.header, c.required ? '必填' : '选填', rules[c.key].format, rules[c.key].values])
  notes.addRow([])
  for (const line of [
    `第 1 行为表头，请勿修改；从第 2 行起每行一人，一次最多 ${MAX_IMPORT_ROWS} 行。`,
    '第 2 行是示例（灰色斜体），导入前请删除或改写为真实人员。',
    '导入前会逐行核对：身份证号校验位、与出生日期和性别是否一致、是否与文件内其他行或已有档案重复、大队是否存在且有空余容量、各日期先后是否合理。',
    '预览中标红的行不会导入；全部行无误（或已排除有误的行）并经确认后才会写入。',
  ]) notes.addRow([line])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export interface ReportTexts {
  headers: { row: string; name: string; idNumber: string; ward: string; outcome: string; note: string }
  imported: string
  skipped: string
  /** Translates a row's error message key (`key|{json}`). */
  problem: (raw: string) => string
}

/** The import report: every row of the file with its outcome (imported, or skipped with the reason it was excluded). */
export async function buildReport(excel: ExcelModule, report: ImportReport, rows: readonly ImportRowResult[], texts: ReportTexts): Promise<Uint8Array> {
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('导入结果')
  const h = texts.headers
  sheet.columns = [
    { header: h.row, width: 8 },
    { header: h.name, width: 14 },
    { header: h.idNumber, width: 22 },
    { header: h.ward, width: 12 },
    { header: h.outcome, width: 16 },
    { header: h.note, width: 60 },
  ]
  sheet.getRow(1).font = { bold: true }
  const importedRows = new Set(report.imported.map((r) => r.row))
  for (const r of rows) {
    const note = Object.values(r.errors).map((e) => texts.problem(e ?? '')).join('；')
    sheet.addRow([r.row, r.values.name ?? '', r.values.idNumber ?? '', r.values.ward ?? '', importedRows.has(r.row) ? texts.imported : texts.skipped, note])
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
