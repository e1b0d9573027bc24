import type { Locator, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { apiValue, expect, login, test, type RunningApp } from './fixtures'

/**
 * Issue 11 fitness tests end to end on a demo facility, as a trainer: a ward's test day of ten people entered from the
 * keyboard (an implausible value refused with its message and limit, grades shown live), saved as one batch, the ward's
 * grade chart counting them; an Excel import with one bad row that imports nothing until the file is fixed; one
 * person's A4 report printed to PDF. Screenshots of each screen go to test-results/fitness/ to be looked at.
 */
test.describe.configure({ mode: 'serial' })

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const window: { location: { hash: string } }

const OUT = resolve(import.meta.dirname, '../../test-results/fitness')
mkdirSync(OUT, { recursive: true })

interface DayPerson {
  personId: string
  name: string
  sex: 'M' | 'F'
  age: number
  covered: boolean
  applicable: string[]
  exempt: string[]
  saved: { id: string } | null
}
interface TestDay {
  date: string
  people: DayPerson[]
}

/**
 * Values a healthy adult could have on each measure: every item scores points. Height-standard weight has norm rows
 * only for ages 20–29 (men 165–175 cm, women 155–165 cm: the reference prints sample rows only), so only people in
 * their twenties get a composite grade; the others show why the grade is withheld.
 */
const VALUES: Record<string, string> = {
  height_cm: '170',
  weight_kg: '63',
  vital_capacity_ml: '3600',
  step_duration_s: '180',
  step_pulse_1: '52',
  step_pulse_2: '48',
  step_pulse_3: '45',
  step_index: '',
  grip_kg: '42',
  push_ups: '24',
  sit_ups: '24',
  vertical_jump_cm: '33',
  sit_and_reach_cm: '9.5',
  choice_reaction_s: '0.52',
  single_leg_stand_s: '20',
}

let wardId = ''
let date = ''
let tested: DayPerson[] = []

async function go(page: Page, path: string) {
  await page.evaluate((p) => (window.location.hash = `#${p}`), path)
}

async function trainer(page: Page, app: RunningApp) {
  await login(page, app, 'kangfu', 'Kangfu#2026')
  if (!wardId) {
    const wards = await apiValue<Array<{ id: string; name: string }>>(page, 'wards:list', {})
    wardId = wards[0]!.id
  }
}

async function testDay(page: Page): Promise<TestDay> {
  return apiValue<TestDay>(page, 'fitness:testDay', { wardId, date })
}

/** The grade counts the ward chart draws (data-counts="excellent:3,good:5,…"). */
async function chartCounts(page: Page): Promise<Record<string, number>> {
  const raw = (await page.getByTestId('fitness-grade-chart').getAttribute('data-counts')) ?? ''
  return Object.fromEntries(raw.split(',').filter(Boolean).map((pair) => [pair.split(':')[0]!, Number(pair.split(':')[1])]))
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true })
}

test('a trainer enters a ward test day of ten people from the keyboard; an implausible value is refused; grades show; the ward chart counts the saved day', async ({ page, demoApp }) => {
  await trainer(page, demoApp)
  await go(page, `/wards/${wardId}/fitness`)
  await expect(page.getByTestId('fitness-ward-due')).toBeVisible()
  const before = (await page.getByTestId('fitness-grade-chart').count()) > 0 ? await chartCounts(page) : {}
  const beforeTotal = Object.values(before).reduce((a, b) => a + b, 0)

  await page.getByTestId('fitness-open-day').click()
  const grid = page.getByTestId('fitness-grid')
  await expect(grid).toBeVisible()
  date = (await apiValue<{ today: string }>(page, 'facility:get', {})).today
  const day = await testDay(page)
  // Rows with cells to type into: covered by the standard and not saved yet. Tab runs through exactly these.
  const open = day.people.filter((p) => p.covered && !p.saved)
  expect(open.length).toBeGreaterThanOrEqual(13)
  tested = open.slice(0, 10)
  expect(tested.some((p) => p.age < 30)).toBe(true)

  // Into the first open cell, then only the keyboard: a value, Tab; the grid skips grey and 免测 cells by itself.
  await grid.locator(`tr[data-person="${tested[0]!.personId}"] input`).first().click()
  for (const [index, person] of tested.entries()) {
    const row = grid.locator(`tr[data-person="${person.personId}"]`)
    const inputs = row.locator('input')
    const count = await inputs.count()
    for (let i = 0; i < count; i++) {
      const measure = ((await inputs.nth(i).getAttribute('data-testid')) ?? '').replace('cell-', '')
      await expect(inputs.nth(i)).toBeFocused()
      if (index === 0 && measure === 'vital_capacity_ml') {
        // 40000 mL is no lung: flagged at once in the cell with the reason and the limit, and kept as typed.
        await page.keyboard.type('40000')
        const message = row.getByTestId('fg-cell-message').filter({ visible: true })
        await expect(message).toContainText('肺活量 40000 超出合理范围')
        await expect(message).toContainText(/\d+–\d+ 毫升/)
        await expect(inputs.nth(i)).toHaveValue('40000')
        await shot(page, '1-test-day-implausible')
        await page.getByTestId('fitness-save').click()
        await expect(page.getByText('还有 1 格数值有误（标红），请先改正再保存')).toBeVisible()
        expect((await testDay(page)).people.filter((p) => p.saved).length).toBe(day.people.filter((p) => p.saved).length)
        // Escape puts back what the cell held before (empty); then the real value.
        await inputs.nth(i).focus()
        await page.keyboard.press('Escape')
        await expect(inputs.nth(i)).toHaveValue('')
      }
      await page.keyboard.type(person.sex === 'F' && measure === 'height_cm' ? '160' : person.sex === 'F' && measure === 'weight_kg' ? '52' : (VALUES[measure] ?? ''))
      if (index < tested.length - 1 || i < count - 1) await page.keyboard.press('Tab')
    }
    // Points, total and grade are there as soon as the row is typed (or the reason there is no grade).
    await expect(row.getByTestId('fg-total')).toContainText('分')
    if (person.age < 30) await expect(row.getByTestId('fg-grade')).toHaveAttribute('data-grade', /excellent|good|pass|fail/)
    else await expect(row.getByTestId('fg-grade')).toContainText('未评级：身高标准体重无对照')
  }
  await expect(page.getByTestId('fitness-day-summary')).toContainText('已录入 10 /')
  await expect(page.getByTestId('fitness-day-summary')).toContainText('有误 0 格')
  await shot(page, '2-test-day-entered')

  await page.getByTestId('fitness-save').click()
  await expect(page.getByText('已保存 10 人的测试结果')).toBeVisible()
  await expect(grid.locator('[data-saved]')).toHaveCount(10 + day.people.filter((p) => p.saved).length)
  const saved = await testDay(page)
  expect(tested.every((p) => saved.people.find((q) => q.personId === p.personId)?.saved)).toBe(true)

  // The ward panel's chart counts the day.
  await go(page, `/wards/${wardId}/fitness`)
  await expect(page.getByTestId('fitness-grade-chart')).toBeVisible()
  await expect(page.getByTestId('fitness-latest-day')).toContainText(date)
  const after = await chartCounts(page)
  expect(Object.values(after).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(Math.max(10, beforeTotal))
  await shot(page, '3-ward-panel')
})

async function pickFile(page: Page, button: Locator, file: string) {
  const chooser = page.waitForEvent('filechooser')
  await button.click()
  await (await chooser).setFiles(file)
}

test('an Excel import with one bad row shows the row error and imports nothing until the file is fixed', async ({ page, demoApp }) => {
  await trainer(page, demoApp)
  const day = await testDay(page)
  const roster = await apiValue<{ rows: Array<{ id: string; idNumberMasked: string }> }>(page, 'people:roster', { wardId })
  const open = day.people.filter((p) => p.covered && !p.saved && p.exempt.length === 0).slice(0, 3)
  expect(open).toHaveLength(3)
  const tail = (id: string) => roster.rows.find((r) => r.id === id)!.idNumberMasked.slice(-4)

  // A sheet as test equipment might export it: name, ID number tail and a few measures.
  const write = async (name: string, badVc: boolean) => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('成绩')
    sheet.addRow(['姓名', '身份证后四位', '身高(cm)', '体重(kg)', '肺活量(ml)', '握力(kg)'])
    open.forEach((p, i) => sheet.addRow([p.name, tail(p.personId), 168 + i, 60 + i, badVc && i === 1 ? 40000 : 3400 + 100 * i, 40 + i]))
    const file = join(OUT, name)
    await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()))
    return file
  }
  const bad = await write('import-bad.xlsx', true)
  const good = await write('import-good.xlsx', false)

  await go(page, `/fitness/import?ward=${wardId}&date=${day.date}`)
  await pickFile(page, page.getByTestId('fitness-import-pick'), bad)
  await expect(page.getByTestId('fitness-import-summary')).toContainText('3 行，1 行有误')
  const badRow = page.locator('[data-testid="fitness-import-row"][data-bad]')
  await expect(badRow).toHaveCount(1)
  await expect(badRow).toContainText('3')
  await expect(badRow.getByTestId('fitness-import-error')).toContainText('肺活量 40000 超出合理范围')
  await expect(page.getByTestId('fitness-import-blocked')).toBeVisible()
  await expect(page.getByTestId('fitness-import-confirm')).toHaveCount(0)
  await shot(page, '4-import-bad-row')
  // Nothing was written.
  const still = await testDay(page)
  expect(open.every((p) => still.people.find((q) => q.personId === p.personId)?.saved === null)).toBe(true)

  await page.getByTestId('fitness-import-again').click()
  await pickFile(page, page.getByTestId('fitness-import-pick'), good)
  await expect(page.getByTestId('fitness-import-summary')).toContainText('3 行，0 行有误')
  await shot(page, '5-import-clean')
  await page.getByTestId('fitness-import-confirm').click()
  await expect(page.getByText('已导入 3 人的测试结果')).toBeVisible()
  const after = await testDay(page)
  expect(open.every((p) => after.people.find((q) => q.personId === p.personId)?.saved)).toBe(true)
})

test("the person's fitness tab and A4 report, printed to PDF", async ({ page, demoApp }) => {
  await trainer(page, demoApp)
  const person = tested.find((p) => p.age < 30)!
  await go(page, `/people/${person.personId}?tab=fitness`)
  await expect(page.getByTestId('fitness-history-row')).toHaveCount(1)
  await shot(page, '6-person-tab')

  await page.getByTestId('fitness-print-latest').click()
  const report = page.getByTestId('fitness-report')
  await expect(report).toBeVisible()
  await expect(report).toContainText(person.name)
  await expect(report).toContainText('肺活量')
  await expect(report).toContainText('3600 毫升')
  await expect(report.getByTestId('fitness-report-grade')).toContainText(/优秀|良好|合格|不合格/)
  await expect(report).toContainText('测试人签名')
  await shot(page, '7-report-screen')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  await writeFile(join(OUT, 'fitness-report.pdf'), pdf)
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBe(1)
})

test('settings: the retest interval and default standard (administrator)', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  await go(page, '/settings')
  await expect(page.getByTestId('fitness-settings')).toBeVisible()
  await page.getByTestId('fitness-settings').scrollIntoViewIfNeeded()
  await page.getByTestId('fitness-settings').screenshot({ path: join(OUT, '8-settings.png') })
})
