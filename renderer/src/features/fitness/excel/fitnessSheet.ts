/**
 * The .xlsx files of a test day: the template (one row per person of the ward, the measures that apply; a hidden,
 * locked person-key column), the export of a day's results, and reading a filled-in sheet back (the template, or a
 * sheet typed by hand or exported by test equipment: people found by the key, or by name + the last four ID characters).
 * The file format is Chinese whatever the interface language, like the people import. exceljs is passed in (loaded
 * lazily by the page).
 */
import type { ExcelModule, SheetColumn } from '../../people/import/parseSheet'
import { zhCN } from '../i18n/zh-CN'

const TEXT = zhCN.fitness

/**
 * The measures, named by the texts' own keys (the same list and order as the engine's FITNESS_MEASURES), so this file
 * needs no `@shared` import and the unit tests run it in Node.
 */
export type FitnessMeasure = keyof typeof TEXT.measures
const FITNESS_MEASURES = Object.keys(TEXT.measures) as FitnessMeasure[]
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FA' } } as const
const GREY_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } } as const
const EXEMPT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } } as const

export type SheetKey = 'personKey' | 'name' | 'idNumber' | FitnessMeasure

/** A measure's heading in the file: 身高（厘米）. */
export function measureHeader(measure: FitnessMeasure): string {
  const unit = TEXT.units[measure]
  return unit ? `${TEXT.measures[measure]}（${unit}）` : TEXT.measures[measure]
}

const KEY_HEADER = '人员编号'
/** The template's own reference columns: read by people, not by the import (not reported as unrecognised). */
export const TEMPLATE_INFO_HEADERS = ['性别', '年龄']
const NAME_HEADER = '姓名'
const ID_HEADER = '身份证号'

/**
 * The headings an import recognises: the template's own, and the plain names and common variants equipment exports
 * use (身高, 身高(cm), 身份证后四位). Several headings may name one key; the first one found in the file is read.
 */
export function importColumns(): Array<SheetColumn<SheetKey>> {
  const columns: Array<SheetColumn<SheetKey>> = [
    { key: 'personKey', header: KEY_HEADER, required: false },
    { key: 'name', header: NAME_HEADER, required: false },
    { key: 'idNumber', header: ID_HEADER, required: false },
    { key: 'idNumber', header: '身份证后四位', required: false },
    { key: 'idNumber', header: '证件号码', required: false },
  ]
  const latin: Record<FitnessMeasure, string> = {
    height_cm: 'cm',
    weight_kg: 'kg',
    vital_capacity_ml: 'ml',
    step_duration_s: 's',
    step_pulse_1: '',
    step_pulse_2: '',
    step_pulse_3: '',
    step_index: '',
    grip_kg: 'kg',
    push_ups: '',
    sit_ups: '',
    vertical_jump_cm: 'cm',
    sit_and_reach_cm: 'cm',
    choice_reaction_s: 's',
    single_leg_stand_s: 's',
  }
  for (const measure of FITNESS_MEASURES) {
    const name = TEXT.measures[measure]
    const variants = new Set([measureHeader(measure), name, `${name}(${TEXT.units[measure]})`])
    if (latin[measure]) {
      variants.add(`${name}(${latin[measure]})`)
      variants.add(`${name}（${latin[measure]}）`)
    }
    if (measure === 'step_duration_s') variants.add('台阶持续时间')
    if (measure === 'step_index') variants.add('台阶试验')
    if (measure === 'sit_ups') variants.add('1分钟仰卧起坐')
    if (measure === 'single_leg_stand_s') variants.add('闭眼单脚站立时间')
    for (const header of variants) columns.push({ key: measure, header, required: false })
  }
  return columns
}

export interface SheetPerson {
  personId: string
  name: string
  idMasked: string
  sex: 'M' | 'F'
  age: number
  /** Per measure column: whether the person takes it. */
  cell: (measure: FitnessMeasure) => 'input' | 'na' | 'exempt'
}

export interface SheetDay {
  facilityName: string
  wardName: string
  date: string
  standardName: string
  measures: readonly FitnessMeasure[]
  people: readonly SheetPerson[]
}

const DATA_SHEET = '体质测试'

function writeHeader(sheet: import('exceljs').Worksheet, headers: string[]) {
  const row = sheet.getRow(1)
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1)
    cell.value = h
    cell.fill = HEADER_FILL
    cell.font = { bold: true }
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  })
  row.height = 30
}

/**
 * The entry template for one ward and date. Column A (人员编号) is hidden and the person columns are locked (the sheet
 * is protected without a password, so a trainer cannot shift a value onto the wrong person by sorting or editing a
 * name); measure cells are unlocked, grey where the item does not apply, 免测 where a contraindication exempts it.
 */
export async function buildTemplate(excel: ExcelModule, day: SheetDay): Promise<Uint8Array> {
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] })
  const headers = [KEY_HEADER, NAME_HEADER, ID_HEADER, ...TEMPLATE_INFO_HEADERS, ...day.measures.map(measureHeader)]
  sheet.columns = headers.map((_, i) => ({ width: i === 0 ? 38 : i === 2 ? 22 : i < 5 ? 8 : 12, hidden: i === 0 }))
  writeHeader(sheet, headers)
  day.people.forEach((p, index) => {
    const row = sheet.getRow(index + 2)
    row.values = [p.personId, p.name, p.idMasked, TEXT.sex[p.sex], p.age]
    day.measures.forEach((m, j) => {
      const cell = row.getCell(6 + j)
      const state = p.cell(m)
      if (state === 'input') {
        cell.protection = { locked: false }
        return
      }
      cell.value = state === 'exempt' ? TEXT.exempt : null
      cell.fill = state === 'exempt' ? EXEMPT_FILL : GREY_FILL
    })
  })
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true })

  const notes = workbook.addWorksheet('说明')
  notes.getColumn(1).width = 110
  for (const line of [
    `${day.facilityName} · ${day.wardName} · 体质测试录入模板 · 测试日期 ${day.date} · 评定标准 ${day.standardName}`,
    '每行一人，只在白色格中填写测试值（数字）；灰色格为该人不适用的项目，“免测”为有运动禁忌免测的项目。未参加本次测试的人整行留空即可，导入时跳过。',
    '台阶试验：填写持续时间（秒）和三次脉搏（次/30秒），系统自动计算台阶指数；也可只填台阶指数。',
    '坐位体前屈可为负数；选择反应时以秒为单位（如 0.52）。',
    '隐藏的“人员编号”列用于识别人员，请勿删除；也可用“姓名”加“身份证号”（或后四位）识别。',
    '导入时会逐行核对：找不到的人员、同一人重复、超出合理范围或格式有误的数值都会标出，改正并确认前不会写入任何数据。',
  ]) notes.addRow([line])
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

export interface ExportRow {
  name: string
  idMasked: string
  sex: 'M' | 'F'
  age: number
  values: Partial<Record<FitnessMeasure, number>>
  points: Partial<Record<string, number>>
  total: number | null
  grade: string
  note: string
}

/** A day's saved results: the person, every measure, points per item, total and grade. */
export async function buildExport(excel: ExcelModule, day: Omit<SheetDay, 'people'> & { items: ReadonlyArray<{ key: string; label: string }>; rows: readonly ExportRow[] }): Promise<Uint8Array> {
  const workbook = new excel.Workbook()
  const sheet = workbook.addWorksheet('测试结果', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] })
  const headers = [NAME_HEADER, ID_HEADER, '性别', '年龄', ...day.measures.map(measureHeader), ...day.items.map((i) => `${i.label}得分`), '总分', '综合评级', '备注']
  sheet.addRow([`${day.facilityName} · ${day.wardName} · 体质测试结果 · ${day.date} · ${day.standardName}`]).font = { bold: true }
  sheet.columns = headers.map((_, i) => ({ width: i === 1 ? 22 : i === headers.length - 1 ? 30 : i < 4 ? 8 : 12 }))
  const head = sheet.addRow(headers)
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL
    cell.font = { bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  })
  for (const r of day.rows) {
    sheet.addRow([
      r.name,
      r.idMasked,
      TEXT.sex[r.sex],
      r.age,
      ...day.measures.map((m) => r.values[m] ?? null),
      ...day.items.map((i) => r.points[i.key] ?? null),
      r.total,
      r.grade,
      r.note,
    ])
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
