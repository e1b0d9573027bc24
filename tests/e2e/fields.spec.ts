import type { Page } from '@playwright/test'
import { apiCall, expect, login, test } from './fixtures'

/**
 * Issue 8 field rules end to end: a number out of range stays as typed and is refused with a message that states the
 * limit, whether the form is submitted by the button or by Enter, and nothing is saved (client and server alike).
 */
test.describe.configure({ mode: 'serial' })


const invoke = apiCall

async function openFirstPerson(page: Page): Promise<string> {
  await page.getByText('一大队').first().click()
  await page.getByTestId('people-table').getByRole('row').nth(1).click()
  await expect(page.getByTestId('person-name')).toBeVisible()
  return page.url().split('/people/')[1]!.split(/[?#/]/)[0]!
}

const termEvents = async (page: Page, id: string) =>
  ((await invoke(page, 'people:get', { id })).value as { termEvents: unknown[] }).termEvents.length

test('登记延长: 13 months stays 13, is refused with the limit on click and on Enter, and nothing is saved', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const personId = await openFirstPerson(page)
  await page.getByRole('tab', { name: '期限' }).click()
  const before = await termEvents(page, personId)
  const rows = page.getByTestId('term-events').locator('tbody tr')
  const rowsBefore = await rows.count()

  await page.getByRole('button', { name: '登记延长' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('延长月数').fill('13')
  await dialog.getByLabel('延长期限决定书文号').fill('延字〔2026〕99号')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.getByText('延长期限为 1–12 个月')).toBeVisible()
  await expect(dialog.getByLabel('延长月数')).toHaveValue('13')

  await dialog.getByLabel('延长期限决定书文号').press('Enter')
  await expect(dialog.getByText('延长期限为 1–12 个月')).toBeVisible()
  await expect(dialog.getByLabel('延长月数')).toHaveValue('13')
  await expect(dialog).toBeVisible()

  expect(await termEvents(page, personId)).toBe(before)
  await dialog.getByRole('button', { name: '取消' }).click()
  await expect(dialog).toBeHidden()
  await expect(rows).toHaveCount(rowsBefore)

  // The server refuses it too, with the same message key and its limits.
  const direct = await invoke(page, 'people:addTermEvent', { id: personId, kind: 'extension', months: 13, docNo: '延字〔2026〕99号' })
  expect(direct.error?.code).toBe('invalid_input')
  expect(direct.error?.fields?.months).toBe('term.extension_range|{"min":1,"max":12}')
  expect(await termEvents(page, personId)).toBe(before)
})

test('a counselling record of 600 minutes is refused with the limit, not saved as 480', async ({ page, demoApp }) => {
  await login(page, demoApp, 'xinli', 'Xinli#2026')
  const personId = await openFirstPerson(page)
  const sessions = async () => ((await invoke(page, 'psych:sessions', { personId })).value as unknown[]).length
  const before = await sessions()
  await page.getByRole('tab', { name: '心理' }).click()
  await page.getByRole('button', { name: '新建咨询记录' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('主题').fill('入所适应')
  await dialog.getByLabel('主诉/问题').fill('睡眠差')
  await dialog.getByLabel('干预措施').fill('放松训练')
  await dialog.getByLabel('反应', { exact: true }).fill('配合')
  await dialog.getByLabel('时长').fill('600')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.getByText('应为 5–480 分钟')).toBeVisible()
  await expect(dialog.getByLabel('时长')).toHaveValue('600')
  await dialog.getByLabel('主题').press('Enter')
  await expect(dialog.getByText('应为 5–480 分钟')).toBeVisible()
  expect(await sessions()).toBe(before)

  const direct = await invoke(page, 'psych:createSession', {
    kind: 'individual', date: '2026-11-20', durationMinutes: 600, participantIds: [personId], topic: '入所适应',
    note: { presentingIssue: '睡眠差', intervention: '放松训练', response: '配合', riskObserved: null, plan: null },
  })
  expect(direct.error?.fields?.durationMinutes).toBe('v.range_minutes|{"min":5,"max":480}')
  expect(await sessions()).toBe(before)
})

test('batch entry: after three saves the toasts (two at most) cover neither 保存测评 nor 跳过', async ({ page, demoApp }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await login(page, demoApp, 'xinli', 'Xinli#2026')
  await page.getByRole('link', { name: '大队', exact: true }).click()
  await page.getByTestId('ward-psych-link').first().click()
  await page.getByTestId('batch-entry').click()
  await page.getByTestId('instrument-select').click()
  await page.getByRole('option', { name: /PHQ-9/ }).click()
  await page.getByTestId('batch-start').click()
  for (let i = 0; i < 3; i++) {
    await expect(page.getByTestId('answer-progress')).toContainText('0 / 9')
    await expect(page.getByTestId('item-1')).toHaveAttribute('aria-current', 'true')
    await page.keyboard.type('111111110')
    await expect(page.getByTestId('answer-progress')).toContainText('9 / 9')
    await page.getByRole('button', { name: '保存测评' }).click()
  }
  const toasts = page.locator('.mantine-Notification-root')
  await expect(toasts.filter({ hasText: '已保存' }).first()).toBeVisible()
  const boxes = await toasts.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }))
  expect(boxes.length).toBeLessThanOrEqual(2)
  for (const name of ['保存测评', '跳过']) {
    const button = (await page.getByRole('button', { name }).boundingBox())!
    for (const t of boxes) {
      const apart = t.x + t.width <= button.x || button.x + button.width <= t.x || t.y + t.height <= button.y || button.y + button.height <= t.y
      expect(apart, `a toast covers ${name}`).toBe(true)
    }
  }
})
