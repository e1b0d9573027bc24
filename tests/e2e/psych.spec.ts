import type { Page } from '@playwright/test'
import { apiCall, expect, login, test } from './fixtures'

/**
 * Psychology end to end on a demo facility: a PHQ-9 entered by keyboard, its band and follow-up task on the ward
 * screen, the printable report, a second assessment and the trend chart, and a trainer kept out of counselling notes.
 */
test.describe.configure({ mode: 'serial' })

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const sessionStorage: { getItem(key: string): string | null; clear(): void }

let personUrl = ''
let personName = ''

const invoke = apiCall

async function enterPhq9(page: Page, digits: string) {
  await page.getByRole('tab', { name: '心理' }).click()
  await page.getByRole('button', { name: '新建测评' }).click()
  await page.getByTestId('instrument-select').click()
  await page.getByRole('option', { name: /PHQ-9/ }).click()
  await expect(page.getByTestId('item-1')).toHaveAttribute('aria-current', 'true')
  await page.keyboard.type(digits)
  await expect(page.getByTestId('answer-progress')).toContainText('9 / 9')
  await page.getByRole('button', { name: '保存测评' }).click()
}

test('a counsellor enters a PHQ-9 by keyboard; the band and the follow-up task appear', async ({ page, demoApp }) => {
  await login(page, demoApp, 'xinli', 'Xinli#2026')
  await page.getByText('一大队').first().click()
  const firstRow = page.getByTestId('people-table').getByRole('row').nth(1)
  personName = (await firstRow.getByRole('cell').first().innerText()).trim()
  await firstRow.click()
  await expect(page.getByTestId('person-name')).toHaveText(personName)
  personUrl = page.url()

  await enterPhq9(page, '000000001')
  // total 1 → 无或极轻微, but item 9 > 0 raises the flag regardless of the total.
  await expect(page.getByTestId('band')).toContainText('无或极轻微')
  await expect(page.locator('[data-testid="flag-alert"][data-flag="suicide_item"]')).toBeVisible()

  await page.getByRole('link', { name: '大队', exact: true }).click()
  await page.getByTestId('ward-psych-link').first().click()
  await expect(page.getByTestId('psych-tasks')).toContainText(personName)
})

test('the report prints on A4 with the person and the scores', async ({ page, demoApp }) => {
  await login(page, demoApp, 'xinli', 'Xinli#2026')
  await page.goto(personUrl)
  await page.getByRole('tab', { name: '心理' }).click()
  await page.getByText('PHQ-9').first().click()
  await page.getByTestId('print-link').click()
  const report = page.getByTestId('print-report')
  await expect(report).toContainText(personName)
  await expect(report).toContainText('心理测评报告')
  await expect(report).toContainText('无或极轻微')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4' })
  expect(pdf.length).toBeGreaterThan(10_000)
})

test('a second assessment draws the trend chart', async ({ page, demoApp }) => {
  await login(page, demoApp, 'xinli', 'Xinli#2026')
  await page.goto(personUrl)
  await enterPhq9(page, '111111110')
  // total 8 → 轻度; the result view draws the trend as soon as there are two PHQ-9 results.
  await expect(page.getByTestId('band')).toContainText('轻度')
  await expect(page.getByTestId('result-trend')).toBeVisible()
  await page.goto(personUrl)
  await page.getByRole('tab', { name: '心理' }).click()
  await expect(page.getByTestId('trend-chart')).toBeVisible()
})

test('a trainer cannot read counselling notes', async ({ page, demoApp }) => {
  await login(page, demoApp, 'xinli', 'Xinli#2026')
  await page.goto(personUrl)
  const personId = personUrl.split('/people/')[1]!.split(/[?#/]/)[0]!
  const created = await invoke(page, 'psych:createSession', {
    kind: 'individual', date: '2026-11-20', durationMinutes: 45, participantIds: [personId], topic: '入所适应',
    note: { presentingIssue: '睡眠差，担心家人', intervention: '认知重构', response: '情绪平稳', riskObserved: null, plan: '一周后复谈' },
  })
  expect(created.error).toBeUndefined()
  const sessionId = (created.value as { id: string }).id

  await page.evaluate(() => sessionStorage.clear())
  await login(page, demoApp, 'kangfu', 'Kangfu#2026')
  await page.goto(personUrl)
  await expect(page.getByTestId('person-name')).toHaveText(personName)
  await expect(page.getByRole('tab', { name: '心理' })).toHaveCount(0)
  await page.goto(demoApp.url.replace(/\/\?token=.*/, `/#/psych/sessions/${sessionId}`))
  await expect(page.getByText('无权访问')).toBeVisible()
  await expect(page.getByText('睡眠差，担心家人')).toHaveCount(0)
  const direct = await invoke(page, 'psych:getSession', { id: sessionId })
  expect(direct.error?.code).toBe('forbidden')
})
