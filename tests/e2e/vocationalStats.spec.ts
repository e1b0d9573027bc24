/**
 * Training statistics and employment support in Chromium: a course seeded through the API (courses-core's methods:
 * enrol five, exams with one failure), the statistics opened, the course's 合格 number clicked and exactly the people
 * who passed listed; then a job fair recorded on screen, a referral through the person picker, an agreement, and the
 * headline count of signed agreements rising by one.
 */
import { apiValue, expect, login, test } from './fixtures'

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const window: { location: { hash: string } }

test('statistics drill down to exactly the people counted; an agreement moves the headline figure', async ({ page, demoApp }) => {
  test.setTimeout(90_000)
  await login(page, demoApp, 'zhineng', 'Zhineng#2026')
  const today = (await apiValue<{ today: string }>(page, 'facility:get', {})).today
  const tradeId = (await apiValue<{ id: string }>(page, 'trades:create', { name: `统计测试工种${Date.now() % 100000}`, code: null })).id
  const courseName = `统计测试班${Date.now() % 100000}`
  const courseId = (
    await apiValue<{ id: string }>(page, 'courses:create', {
      kind: 'vocational', name: courseName, tradeId, level: 5, evaluationBody: '市职业技能鉴定中心', teacher: '陈丽',
      startDate: today, endDate: today, capacity: 30, plannedHours: 40, theoryPassMark: 60, practicalPassMark: 60,
    })
  ).id
  const wards = await apiValue<Array<{ id: string }>>(page, 'wards:list', {})
  const people = (await apiValue<{ rows: Array<{ id: string; name: string }> }>(page, 'people:list', { wardId: wards[0]!.id, stay: 'current', limit: 5, sort: 'name' })).rows
  expect(people).toHaveLength(5)
  await apiValue(page, 'courses:enrol', { courseId, personIds: people.map((p) => p.id), date: today })
  // Four pass, the last fails both parts.
  await apiValue(page, 'courses:recordExams', {
    courseId, examDate: today,
    rows: people.map((p, i) => ({ personId: p.id, theory: i === 4 ? 30 : 80, practical: i === 4 ? 40 : 85 })),
  })

  await page.evaluate(() => (window.location.hash = '#/vocational-stats'))
  const row = page.getByTestId('vstats-row').filter({ hasText: courseName })
  await expect(row).toBeVisible()
  await row.getByTestId('vstats-cell-passed').click()
  const drawer = page.getByTestId('vstats-people')
  await expect(drawer.getByTestId('vstats-person-row')).toHaveCount(4)
  const listed = await drawer.getByTestId('vstats-person-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-person-id')).sort())
  expect(listed).toEqual(people.slice(0, 4).map((p) => p.id).sort())
  await expect(drawer.getByTestId('vstats-people-count')).toHaveText('共 4 人（次）')
  await page.keyboard.press('Escape')
  await row.getByTestId('vstats-cell-failed').click()
  await expect(drawer.getByTestId('vstats-person-row')).toHaveCount(1)
  await expect(drawer.getByTestId('vstats-person-row')).toHaveAttribute('data-person-id', people[4]!.id)
  await page.keyboard.press('Escape')
  const before = Number(await page.getByTestId('vstats-card-agreements-value').innerText())

  // A job fair on screen; a future date is refused at its field.
  await page.evaluate(() => (window.location.hash = '#/employment'))
  await page.getByTestId('new-event').click()
  const dialog = page.getByRole('dialog')
  await dialog.getByTestId('event-employer').fill('示范市某家政服务有限公司')
  await dialog.getByTestId('event-date').fill('2999-01-01')
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(dialog.getByText('日期不能晚于今天')).toBeVisible()
  await dialog.getByTestId('event-date').fill(today)
  await dialog.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('event-page')).toBeVisible()

  // Refer someone with no agreement yet (the demo has some) through the person picker, then record the agreement.
  let chosen = people[0]!
  for (const p of people) {
    const referrals = await apiValue<unknown[]>(page, 'employment:person', { personId: p.id })
    if (referrals.length === 0) {
      chosen = p
      break
    }
  }
  await page.getByTestId('refer-people').click()
  const refer = page.getByRole('dialog')
  await refer.getByLabel('人员').fill(chosen.name)
  await page.getByRole('option', { name: new RegExp(`^${chosen.name}（`) }).first().click()
  await refer.getByRole('button', { name: '推荐' }).click()
  await expect(page.getByTestId('referral-row')).toHaveCount(1)
  await page.getByTestId('record-agreement').click()
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('agreement-signed')).toBeVisible()

  await page.evaluate(() => (window.location.hash = '#/vocational-stats'))
  await expect(page.getByTestId('vstats-card-agreements-value')).toHaveText(String(before + 1))
  await page.getByTestId('vstats-card-agreements').click()
  await expect(page.getByTestId('vstats-people').locator(`[data-person-id="${chosen.id}"]`)).toBeVisible()
})
