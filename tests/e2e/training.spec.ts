import type { Page } from '@playwright/test'
import { apiValue, expect, login, test } from './fixtures'

/**
 * Exercise training (运动戒毒) end to end on a demo facility, as a trainer: create a training group, add members, record
 * a session by keyboard with everyone present but one person absent (病假/就医), and find it in that person's file.
 * Screenshots (zh-CN) go to TRAINING_SCREENSHOTS when set.
 */
test.describe.configure({ mode: 'serial' })

declare const window: { location: { hash: string } }

async function go(page: Page, path: string) {
  await page.evaluate((p) => (window.location.hash = `#${p}`), path)
}

const shot = async (page: Page, name: string) => {
  if (process.env.TRAINING_SCREENSHOTS) await page.screenshot({ path: `${process.env.TRAINING_SCREENSHOTS}/${name}.png`, fullPage: true })
}

test('a trainer creates a group, records a session with one absence by keyboard, and sees it in the person file', async ({ page, demoApp }) => {
  await login(page, demoApp, 'kangfu', 'Kangfu#2026')
  const wards = await apiValue<Array<{ id: string; name: string }>>(page, 'wards:list', {})
  const wardId = wards[0]!.id
  const people = (await apiValue<{ rows: Array<{ id: string; name: string }> }>(page, 'people:list', { wardId, stay: 'current', limit: 4, sort: 'name' })).rows
  expect(people.length).toBe(4)

  await go(page, `/training?ward=${wardId}`)
  await expect(page.getByText('本大队还没有训练组')).toBeVisible()
  await page.getByTestId('new-group').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('组名').fill('晨练一组')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('group-title')).toHaveText('晨练一组')

  // One member by the form, the others through the API (the same call).
  await page.getByTestId('add-member').click()
  const add = page.getByRole('dialog')
  await add.getByLabel('人员').fill(people[0]!.name)
  await page.getByRole('option', { name: new RegExp(`^${people[0]!.name}（`) }).first().click()
  await add.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('member-row')).toHaveCount(1)
  const groupId = new URLSearchParams((await page.evaluate(() => window.location.hash)).split('?')[1]).get('group')!
  const today = (await apiValue<{ today: string }>(page, 'facility:get', {})).today
  for (const p of people.slice(1)) await apiValue(page, 'training:addMember', { wardId, groupId, personId: p.id, joinedOn: today })

  await page.getByRole('tab', { name: '记录训练' }).click()
  const form = page.getByTestId('record-session')
  await expect(form.getByTestId('attendance-row')).toHaveCount(4)
  await expect(form.getByTestId('attendance-summary')).toHaveText('应到 4 人，出勤 4 人，缺勤 0 人')
  await form.getByLabel('训练内容').fill('慢跑 3 公里 + 拉伸')
  await shot(page, 'training-record-all-present')

  // Keyboard only from here: into the list, down to the second person, 1 = 病假/就医, Enter saves.
  const absentName = (await form.getByTestId('attendance-row').nth(1).getAttribute('data-person'))!
  await form.getByTestId('attendance-list').focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('1')
  await expect(form.getByTestId('attendance-summary')).toHaveText('应到 4 人，出勤 3 人，缺勤 1 人')
  await expect(form.getByTestId('attendance-row').nth(1)).toHaveAttribute('data-present', 'false')
  await shot(page, 'training-record-one-absent')
  await page.keyboard.press('Enter')
  await expect(page.getByText('训练记录已保存')).toBeVisible()

  await page.getByRole('tab', { name: '训练记录' }).click()
  const row = page.getByTestId('session-row').first()
  await expect(row).toContainText('慢跑 3 公里 + 拉伸')
  await expect(row).toContainText('3 / 1')
  await shot(page, 'training-sessions')

  // A wrong value is refused on its field, with its limit, and nothing is saved.
  await page.getByRole('tab', { name: '记录训练' }).click()
  await form.getByLabel('训练内容').fill('力量')
  await form.getByLabel('时长').fill('500')
  await form.getByLabel('训练内容').press('Enter')
  await expect(form.getByText('应为 10–240 分钟')).toBeVisible()

  const absentee = people.find((p) => p.name === absentName)!
  await go(page, `/people/${absentee.id}?tab=training`)
  const tab = page.getByTestId('training-tab')
  await expect(tab.getByTestId('training-attendance')).toContainText('缺勤 1 次')
  await expect(tab.getByTestId('training-recent').first()).toContainText('病假/就医')

  // The intensity group, set from the person file, with its history.
  await tab.getByTestId('set-intensity').click()
  const set = page.getByRole('dialog')
  await set.getByLabel('强度分组').click()
  await page.getByRole('option', { name: /低强度/ }).click()
  await set.getByRole('button', { name: '保存' }).click()
  await expect(tab).toContainText('低强度')
  await shot(page, 'training-person-file')
})

test('an administrator keeps the intensity groups: a duplicate key is refused on its field, a new group is saved', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  await go(page, '/settings')
  const card = page.getByTestId('intensity-settings')
  await expect(card.getByLabel('编码')).toHaveCount(3)
  await card.getByRole('button', { name: '添加分组' }).click()
  await card.getByLabel('编码').nth(3).fill('low')
  await card.getByLabel('名称').nth(3).fill('康复组')
  await card.getByRole('button', { name: '保存' }).click()
  await expect(card.getByText('编码重复')).toBeVisible()
  await card.getByLabel('编码').nth(3).fill('rehab')
  await card.getByLabel('说明').nth(3).fill('术后或慢病人员')
  await card.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('训练强度分组已保存')).toBeVisible()
  await card.scrollIntoViewIfNeeded()
  await shot(page, 'training-settings')
  const settings = await apiValue<{ intensityGroups: Array<{ key: string }> }>(page, 'training:settings', {})
  expect(settings.intensityGroups.map((g) => g.key)).toEqual(['low', 'medium', 'high', 'rehab'])
})
