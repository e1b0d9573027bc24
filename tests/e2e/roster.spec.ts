/**
 * Issue 8 items 6 and 7 in browser mode: the term warning badge on an expired file and in the roster, the confirmation
 * step of an extension on an expired term (with its approval date), the A4 roster printout, the Excel export and the
 * ward switcher.
 */
import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { readFile } from 'node:fs/promises'
import { apiValue, expect, login, test } from './fixtures'

// Run inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const document: { querySelectorAll(selector: string): Iterable<{ textContent: string | null }> }
declare const sessionStorage: { clear(): void }

const invoke = apiValue

const shift = (date: string, { years = 0, days = 0 }) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** The facility's today and the ids of 一大队 and 二大队 (each test asks: a failed test restarts the worker's app). */
async function facts(page: Page) {
  const today = (await invoke<{ today: string }>(page, 'facility:get', {})).today
  const wards = await invoke<Array<{ id: string; name: string }>>(page, 'wards:list', {})
  return { today, wardOne: wards.find((w) => w.name === '一大队')!.id, wardTwo: wards.find((w) => w.name === '二大队')!.id }
}

test('an expired file: red badge in the header and the roster; an extension needs a confirmation and records its approval date', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const { today, wardOne } = await facts(page)
  // Decision two years and eight days ago: the last day (decision + 24 months − 1 day) was nine days ago.
  const decisionDate = shift(today, { years: -2, days: -8 })
  await invoke<{ id: string }>(page, 'people:create', {
      name: '期满测试', sex: 'M', ethnicity: '汉族', birthDate: '1990-03-07', idNumber: '110101199003070011',
      householdAddress: '北京市东城区人民路1号', decisionOrgan: '北京市公安局东城分局', decisionDocNo: '东公（禁）决字〔2024〕101号',
      decisionDate, admissionDate: decisionDate, wardId: wardOne,
  })

  await page.goto(demoApp.url.replace(/\/\?token=.*/, `/#/wards/${wardOne}?sort=daysToLastDay`))
  const first = page.getByTestId('people-table').getByRole('row').nth(1)
  await expect(first).toContainText('期满测试')
  await expect(first.locator('[data-warning="expired"]')).toHaveText('已期满 9 天')

  await first.click()
  await expect(page.getByTestId('term-warning')).toHaveText('已期满 9 天')

  await page.getByRole('tab', { name: '期限' }).click()
  await page.getByRole('button', { name: '登记延长' }).click()
  await page.getByLabel('延长月数').fill('3')
  await page.getByLabel('延长期限决定书文号').fill('延字〔2026〕9号')
  await page.getByLabel('批准日期').fill(shift(today, { days: 1 }))
  await page.getByRole('button', { name: '保存' }).click()
  // A future approval date is refused on the field, before any confirmation.
  await expect(page.getByText(`批准日期不能晚于今天（${today}）`)).toBeVisible()
  await expect(page.getByTestId('extension-confirm')).toHaveCount(0)
  await page.getByLabel('批准日期').fill(today)
  await page.getByRole('button', { name: '保存' }).click()

  const confirm = page.getByTestId('extension-confirm')
  await expect(confirm).toContainText('该人员已期满')
  await expect(confirm).toContainText(`期满日为 ${shift(decisionDate, { years: 2, days: -1 })}，已过 9 天`)
  await confirm.getByRole('button', { name: '返回修改' }).click()
  await expect(page.getByLabel('延长期限决定书文号')).toHaveValue('延字〔2026〕9号')
  await page.getByRole('button', { name: '保存' }).click()
  await page.getByTestId('extension-confirm').getByRole('button', { name: '确认登记延长' }).click()

  const events = page.getByTestId('term-events')
  await expect(events).toContainText('延长 3 个月')
  await expect(events).toContainText('延字〔2026〕9号')
  await expect(events).toContainText(today)
  await expect(page.getByTestId('term-step-extensions')).toContainText(`文号 延字〔2026〕9号，批准日期 ${today}`)
  // Three more months: the last day is now about 80 days away, outside the 30-day window.
  await expect(page.getByTestId('term-warning')).toHaveCount(0)
})

test('the roster prints every person of the ward on A4 with the facility, ward and date; Excel export; ward switcher', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const { today, wardOne, wardTwo } = await facts(page)
  await page.goto(demoApp.url.replace(/\/\?token=.*/, `/#/wards/${wardOne}?period=rehabilitation`))
  await expect(page.getByRole('heading', { name: /一大队/ })).toBeVisible()
  const roster = await invoke<{ rows: Array<{ name: string }>; facilityName: string }>(page, 'people:roster', { wardId: wardOne })
  expect(roster.rows.length).toBeGreaterThan(5)

  // Excel: the whole ward (not the filtered page), title rows, frozen heads, dates as text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-export').click()])
  expect(download.suggestedFilename()).toBe(`一大队花名册-${today}.xlsx`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Uint8Array.from(await readFile(await download.path())).buffer)
  const sheet = workbook.worksheets[0]!
  expect(sheet.getCell('A1').value).toBe(roster.facilityName)
  expect(sheet.getCell('A2').value).toBe('一大队花名册')
  expect(String(sheet.getCell('A3').value)).toContain(`打印日期：${today}`)
  expect(sheet.getRow(4).values).toEqual([undefined, '序号', '姓名', '性别', '年龄', '身份证号', '分期', '入所日期', '期满日期', '剩余天数', '期满提醒', '备注'])
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 })
  expect(sheet.rowCount).toBe(4 + roster.rows.length)
  expect(sheet.getRow(5).getCell(2).value).toBe(roster.rows[0]!.name)
  expect(typeof sheet.getRow(5).getCell(7).value).toBe('string')
  expect(String(sheet.getRow(5).getCell(5).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/)

  // Print layout: every person, the header in a repeated <thead>, the page-number margin box.
  await page.getByTestId('roster-print-link').click()
  const table = page.getByTestId('roster-print-table')
  await expect(table.locator('tbody tr')).toHaveCount(roster.rows.length)
  await expect(table.locator('thead')).toContainText(roster.facilityName)
  await expect(table.locator('thead')).toContainText('一大队花名册')
  await expect(table.locator('thead')).toContainText(`打印日期：${today}`)
  const pageNumberRule = await page.evaluate(() => [...document.querySelectorAll('style')].map((e) => e.textContent ?? '').find((css) => css.includes('@bottom-center')))
  expect(pageNumberRule).toContain('"第 " counter(page) " 页 / 共 " counter(pages) " 页"')
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

  // Ward switcher keeps the filters and moves to the other ward's roster.
  await page.getByRole('link', { name: '返回花名册' }).click()
  await page.locator('.mantine-SegmentedControl-root').getByText('康复巩固期').click()
  await expect(page).toHaveURL(/period=rehabilitation/)
  await page.getByTestId('ward-switcher').click()
  await page.getByRole('option', { name: '二大队' }).click()
  await expect(page.getByRole('heading', { name: /二大队/ })).toBeVisible()
  expect(page.url()).toContain(`/wards/${wardTwo}?period=rehabilitation`)
})

test('a ward officer sees only the ward he is responsible for (包队责任制)', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const { wardTwo } = await facts(page)
  await page.evaluate(() => sessionStorage.clear())
  await login(page, demoApp, 'minjing', 'Minjing#2026')
  const wards = await invoke<Array<{ id: string; name: string }>>(page, 'wards:list', {})
  expect(wards.map((w) => w.name)).toEqual(['一大队'])
  const people = await invoke<{ rows: Array<{ wardName: string | null }> }>(page, 'people:list', { limit: 200 })
  expect(new Set(people.rows.map((r) => r.wardName))).toEqual(new Set(['一大队']))
  await page.getByRole('link', { name: '人员档案' }).click()
  await expect(page.getByText('您负责的大队的人员')).toBeVisible()
  await expect(page.getByText('二大队')).toHaveCount(0)
  // Past files have no ward, so an officer has no 已出所 filter to choose.
  await expect(page.getByTestId('stay-filter')).toHaveCount(0)
  // Another ward's roster by its address: refused, saying why.
  await page.goto(demoApp.url.replace(/\/\?token=.*/, `/#/wards/${wardTwo}`))
  await expect(page.getByTestId('forbidden')).toContainText('不在您负责的大队范围内')
})
