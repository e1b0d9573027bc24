import type { Locator, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { apiCall, apiValue, expect, login, test, type RunningApp } from './fixtures'

/**
 * Certificates end to end (issue 12) on a demo facility, as the administrator: a course with passers set up through the
 * API (courses-core's methods) and certificates issued (a bad number refused at its row first); the roster filtered to
 * the course; its printout in 公示 mode printed to PDF (page numbers, masked ID numbers, no facility name); the Excel
 * export read back (rows, columns, masking); an import with one bad row refused with the row named, then fixed and
 * imported. Screenshots and the PDF go to test-results/certificates/ to be looked at.
 */
test.describe.configure({ mode: 'serial' })

declare const window: { location: { hash: string } }

const OUT = resolve(import.meta.dirname, '../../test-results/certificates')
mkdirSync(OUT, { recursive: true })

interface Person {
  id: string
  name: string
  idNumber: string
}
let courseId = ''
let people: Person[] = []
let facilityName = ''

const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true })
const go = (page: Page, path: string) => page.evaluate((p) => (window.location.hash = `#${p}`), path)
/** A 2019-format number of 2026, level 5, unique by serial (body serial 77xxxx: not the demo's). */
const number = (serial: number, year = '26') => `S000011770000${year}5${String(serial).padStart(6, '0')}`

async function admin(page: Page, app: RunningApp) {
  await login(page, app, 'admin', 'Admin#2026')
  if (courseId) return
  facilityName = (await apiValue<{ name: string }>(page, 'facility:get', {})).name
  const listed = await apiValue<{ rows: Array<{ id: string }> }>(page, 'people:list', { stay: 'current', limit: 8 })
  people = []
  for (const { id } of listed.rows.slice(0, 6)) {
    const file = await apiValue<{ identity: { name: string; idNumber: string } }>(page, 'people:get', { id })
    people.push({ id, name: file.identity.name, idNumber: file.identity.idNumber })
  }
  const tradeId = (await apiValue<{ id: string }>(page, 'trades:create', { name: '家政服务员（e2e）', code: '4-10-01-06' })).id
  courseId = (
    await apiValue<{ id: string }>(page, 'courses:create', {
      kind: 'vocational', name: '家政服务员初级班（e2e）', tradeId, level: 5, evaluationBody: '某市家政服务评价中心', teacher: '周老师',
      startDate: '2026-09-01', endDate: '2026-11-10', capacity: 20, place: '职训楼三层', plannedHours: 60,
    })
  ).id
  const five = people.slice(0, 5)
  await apiValue(page, 'courses:enrol', { courseId, personIds: five.map((p) => p.id), date: '2026-09-01' })
  await apiValue(page, 'courses:recordSession', {
    courseId, date: '2026-09-02', startTime: '08:30', hours: 2, topic: '家居清洁', attendance: five.map((p) => ({ personId: p.id, status: 'present' })),
  })
  await apiValue(page, 'courses:recordExams', { courseId, examDate: '2026-11-08', rows: five.map((p, i) => ({ personId: p.id, theory: i === 4 ? 30 : 82, practical: 88 })) })
  const passers = five.slice(0, 4)
  const batch = (rows: Array<{ personId: string; number: string }>) => apiCall(page, 'certificates:issueBatch', { courseId, issuedOn: '2026-11-12', evaluationBody: '某市家政服务评价中心', rows })
  const refused = await batch(passers.map((p, i) => ({ personId: p.id, number: i === 2 ? number(3, '25') : number(i + 1) })))
  expect(refused.ok).toBe(false)
  expect(JSON.stringify(refused)).toContain('rows.2.number')
  await apiValue(page, 'certificates:issueBatch', { courseId, issuedOn: '2026-11-12', evaluationBody: '某市家政服务评价中心', rows: passers.map((p, i) => ({ personId: p.id, number: number(i + 1) })) })
}

const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`

test('the roster of a course, internal and public, printed to PDF in 公示 mode', async ({ page, demoApp }) => {
  await admin(page, demoApp)
  await go(page, `/certificates?course=${courseId}`)
  const table = page.getByTestId('cert-roster-table')
  await expect(table.locator('tbody tr')).toHaveCount(4)
  await expect(page.getByTestId('cert-total')).toContainText('共 4 张证书，4 人')
  // The administrator sees full ID numbers on an internal roster, with the scores and the ward.
  await expect(table).toContainText(people[0]!.idNumber)
  await expect(table).toContainText('五级/初级工')
  await expect(table).toContainText('职训楼三层')
  await shot(page, '1-roster-internal')

  await page.getByTestId('cert-privacy').getByText('公示').click()
  await expect(page).toHaveURL(/privacy=public/)
  await expect(table).not.toContainText(people[0]!.idNumber)
  await expect(table).toContainText(masked(people[0]!.idNumber))
  await expect(table).not.toContainText('职训楼三层')
  await expect(page.getByTestId('cert-privacy-note')).toContainText('不显示大队、培训地点、考核成绩')
  await shot(page, '2-roster-public')

  await page.getByTestId('cert-print').click()
  const sheet = page.getByTestId('cert-roster-print')
  await expect(sheet.locator('tbody tr')).toHaveCount(4)
  await expect(sheet.locator('h1')).toHaveText('获证人员名单')
  await expect(sheet).not.toContainText(facilityName)
  await expect(sheet.getByTestId('cert-print-totals')).toContainText('人数 4，证书数 4')
  await shot(page, '3-print-public')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  const file = join(OUT, 'roster-public.pdf')
  await writeFile(file, pdf)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  // pdftotext drops the spaces between Chinese characters.
  expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/)
  expect(text).toContain(masked(people[0]!.idNumber))
  expect(text).not.toContain(people[0]!.idNumber)
  expect(text).not.toContain(facilityName)
  // One A4 landscape page: 842 × 595 points.
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(info).toMatch(/Pages:\s+1\n/)
  expect(info).toMatch(/Page size:\s+841\.\d+ x 594\.\d+ pts/)
})

test('the Excel export has the screen’s columns and masking', async ({ page, demoApp }) => {
  await admin(page, demoApp)
  await go(page, `/certificates?course=${courseId}&privacy=public`)
  await expect(page.getByTestId('cert-roster-table').locator('tbody tr')).toHaveCount(4)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cert-export').click()])
  expect(download.suggestedFilename()).toMatch(/^获证人员名单-\d{4}-\d{2}-\d{2}\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Uint8Array.from(await readFile(await download.path())).buffer)
  const ws = workbook.worksheets[0]!
  expect(ws.getCell('A1').value).toBe('获证人员名单')
  expect(String(ws.getCell('A2').value)).toContain('家政服务员初级班（e2e）')
  expect(ws.getRow(3).values).toEqual([undefined, '序号', '姓名', '性别', '年龄', '证件类型', '证件号码', '职业名称', '工种/职业方向', '职业技能等级', '证书编号', '发证日期', '评价机构', '培训班次', '培训起止日期'])
  const rows = [4, 5, 6, 7].map((r) => ws.getRow(r))
  expect(rows.map((r) => r.getCell(2).value).sort()).toEqual(people.slice(0, 4).map((p) => p.name).sort())
  for (const r of rows) {
    expect(String(r.getCell(6).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)
    expect(r.getCell(8).value).toBe('--')
    expect(r.getCell(9).value).toBe('五级/初级工')
  }
  expect(String(ws.getRow(9).getCell(2).value)).toContain('人数 4')
})

async function pickFile(page: Page, button: Locator, file: string) {
  const chooser = page.waitForEvent('filechooser')
  await button.click()
  await (await chooser).setFiles(file)
}

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('证书导入')
  ws.addRow(['姓名', '证件类型', '证件号码', '职业名称', '职业编码', '工种/职业方向', '职业技能等级', '证书编号', '发证日期', '评价机构', '备注'])
  for (const r of rows) ws.addRow(r)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

test('an import with one bad row names the row and imports nothing until the file is fixed', async ({ page, demoApp }) => {
  await admin(page, demoApp)
  const holder = people[5]!
  const other = people[4]!
  const row = (p: Person, name: string, serial: number) => [name, '居民身份证', p.idNumber, '电工', '', '--', '四级/中级工', `Y000011880000244${String(serial).padStart(6, '0')}`, '2024-07-01', '外省职业技能评价中心', '']
  const bad = join(OUT, 'import-bad.xlsx')
  const good = join(OUT, 'import-good.xlsx')
  await writeFile(bad, await workbook([row(holder, holder.name, 1), row(other, `${other.name}甲`, 2)]))
  await writeFile(good, await workbook([row(holder, holder.name, 1), row(other, other.name, 2)]))
  const before = (await apiValue<{ total: number }>(page, 'certificates:roster', { limit: 1 })).total

  await go(page, '/certificates/import')
  await pickFile(page, page.getByTestId('cert-import-pick'), bad)
  await expect(page.getByTestId('cert-import-problem-count')).toContainText('1 行有问题')
  await expect(page.getByTestId('cert-import-row-3')).toContainText('姓名与此人档案不一致')
  await expect(page.getByTestId('cert-import-confirm')).toBeDisabled()
  await shot(page, '4-import-bad')
  expect((await apiValue<{ total: number }>(page, 'certificates:roster', { limit: 1 })).total).toBe(before)

  await pickFile(page, page.getByTestId('cert-import-pick'), good)
  await expect(page.getByTestId('cert-import-status')).toContainText('全部 2 行检查无误')
  await page.getByTestId('cert-import-confirm').click()
  await expect(page.getByTestId('cert-import-done')).toContainText('已导入 2 张证书')
  await shot(page, '5-import-done')
  expect((await apiValue<{ total: number }>(page, 'certificates:roster', { limit: 1 })).total).toBe(before + 2)

  // The person file shows the imported certificate in the 教育培训 tab.
  await go(page, `/people/${holder.id}?tab=vocational`)
  await expect(page.getByTestId('certificates-section')).toContainText('Y000011880000244000001')
  await expect(page.getByTestId('certificates-section')).toContainText('四级/中级工')
  await shot(page, '6-person-section')
})
