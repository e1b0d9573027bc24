import { test as base, expect, type Page } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const CLI = join(ROOT, 'electron', 'core', 'cli', 'index.ts')

export interface RunningApp {
  /** Start URL with the server run's token (as printed by `serve`); every test's new browser context opens it again. */
  url: string
  dbFile: string
}

/**
 * Starts browser mode exactly as a user would (`cli serve`) on a new temporary database: empty, a `cli demo` of
 * `demoPeople`, or a copy of the database file `copyOf`.
 */
export async function startApp(options: { demoPeople?: number; copyOf?: string }): Promise<{ app: RunningApp; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'xinsheng-e2e-'))
  const dbFile = join(dir, 'e2e.db')
  if (options.copyOf !== undefined) copyFileSync(options.copyOf, dbFile)
  if (options.demoPeople !== undefined) {
    const demo = spawnSync(TSX, [CLI, 'demo', '--db', dbFile, '--people', String(options.demoPeople)], { cwd: ROOT, encoding: 'utf8' })
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stdout} ${demo.stderr}`)
  }
  const child: ChildProcess = spawn(TSX, [CLI, 'serve', '--db', dbFile, '--no-open'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
  return {
    app: { url, dbFile },
    stop: () => {
      child.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const test = base.extend<object, { freshApp: RunningApp; demoApp: RunningApp }>({
  freshApp: [
    async ({}, use) => {
      const { app, stop } = await startApp({})
      await use(app)
      stop()
    },
    { scope: 'worker' },
  ],
  demoApp: [
    async ({}, use) => {
      const { app, stop } = await startApp({ demoPeople: 120 })
      await use(app)
      stop()
    },
    { scope: 'worker' },
  ],
})

export { expect }

export async function login(page: Page, app: RunningApp, username: string, password: string) {
  await page.goto(app.url)
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('user-menu')).toBeVisible()
}

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const sessionStorage: { getItem(key: string): string | null }

/** What the API answered, as the renderer sees it. */
export interface ApiAnswer<T = unknown> {
  ok: boolean
  value?: T
  error?: { code: string; key?: string; message?: string; fields?: Record<string, string> }
}

/** Calls the API from inside the page, with the signed-in user's session (arranging data, or checking the server). */
export async function apiCall<T = unknown>(page: Page, method: string, input: unknown): Promise<ApiAnswer<T>> {
  return page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/api/invoke', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-xinsheng-client': '1', 'x-xinsheng-session': sessionStorage.getItem('xinsheng.session') ?? '' },
        body: JSON.stringify({ method: m, input: i }),
      })
      return response.json() as Promise<ApiAnswer<T>>
    },
    [method, input] as const,
  )
}

/** The value of a call that must succeed; the test fails with the API's error otherwise. */
export async function apiValue<T>(page: Page, method: string, input: unknown): Promise<T> {
  const answer = await apiCall<T>(page, method, input)
  if (!answer.ok) throw new Error(`${method} failed: ${JSON.stringify(answer.error)}`)
  return answer.value as T
}
