/**
 * Issue 13, the ward's day (大队一日工作) in browser mode: a person admitted 40 days ago with no screening shows overdue on
 * the ward day screen, and the PHQ-9 entered through the real assessment form (one click from the item) turns it done;
 * a ward officer lands on his ward's day, exempts an item with a reason (refused without one), sees who exempted it and
 * undoes it; the facility overview's count opens the people behind it.
 */
import type { Page } from '@playwright/test'
import { apiValue, expect, login, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const sessionStorage: { clear(): void }

const invoke = apiValue
const NAME = '筛查逾期'

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

let personId = ''
let wardOne = ''

const at = (page: Page, url: string, hash: string) => page.goto(url.replace(/\/\?token=.*/, `/#${hash}`))

/** The open (or shown) item of one rule for the test person on the screen. */
const itemOf = (page: Page, rule: string) => page.getByTestId('due-item').filter({ hasText: NAME }).filter({ has: page.locator(`[data-rule="${rule}"]`) })

test('a person admitted 40 days ago without a screening is overdue; the assessment entered from the item turns it done', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const today = (await invoke<{ today: string }>(page, 'facility:get', {})).today
  const wards = await invoke<Array<{ id: string; name: string }>>(page, 'wards:list', {})
  wardOne = wards.find((w) => w.name === '一大队')!.id
  const admitted = shift(today, -40)
  personId = (
    await invoke<{ id: string }>(page, 'people:create', {
      name: NAME, sex: 'M', ethnicity: '汉族', birthDate: '1985-05-12', idNumber: '110101198505120133',
      householdAddress: '北京市东城区人民路2号', decisionOrgan: '北京市公安局东城分局', decisionDocNo: '东公（禁）决字〔2026〕201号',
      decisionDate: admitted, admissionDate: admitted, wardId: wardOne,
    })
  ).id

  await page.evaluate(() => sessionStorage.clear())
  await login(page, demoApp, 'xinli', 'Xinli#2026')
  await at(page, demoApp.url, `/wards/${wardOne}/day`)
  await expect(page.getByTestId('ward-day')).toBeVisible()
  await page.getByPlaceholder('姓名或身份证后四位').fill(NAME)
  const screening = itemOf(page, 'psych_admission_screening')
  await expect(screening.locator('[data-status="overdue"]')).toBeVisible()
  // Admission screening within 15 days (the default rule): due 25 days ago.
  await expect(screening.getByTestId('due-timing')).toHaveText('逾期 25 天')
  await expect(page.getByTestId('centre-psych')).toContainText('心理')

  // One click to the assessment form for that person; the PHQ-9 typed as psych.spec.ts does.
  await screening.getByTestId('due-open').click()
  await page.getByTestId('instrument-select').click()
  await page.getByRole('option', { name: /PHQ-9/ }).click()
  await expect(page.getByTestId('item-1')).toHaveAttribute('aria-current', 'true')
  await page.keyboard.type('000000000')
  await expect(page.getByTestId('answer-progress')).toContainText('9 / 9')
  await page.getByRole('button', { name: '保存测评' }).click()
  await expect(page.getByTestId('band')).toBeVisible()

  await at(page, demoApp.url, `/wards/${wardOne}/day`)
  await expect(page.getByTestId('ward-day')).toBeVisible()
  await page.getByPlaceholder('姓名或身份证后四位').fill(NAME)
  await expect(itemOf(page, 'psych_admission_screening')).toHaveCount(0)
  await page.getByRole('switch', { name: /显示今日已办/ }).check()
  const done = itemOf(page, 'psych_admission_screening')
  await expect(done.locator('[data-status="done"]')).toBeVisible()
  await expect(done.getByRole('link', { name: '查看记录' })).toBeVisible()
})

test('a ward officer lands on his ward’s day; an exemption needs a reason, shows who and when, and can be undone', async ({ page, demoApp }) => {
  await login(page, demoApp, 'minjing', 'Minjing#2026')
  const me = await invoke<{ wardIds: string[] }>(page, 'auth:me', {})
  await expect(page).toHaveURL(new RegExp(`#/wards/${me.wardIds[0]}/day`))
  await expect(page.getByTestId('ward-day')).toBeVisible()
  expect(me.wardIds[0]).toBe(wardOne)
  // Psychology items are shown to him but not offered as forms he cannot fill.
  await expect(page.getByTestId('centre-psych').getByTestId('due-open')).toHaveCount(0)
  await page.getByPlaceholder('姓名或身份证后四位').fill(NAME)

  // The admission talk (within 3 days of admission) is overdue too; the officer may exempt it (ward centre).
  const talk = itemOf(page, 'ward_admission_talk')
  await expect(talk.locator('[data-status="overdue"]')).toBeVisible()
  await talk.getByTestId('exempt-item').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: '免除' }).click()
  await expect(dialog.getByText('请填写原因')).toBeVisible()
  await dialog.getByLabel('原因').fill('已在原所完成入所谈话，见转所材料')
  await dialog.getByRole('button', { name: '免除' }).click()
  await expect(itemOf(page, 'ward_admission_talk')).toHaveCount(0)

  await at(page, demoApp.url, `/people/${personId}?tab=duework`)
  const exempt = page.getByTestId('person-duework').getByTestId('due-item').filter({ has: page.locator('[data-rule="ward_admission_talk"]') })
  await expect(exempt.getByTestId('exemption-note')).toContainText('刘伟')
  await expect(exempt.getByTestId('exemption-note')).toContainText('已在原所完成入所谈话，见转所材料')
  await exempt.getByTestId('void-exemption').click()
  await page.getByRole('dialog').getByLabel('原因').fill('转所材料未附谈话记录')
  await page.getByRole('dialog').getByRole('button', { name: '撤销免除' }).click()
  await expect(exempt.locator('[data-status="overdue"]')).toBeVisible()
})

test('the facility overview: each count opens the people behind it', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  await at(page, demoApp.url, '/duework')
  await expect(page.getByTestId('duework-chart')).toBeVisible()
  const row = page.locator(`[data-testid="overview-ward"][data-ward-id="${wardOne}"]`)
  const overdue = row.getByTestId('cell-psych-overdue')
  await expect(overdue).toBeVisible()
  const count = Number(await overdue.getAttribute('data-value'))
  await overdue.click()
  const drawer = page.getByTestId('duework-people')
  await expect(drawer.getByTestId('duework-people-count')).toHaveText(`共 ${count} 项`)
  await expect(drawer.getByTestId('due-item').first()).toBeVisible()
})
