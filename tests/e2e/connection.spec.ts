import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import type { ConnectionState } from '../../electron/shared/connection'
import { expect, login, test } from './fixtures'

/**
 * The Electron app's connection choice (issue 15), driven in browser mode: a fake `window.xinsheng` with the host API
 * only (no invoke, so every API call still goes over HTTP to the test server, as a connected workstation's would) says
 * what the main process would, and records what the page asks of it.
 */
const FP = 'A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00'
const SHOTS = '/tmp/h4-shots'

interface Fake {
  state: ConnectionState
  /** Probe answers by canonical URL; any other URL is unreachable. */
  probes: Record<string, { fingerprint: string; subject: string; validTo: string }>
}

async function withFakeHost(page: Page, fake: Fake) {
  await page.addInitScript((config: Fake) => {
    const calls: { probe: string[]; choose: unknown[] } = { probe: [], choose: [] }
    ;(globalThis as unknown as { __hostCalls: typeof calls }).__hostCalls = calls
    const notHere = () => Promise.reject(new Error('not in this test'))
    ;(globalThis as unknown as { xinsheng: unknown }).xinsheng = {
      host: {
        openFile: notHere,
        saveFile: notHere,
        printToPdf: notHere,
        relaunch: notHere,
        connection: () => Promise.resolve(config.state),
        probeServer: (url: string) => {
          calls.probe.push(url)
          const found = config.probes[url]
          return Promise.resolve(found ? { ok: true, ...found } : { ok: false, reason: 'unreachable', detail: 'ECONNREFUSED' })
        },
        chooseConnection: (choice: unknown) => {
          calls.choose.push(choice)
          return Promise.resolve()
        },
      },
    }
  }, fake)
}

const hostCalls = (page: Page) => page.evaluate(() => (globalThis as unknown as { __hostCalls: { probe: string[]; choose: unknown[] } }).__hostCalls)

const FIRST_RUN: Fake = {
  state: { choice: null, firstRun: true, localNames: ['ws-01', '192.168.1.20'] },
  probes: { 'https://192.168.1.10:8443': { fingerprint: FP, subject: 'CN=新生机构服务器', validTo: '2036-11-23T00:00:00.000Z' } },
}

test('a first run shows the three ways before set-up, each explained', async ({ page, freshApp }) => {
  mkdirSync(SHOTS, { recursive: true })
  await withFakeHost(page, FIRST_RUN)
  await page.goto(freshApp.url)
  await expect(page.getByRole('heading', { name: '选择本工作站的使用方式' })).toBeVisible()
  await expect(page.getByTestId('choice-embedded')).toContainText('仅本机使用')
  await expect(page.getByTestId('choice-embedded')).toContainText('数据保存在这台电脑')
  await expect(page.getByTestId('choice-host')).toContainText('作为机构服务器')
  await expect(page.getByTestId('choice-host')).toContainText('本机保存全所数据，其他工作站连接到这里')
  await expect(page.getByTestId('choice-connect')).toContainText('连接到机构服务器')
  // Set-up waits behind the choice.
  await expect(page.getByText('欢迎使用「新生」')).toHaveCount(0)
  // This computer's names are offered for the certificate.
  await expect(page.getByLabel('其他工作站访问本机用的名称或 IP')).toHaveValue('ws-01, 192.168.1.20')
  await page.screenshot({ path: `${SHOTS}/first-run.png`, fullPage: true })

  await page.getByTestId('choice-embedded').getByRole('button', { name: '仅本机使用' }).click()
  await expect(page.getByTestId('choose-saving')).toContainText('正在保存并重新启动')
  expect((await hostCalls(page)).choose).toEqual([{ mode: 'embedded' }])
})

test('hosting: a bad address or name is refused on its field with the limit, a good one is chosen', async ({ page, freshApp }) => {
  await withFakeHost(page, FIRST_RUN)
  await page.goto(freshApp.url)
  const card = page.getByTestId('choice-host')
  const listen = card.getByLabel('监听地址')
  const names = card.getByLabel('其他工作站访问本机用的名称或 IP')
  const submit = card.getByRole('button', { name: '作为机构服务器' })

  await listen.fill('192.168.1.10')
  await submit.click()
  await expect(card).toContainText('请写出端口，例如 192.168.1.10:8443')
  await listen.fill('192.168.1.10:70000')
  await submit.click()
  await expect(card).toContainText('端口应为 1–65535 的整数')
  await listen.fill('999.1.1.1:8443')
  await submit.click()
  await expect(card).toContainText('地址应为 主机名或 IP 地址加端口')
  await listen.fill('0.0.0.0:8443')
  await names.fill('server.local, bad_name')
  await submit.click()
  await expect(card).toContainText('bad_name：名称应为主机名或 IP 地址（不带端口）')
  await names.fill('')
  await submit.click()
  await expect(card).toContainText('至少填写一个其他工作站用来访问本机的名称或 IP 地址')
  expect((await hostCalls(page)).choose).toEqual([])

  await names.fill('192.168.1.10，server.local')
  await submit.click()
  await expect(page.getByTestId('choose-saving')).toBeVisible()
  expect((await hostCalls(page)).choose).toEqual([{ mode: 'host', listen: '0.0.0.0:8443', names: ['192.168.1.10', 'server.local'] }])
})

test('connecting: probe, compare the fingerprint, confirm; the pinned fingerprint is what is chosen', async ({ page, freshApp }) => {
  await withFakeHost(page, FIRST_RUN)
  await page.goto(freshApp.url)
  const card = page.getByTestId('choice-connect')
  const address = card.getByLabel('服务器地址')
  const probe = card.getByRole('button', { name: '探测' })

  // Field errors first: nothing is probed.
  await probe.click()
  await expect(card).toContainText('必填')
  await address.fill('http://192.168.1.10:8443')
  await probe.click()
  await expect(card).toContainText('只能使用 https:// 加密连接')
  await address.fill('https://192.168.1.10:8443/api')
  await probe.click()
  await expect(card).toContainText('不要带路径')
  await address.fill('192.168.1.10')
  await probe.click()
  await expect(card).toContainText('请写出端口')
  expect((await hostCalls(page)).probe).toEqual([])

  // A server that does not answer.
  await address.fill('10.0.0.1:8443')
  await probe.click()
  await expect(page.getByTestId('probe-failure')).toContainText('无法连接到该地址')

  // The real one: its fingerprint in 16 groups, to compare; cancelling chooses nothing.
  await address.fill('192.168.1.10:8443')
  await probe.click()
  const result = page.getByTestId('probe-result')
  await expect(result).toBeVisible()
  await expect(result).toContainText('https://192.168.1.10:8443')
  const groups = page.getByTestId('probe-fingerprint').locator('p')
  await expect(groups).toHaveCount(16)
  await expect(groups.first()).toHaveText('A1B2')
  await expect(groups.last()).toHaveText('FF00')
  await expect(result).toContainText('CN=新生机构服务器')
  await expect(result).toContainText('2036-11-23')
  await expect(result).toContainText('逐组核对')
  await page.screenshot({ path: `${SHOTS}/probe-fingerprint.png`, fullPage: true, animations: 'disabled' })
  await result.getByRole('button', { name: '取消' }).click()
  await expect(result).toHaveCount(0)
  expect((await hostCalls(page)).choose).toEqual([])

  await probe.click()
  await page.getByRole('button', { name: '确认指纹并连接' }).click()
  await expect(page.getByTestId('choose-saving')).toBeVisible()
  const calls = await hostCalls(page)
  expect(calls.probe).toEqual(['https://10.0.0.1:8443', 'https://192.168.1.10:8443', 'https://192.168.1.10:8443'])
  expect(calls.choose).toHaveLength(1)
  expect(calls.choose[0]).toMatchObject({ mode: 'connect', url: 'https://192.168.1.10:8443', fingerprint: FP })
  expect((calls.choose[0] as { confirmedAt: string }).confirmedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
})

test('a changed server certificate brings the choice back with both fingerprints', async ({ page, freshApp }) => {
  const presented = FP.split(':').reverse().join(':')
  await withFakeHost(page, {
    ...FIRST_RUN,
    state: {
      ...FIRST_RUN.state,
      refused: { kind: 'fingerprint-changed', url: 'https://192.168.1.10:8443', expected: FP, presented },
    },
  })
  await page.goto(freshApp.url)
  const refused = page.getByTestId('connection-refused')
  await expect(refused).toContainText('服务器证书已改变，可能有人冒充服务器，已拒绝连接')
  await expect(refused).toContainText('A1B2 C3D4')
  await expect(refused).toContainText('00FF EEDD')
  await page.screenshot({ path: `${SHOTS}/refused.png`, fullPage: true })
})

test('once chosen, set-up follows; browser mode never shows the choice', async ({ page, freshApp }) => {
  await withFakeHost(page, { ...FIRST_RUN, state: { choice: { mode: 'embedded' }, firstRun: false } })
  await page.goto(freshApp.url)
  await expect(page.getByText('欢迎使用「新生」')).toBeVisible()
  await expect(page.getByTestId('connection-first-run')).toHaveCount(0)

  const plain = await page.context().newPage()
  await plain.goto(freshApp.url)
  await expect(plain.getByText('欢迎使用「新生」')).toBeVisible()
  await expect(plain.getByTestId('connection-first-run')).toHaveCount(0)
  await plain.close()
})

test('administrators change the connection from the settings page, in the desktop app only', async ({ page, demoApp }) => {
  await withFakeHost(page, {
    ...FIRST_RUN,
    state: { choice: { mode: 'host', listen: '0.0.0.0:8443', names: ['192.168.1.10'] }, firstRun: false, serving: { url: 'https://192.168.1.10:8443', fingerprint: FP } },
  })
  await login(page, demoApp, 'admin', 'Admin#2026')
  await page.getByRole('link', { name: '系统设置' }).click()
  const card = page.getByTestId('connection-settings')
  await expect(card).toContainText('本工作站当前：机构服务器')
  await expect(card.getByTestId('connection-serving')).toContainText('https://192.168.1.10:8443')
  await card.getByRole('link', { name: '更改连接方式' }).click()
  await expect(page.getByRole('heading', { name: '连接方式' })).toBeVisible()
  await expect(page.getByTestId('choice-host')).toContainText('当前')
  await expect(page.getByTestId('choice-host').getByLabel('监听地址')).toHaveValue('0.0.0.0:8443')
  await page.screenshot({ path: `${SHOTS}/settings-connection.png`, fullPage: true })

  // Browser mode: no card, and the page says where it can be changed.
  const plain = await page.context().browser()!.newPage()
  await login(plain, demoApp, 'admin', 'Admin#2026')
  await plain.getByRole('link', { name: '系统设置' }).click()
  await expect(plain.getByRole('heading', { name: '系统设置' })).toBeVisible()
  await expect(plain.getByTestId('connection-settings')).toHaveCount(0)
  await plain.goto(`${new URL(demoApp.url).origin}/#/connection`)
  await expect(plain.getByTestId('connection-browser-mode')).toContainText('只能在桌面应用中更改')
  await plain.close()
})
