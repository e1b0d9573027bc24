/**
 * Issue 14, the facility dashboard (统计看板) in browser mode: a person admitted this month is counted in the month's
 * admissions and listed behind the number (back closes the list and keeps the dashboard); the Excel export has one
 * sheet per figure group with the as-of date and the definitions; the A4 print carries the tables and definitions; a
 * ward officer is told the figures cover their own wards.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'
import { apiValue, expect, login, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

declare const sessionStorage: { clear(): void }
declare const window: { location: { hash: string } }

const invoke = apiValue
const NAME = '看板新收'
const OUT = join(process.cwd(), 'test-results', 'stats')
const body = '11010119900307557'
const ID_NUMBER = body + checkCharacterFor(body)

const go = (page: Page, path: string) => page.evaluate((p) => (window.location.hash = `#${p}`), path)

let today = ''
let wardOne = ''

test('a person admitted this month is counted and listed behind the month’s admissions; back keeps the dashboard', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  today = (await invoke<{ today: string }>(page, 'facility:get', {})).today
  wardOne = (await invoke<Array<{ id: string; name: string }>>(page, 'wards:list', {})).find((w) => w.name === '一大队')!.id
  await invoke(page, 'people:create', {
    name: NAME, sex: 'M', ethnicity: '汉族', birthDate: '1990-03-07', idNumber: ID_NUMBER, householdAddress: '北京市东城区人民路3号',
    decisionOrgan: '北京市公安局东城分局', decisionDocNo: '东公（禁）决字〔2026〕301号', decisionDate: today, admissionDate: today, wardId: wardOne,
  })
  const month = today.slice(0, 7)
  const expected = await invoke<{ perMonth: Array<{ month: string; admissions: { value: number } }> }>(page, 'stats:dashboard', { asOf: today, months: 12 })
  const admitted = expected.perMonth.find((m) => m.month === month)!.admissions.value
  expect(admitted).toBeGreaterThan(0)

  await page.getByRole('link', { name: '统计看板' }).click()
  await expect(page.getByTestId('stats-page')).toBeVisible()
  await expect(page.getByTestId('stats-cards')).toBeVisible()
  await expect(page.getByTestId('stats-limited')).toHaveCount(0)
  const figure = page.getByTestId(`fig-admissions-${month}`)
  await expect(figure).toHaveText(String(admitted))
  await figure.click()
  const drawer = page.getByTestId('stats-people')
  await expect(drawer).toBeVisible()
  await expect(page.getByRole('dialog')).toContainText(`名单：${month} 收治`)
  await expect(page.getByTestId('stats-people-count')).toHaveAttribute('data-value', String(admitted))
  const row = page.getByTestId('stats-person-row').filter({ hasText: NAME })
  await expect(row).toBeVisible()
  await expect(row).toContainText(ID_NUMBER.slice(-4))
  await expect(row).not.toContainText(ID_NUMBER)
  await expect(row).toContainText('一大队')

  await page.goBack()
  await expect(drawer).toHaveCount(0)
  await expect(page.getByTestId('stats-page')).toBeVisible()

  // The months chooser narrows the window; the headline card opens the window's admissions.
  await page.getByTestId('stats-months').click()
  await page.getByRole('option', { name: '近 6 个月' }).click()
  await expect(page.getByTestId('stats-table-months').locator('tbody tr')).toHaveCount(7)
  await page.getByTestId('stats-card-admissions').click()
  await expect(page.getByTestId('stats-people')).toBeVisible()
  await expect(page.getByRole('dialog')).toContainText('收治')
  await page.goBack()
  await expect(page.getByTestId('stats-people')).toHaveCount(0)
})

test('the Excel export has a sheet per figure group with the as-of date, and the definitions', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  await go(page, `/dashboard?asOf=${today}&months=12`)
  await expect(page.getByTestId('stats-cards')).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export').click()])
  expect(download.suggestedFilename()).toBe(`统计看板-${today}.xlsx`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Uint8Array.from(await readFile(await download.path())).buffer)
  const names = workbook.worksheets.map((w) => w.name)
  expect(names).toEqual(expect.arrayContaining(['各大队在册人数（按戒治期）', '每月收治与出所', '心理预警', '体质测试等级（最近一次）', '职业技能培训', '应办与逾期事项（按工作中心）', '出所回访', '口径说明']))
  const months = workbook.getWorksheet('每月收治与出所')!
  expect(String(months.getCell('A2').value)).toContain(`截至日期 ${today}`)
  expect(months.getRow(3).getCell(2).value).toBe('收治')
  const thisMonth = months.getRows(4, 12)!.find((r) => r.getCell(1).value === today.slice(0, 7))!
  expect(Number(thisMonth.getCell(2).value)).toBeGreaterThan(0)
  const notes = workbook.getWorksheet('口径说明')!
  expect(String(notes.getCell('A3').value)).toContain('在册人数')
})

test('the A4 print carries the heading, the tables and the definitions', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  await go(page, `/dashboard?asOf=${today}&months=12`)
  await expect(page.getByTestId('stats-cards')).toBeVisible()
  await page.getByTestId('stats-print').click()
  const sheet = page.getByTestId('stats-print-sheet')
  await expect(sheet).toContainText('统计看板')
  await expect(sheet).toContainText(`截至日期：${today}`)
  await expect(sheet.getByTestId('stats-table-wards')).toContainText('一大队')
  await expect(sheet).toContainText('口径说明')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  mkdirSync(OUT, { recursive: true })
  const file = join(OUT, 'dashboard.pdf')
  writeFileSync(file, pdf)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeLessThanOrEqual(2)
  expect(info).toMatch(/Page size:.*\(A4\)/)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toMatch(/统\s*计\s*看\s*板/)
  expect(text).toMatch(/口\s*径\s*说\s*明/)
})

test('a ward officer is told the figures cover their own wards, and sees only those', async ({ page, demoApp }) => {
  await page.goto(demoApp.url)
  await page.evaluate(() => sessionStorage.clear())
  await login(page, demoApp, 'minjing', 'Minjing#2026')
  const mine = await invoke<Array<{ id: string; name: string }>>(page, 'wards:list', {})
  await go(page, '/dashboard')
  const alert = page.getByTestId('stats-limited')
  await expect(alert).toBeVisible()
  for (const w of mine) await expect(alert).toContainText(w.name)
  await expect(page.getByTestId('stats-table-wards').locator('tbody tr')).toHaveCount(mine.length + 1)
})
