import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from './fixtures'

/**
 * Issue 15 end to end: two staff members on two browser contexts, one facility server over HTTPS (`serve --facility`,
 * its own CA). Chromium trusts exactly the server's key (--ignore-certificate-errors-spki-list: the pin the Electron
 * client keeps, as a browser flag), not every certificate. A counsellor's assessment appears on the ward officer's ward
 * screen without a reload; two edits of the same file: the second gets "changed by … at …" and keeps what was typed.
 */
test.describe.configure({ mode: 'serial' })

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const document: { cookie: string }
declare const sessionStorage: Record<string, string>

const ROOT = resolve(import.meta.dirname, '../..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const CLI = join(ROOT, 'electron', 'core', 'cli', 'index.ts')

let dir = ''
let server: ChildProcess | null = null
let origin = ''
let browser: Browser

/** The base64 SHA-256 of the certificate's public key (SPKI), what Chromium's pin flag takes. */
function spkiPin(pem: string): string {
  const der = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(der).digest('base64')
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xinsheng-facility-e2e-'))
  const dbFile = join(dir, 'facility.db')
  const demo = spawnSync(TSX, [CLI, 'demo', '--db', dbFile, '--people', '120'], { cwd: ROOT, encoding: 'utf8' })
  if (demo.status !== 0) throw new Error(`demo failed: ${demo.stdout} ${demo.stderr}`)
  const port = 21_000 + Math.floor(Math.random() * 20_000)
  server = spawn(TSX, [CLI, 'serve', '--facility', '--db', dbFile, '--listen', `127.0.0.1:${port}`, '--tls-dir', join(dir, 'tls'), '--no-open'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  await new Promise<void>((resolveStart, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`facility server did not start: ${output}`)), 60_000)
    const seen = (chunk: Buffer) => {
      output += chunk.toString()
      if (/fingerprint|指纹/i.test(output)) {
        clearTimeout(timer)
        resolveStart()
      }
    }
    server!.stdout!.on('data', seen)
    server!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    server!.on('exit', (code) => reject(new Error(`facility server exited with ${code}: ${output}`)))
  })
  origin = `https://127.0.0.1:${port}`
  const pin = spkiPin(readFileSync(join(dir, 'tls', 'server.crt'), 'utf8'))
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', `--ignore-certificate-errors-spki-list=${pin}`],
  })
})

test.afterAll(async () => {
  await browser?.close()
  server?.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
})

async function signedIn(username: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${origin}/`)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('user-menu')).toBeVisible()
  return { context, page }
}

test('the session lives in an HttpOnly, Secure cookie the page cannot read', async () => {
  const { context, page } = await signedIn('minjing', 'Minjing#2026')
  const cookies = await context.cookies()
  const session = cookies.find((c) => c.name.includes('xs_session'))
  expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' })
  expect(await page.evaluate(() => document.cookie)).not.toContain('xs_session')
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(session!.value)
  await context.close()
})

test('a counsellor’s assessment appears on the ward officer’s ward screen without a reload', async () => {
  const officer = await signedIn('minjing', 'Minjing#2026')
  const counsellor = await signedIn('xinli', 'Xinli#2026')

  // The counsellor picks the first resident of 一大队 (the officer's ward).
  await counsellor.page.getByText('一大队').first().click()
  const firstRow = counsellor.page.getByTestId('people-table').getByRole('row').nth(1)
  const personName = (await firstRow.getByRole('cell').first().innerText()).trim()
  await firstRow.click()
  await expect(counsellor.page.getByTestId('person-name')).toHaveText(personName)

  // The officer watches the ward's psychology screen (no task for that person yet).
  await officer.page.getByRole('link', { name: '大队', exact: true }).click()
  await officer.page.getByTestId('ward-psych-link').first().click()
  await expect(officer.page.getByTestId('psych-tasks')).toBeVisible()
  await expect(officer.page.getByTestId('psych-tasks')).not.toContainText(personName)
  const officerUrl = officer.page.url()

  // PHQ-9 with item 9 > 0 raises a follow-up task for the person.
  await counsellor.page.getByRole('tab', { name: '心理' }).click()
  await counsellor.page.getByRole('button', { name: '新建测评' }).click()
  await counsellor.page.getByTestId('instrument-select').click()
  await counsellor.page.getByRole('option', { name: /PHQ-9/ }).click()
  await expect(counsellor.page.getByTestId('item-1')).toHaveAttribute('aria-current', 'true')
  await counsellor.page.keyboard.type('000000001')
  await counsellor.page.getByRole('button', { name: '保存测评' }).click()
  await expect(counsellor.page.getByTestId('band')).toBeVisible()

  await expect(officer.page.getByTestId('psych-tasks')).toContainText(personName, { timeout: 10_000 })
  expect(officer.page.url()).toBe(officerUrl)
  await officer.context.close()
  await counsellor.context.close()
})

test('two staff edit the same file: the second save is refused with who and when, and keeps what was typed', async () => {
  const admin = await signedIn('admin', 'Admin#2026')
  const officer = await signedIn('minjing', 'Minjing#2026')
  await admin.page.getByText('一大队').first().click()
  await admin.page.getByTestId('people-table').getByRole('row').nth(2).click()
  await expect(admin.page.getByTestId('person-name')).toBeVisible()
  const editUrl = `${admin.page.url()}/edit`
  for (const { page } of [admin, officer]) {
    await page.goto(editUrl)
    await expect(page.getByLabel('联系电话')).toBeVisible()
  }
  await officer.page.getByLabel('联系电话').fill('13800000001')
  await officer.page.getByRole('button', { name: '保存' }).click()
  await expect(officer.page).toHaveURL(/\/people\/[0-9a-f-]+$/)
  await admin.page.getByLabel('联系电话').fill('13900000002')
  await admin.page.getByRole('button', { name: '保存' }).click()
  const conflict = admin.page.getByTestId('save-conflict')
  await expect(conflict).toContainText('刘伟')
  await expect(conflict).toContainText(/\d{2}:\d{2}/)
  await expect(admin.page.getByLabel('联系电话')).toHaveValue('13900000002')
  await admin.context.close()
  await officer.context.close()
})
