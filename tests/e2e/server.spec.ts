import type { Browser, Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { apiValue, expect, login, test, type RunningApp } from './fixtures'

/**
 * Issue 15, the renderer side, in browser mode on a demo facility: the administrator's 服务器与会话 screen (own
 * session, a colleague's session appearing and ended, after which the colleague's window returns to sign-in and says
 * why); live updates between two windows (a roster grows when another desk admits someone, without reload); a save that
 * cannot reach the server (the banner, the form kept, the draft offered again after a reload and restored); and a stale
 * edit (who and when, every typed value kept, the latest content loaded only on request). Screenshots of the screen
 * and the banner go to /tmp/h3-shots/.
 */
test.describe.configure({ mode: 'serial' })

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const window: { location: { hash: string } }

const SHOTS = '/tmp/h3-shots'
mkdirSync(SHOTS, { recursive: true })

async function go(page: Page, path: string) {
  await page.evaluate((p) => (window.location.hash = `#${p}`), path)
}

/** A second window in its own browser context (its own cookies and session), signed in as another staff member. */
async function otherDesk(browser: Browser, app: RunningApp, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await login(page, app, username, password)
  return page
}

/** A valid 18-digit ID number (ISO 7064 MOD 11-2 check digit) born on 1991-05-`day`, sequence `seq`. */
function idNumber(day: number, seq: number): string {
  const body = `110101199105${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0)
  return body + '10X98765432'[sum % 11]!
}

async function wardOne(page: Page): Promise<string> {
  const wards = await apiValue<Array<{ id: string; name: string }>>(page, 'wards:list', {})
  return wards.find((w) => w.name === '一大队')!.id
}

async function firstPersonOf(page: Page, wardId: string): Promise<{ id: string; name: string }> {
  const list = await apiValue<{ rows: Array<{ id: string; name: string }> }>(page, 'people:list', { wardId, limit: 3 })
  return list.rows[0]!
}

test('the server screen shows this session; a colleague signed in elsewhere appears, and ending it returns him to sign-in', async ({ page, browser, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  await page.getByRole('link', { name: '服务器与会话' }).click()
  await expect(page.getByRole('heading', { name: '服务器与会话' })).toBeVisible()
  await expect(page.getByTestId('server-mode-badge')).toHaveText('单机')
  await expect(page.getByTestId('server-db-size')).toContainText(/\d+(\.\d)? (B|KB|MB|GB)/)
  const own = page.getByTestId('session-row').filter({ has: page.getByTestId('session-current') })
  await expect(own).toHaveCount(1)
  await expect(own).toContainText('王建国')
  await expect(own).toContainText('管理员')
  await expect(own.getByTestId('session-end')).toHaveCount(0)
  await expect(page.getByTestId('server-limits').getByTestId('limits-idle')).toHaveValue('30')

  // The limits are checked with the limits stated; nothing is saved.
  await page.getByTestId('limits-idle').fill('2')
  await page.getByTestId('limits-save').click()
  await expect(page.getByTestId('server-limits')).toContainText('5')
  await expect(page.getByTestId('server-limits')).toContainText('1440')

  // Other spec files share this server: 刘伟 may already have sessions from them.
  const rows = page.getByTestId('session-row').filter({ hasText: '刘伟' })
  const before = await rows.count()
  const officer = await otherDesk(browser, demoApp, 'minjing', 'Minjing#2026')
  try {
    // The screen refreshes every 15 s; a reload shows the new session at once.
    await page.reload()
    await expect(rows).toHaveCount(before + 1)
    await expect(rows.first()).toContainText('大队民警')
    await page.screenshot({ path: `${SHOTS}/server-screen.png`, fullPage: true })

    await rows.first().getByTestId('session-end').click()
    await expect(page.getByText(`已结束 ${before + 1} 个会话`)).toBeVisible()
    await expect(rows).toHaveCount(0)

    // The colleague's next action finds the session gone: back to sign-in, told why.
    await officer.getByRole('link', { name: '人员档案' }).first().click()
    await expect(officer.getByRole('button', { name: '登录' })).toBeVisible({ timeout: 10_000 })
    await expect(officer.getByTestId('session-ended')).toHaveText('会话已结束，请重新登录')
    // Signing in again works and the message goes.
    await officer.getByLabel('用户名').fill('minjing')
    await officer.getByLabel('密码').fill('Minjing#2026')
    await officer.getByRole('button', { name: '登录' }).click()
    await expect(officer.getByTestId('user-menu')).toBeVisible()
  } finally {
    await officer.context().close()
  }
})

test('a roster open on one desk grows when another desk admits someone, without a reload', async ({ page, browser, demoApp }) => {
  const officer = await otherDesk(browser, demoApp, 'minjing', 'Minjing#2026')
  try {
    const ward = await wardOne(officer)
    await go(officer, `/wards/${ward}`)
    const total = officer.getByTestId('people-total')
    await expect(total).toBeVisible()
    const before = await total.textContent()

    await login(page, demoApp, 'admin', 'Admin#2026')
    await apiValue(page, 'people:create', {
      name: '实时更新', sex: 'M', ethnicity: '汉族', birthDate: '1991-05-12', idNumber: idNumber(12, 31),
      householdAddress: '北京市东城区人民路2号', decisionOrgan: '北京市公安局东城分局', decisionDocNo: '东公（禁）决字〔2026〕15号',
      decisionDate: '2026-01-05', admissionDate: '2026-01-05', wardId: ward,
    })
    // Announced by the server, refreshed by the officer's window: bounded wait, no reload.
    await expect(total).not.toHaveText(before ?? '', { timeout: 10_000 })
    const count = (text: string | null) => Number(/\d+/.exec(text ?? '')?.[0] ?? Number.NaN)
    expect(count(await total.textContent())).toBe(count(before) + 1)
  } finally {
    await officer.context().close()
  }
})

test('a save that cannot reach the server: banner, form kept, draft offered after a reload and restored', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const person = await firstPersonOf(page, await wardOne(page))
  await go(page, `/people/${person.id}/edit`)
  const address = page.getByLabel('户籍地址')
  await expect(address).not.toHaveValue('')
  const original = await address.inputValue()
  const typed = `${original}（草稿测试）`
  await address.fill(typed)
  await page.getByLabel('紧急联系人', { exact: true }).fill('王草稿')

  // The server is gone for this window: every call fails at the network level.
  await page.route('**/api/invoke', (route) => route.abort('connectionrefused'))
  await page.getByRole('button', { name: '保存' }).click()
  const banner = page.getByTestId('connection-lost')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('无法连接服务器，正在重试…（您填写的内容已保留在本机）')
  await expect(page.getByTestId('save-offline')).toBeVisible()
  await expect(address).toHaveValue(typed)
  await expect(page.getByTestId('connection-next')).toContainText(/下次重试|正在检查连接/)
  await page.screenshot({ path: `${SHOTS}/offline-banner.png` })

  // Back: the banner says so, then goes.
  await page.unroute('**/api/invoke')
  await expect(page.getByTestId('connection-back')).toHaveText('已重新连接', { timeout: 10_000 })
  await expect(page.getByTestId('connection-back')).toBeHidden({ timeout: 10_000 })

  // A reload shows the stored file, and offers the draft.
  await page.reload()
  await expect(page.getByTestId('draft-offer')).toContainText(/有未保存的草稿（保存于 \d{2}:\d{2}）/)
  await expect(address).toHaveValue(original)
  await page.getByTestId('draft-restore').click()
  await expect(address).toHaveValue(typed)
  await expect(page.getByLabel('紧急联系人', { exact: true })).toHaveValue('王草稿')
  await expect(page.getByTestId('draft-offer')).toHaveCount(0)

  // Saved now: the draft is gone.
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page).toHaveURL(new RegExp(`/people/${person.id}$`))
  await go(page, `/people/${person.id}/edit`)
  await expect(address).toHaveValue(typed)
  await expect(page.getByTestId('draft-offer')).toHaveCount(0)
})

test('two desks edit the same file: the second save names who changed it and keeps what was typed; reload on request', async ({ page, browser, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const ward = await wardOne(page)
  const person = await firstPersonOf(page, ward)
  const officer = await otherDesk(browser, demoApp, 'minjing', 'Minjing#2026')
  try {
    await go(page, `/people/${person.id}/edit`)
    await go(officer, `/people/${person.id}/edit`)
    await expect(page.getByLabel('联系电话')).toBeVisible()
    await expect(officer.getByLabel('联系电话')).toBeVisible()

    await officer.getByLabel('联系电话').fill('13800000001')
    await officer.getByRole('button', { name: '保存' }).click()
    await expect(officer).toHaveURL(new RegExp(`/people/${person.id}$`))

    // The administrator's form was opened before: it stays as typed (the live refresh does not reset it).
    await page.getByLabel('联系电话').fill('13900000002')
    await page.getByRole('button', { name: '保存' }).click()
    const conflict = page.getByTestId('save-conflict')
    await expect(conflict).toBeVisible()
    await expect(conflict).toContainText('刘伟')
    await expect(conflict).toContainText(/\d{2}:\d{2}/)
    await expect(page.getByLabel('联系电话')).toHaveValue('13900000002')
    await page.screenshot({ path: `${SHOTS}/conflict.png`, fullPage: true })

    await conflict.getByTestId('conflict-reload').click()
    await expect(page.getByLabel('联系电话')).toHaveValue('13800000001')
    await expect(page.getByTestId('save-conflict')).toHaveCount(0)
  } finally {
    await officer.context().close()
  }
})
