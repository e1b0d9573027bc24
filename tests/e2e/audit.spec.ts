import { apiCall, apiValue, expect, login, test } from './fixtures'

/**
 * Issue 8 items 9 and 10 end to end on a demo facility: the administrator filters the audit log by a person and reads
 * rows in words with the person's name (repeated views collapsed with a count); the login page states the lock rule;
 * a locked account shows as locked on the staff page and is unlocked there.
 */
test.describe.configure({ mode: 'serial' })


const invoke = apiCall

test('the administrator filters the log by a person and sees readable rows with the name', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  // A file no earlier spec on this demo facility has touched: the counts below are this test's own rows.
  const list = await apiValue<{ rows: Array<{ id: string; name: string; idTail: string }> }>(page, 'people:list', { limit: 60 })
  let person: (typeof list.rows)[number] | undefined
  for (const row of list.rows) {
    if ((await apiValue<unknown[]>(page, 'people:auditTrail', { id: row.id })).length === 0) {
      person = row
      break
    }
  }
  if (!person) throw new Error('no untouched file among the first 60')
  // four views of the file within minutes: one row "查看 ×4" (each view is still its own row in the chain)
  for (let i = 0; i < 3; i++) expect((await invoke(page, 'people:get', { id: person.id })).ok).toBe(true)
  // and one change (the demo writes its files outside the API, so they have no log rows of their own)
  const file = await apiValue<{ revision: number; identity: Record<string, unknown> }>(page, 'people:get', { id: person.id })
  const update = { id: person.id, revision: file.revision, ...file.identity, emergencyContactPhone: '13912345678' }
  expect((await invoke(page, 'people:update', update)).ok).toBe(true)

  await page.getByRole('link', { name: '审计日志' }).click()
  await expect(page.getByTestId('audit-table')).toBeVisible()
  await page.getByLabel('按人员筛选').fill(person.name)
  await page.getByRole('option', { name: new RegExp(`\\*{4}${person.idTail}`) }).click()

  const rows = page.getByTestId('audit-row')
  await expect(rows.first().getByRole('link', { name: person.name })).toBeVisible()
  const count = await rows.count()
  // the change, and the four views in one row (two if the views straddle a 10-minute window boundary)
  expect(count).toBeGreaterThanOrEqual(2)
  expect(count).toBeLessThanOrEqual(3)
  for (let i = 0; i < count; i++) await expect(rows.nth(i).getByRole('link', { name: person.name })).toBeVisible()
  await expect(page.getByTestId('audit-read-count').first()).toHaveText(count === 2 ? '查看 ×4' : /^查看 ×[23]$/)
  await expect(rows.first()).toContainText('修改了：联系电话')
  // no raw ids or JSON by default
  await expect(page.getByTestId('audit-table')).not.toContainText(person.id)
  await expect(page.getByTestId('audit-table')).not.toContainText('{"')

  // the name links to the file
  await rows.first().getByRole('link', { name: person.name }).click()
  await expect(page.getByTestId('person-name')).toHaveText(person.name)
})

test('the login page states the lock rule; a locked account shows its lock and is unlocked by the administrator', async ({ page, demoApp }) => {
  await page.goto(demoApp.url)
  await expect(page.getByTestId('login-lock-rule')).toHaveText('连续 5 次登录失败，账户将被锁定 10 分钟')
  for (let i = 0; i < 5; i++) await invoke(page, 'auth:login', { username: 'kangfu', password: 'wrong-password' })

  await login(page, demoApp, 'admin', 'Admin#2026')
  await page.getByRole('link', { name: '工作人员' }).click()
  const row = page.getByTestId('staff-table').getByRole('row').filter({ hasText: 'kangfu' })
  await expect(row.getByTestId('staff-locked')).toContainText(/已锁定，至 \d{2}:\d{2}/)
  await row.getByRole('button', { name: '解除锁定' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '解除锁定' }).click()
  await expect(row.getByTestId('staff-locked')).toHaveCount(0)
  await expect(row).toContainText('启用')
})
