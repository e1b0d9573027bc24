/**
 * `npm run bench:ui`: how fast the built renderer reaches a usable screen in browser mode, measured in Chromium.
 * Not part of `npm test`; builds nothing itself (run `npm run build` first).
 *
 *   npm run bench:ui -- [--people 3000] [--runs 5]
 *
 * Starts `cli serve` on a new demo database of the given size, then for each run opens a new browser context (empty
 * cache, so every script is fetched again) and prints one JSON line per measured operation:
 *   - "login page": navigation to the sign-in form visible;
 *   - "cold start to roster": navigation (already signed in) to the first ward's roster with its rows rendered;
 *   - "ward switch to rendered roster": from one ward's roster to the next ward's rows rendered, in a warm page.
 * Each line has p50 and p95 in ms, and for page loads the JavaScript fetched (bytes, decoded) and the number of scripts.
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

const ROOT = resolve(import.meta.dirname, '../..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const CLI = join(ROOT, 'electron', 'core', 'cli', 'index.ts')
const ADMIN = { username: 'admin', password: 'Admin#2026' }

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  if (at === -1) return fallback
  const value = Number(process.argv[at + 1])
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number ≥ 1`)
  return value
}

const people = option('people', 3000)
const runs = option('runs', 5)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!
}

function report(op: string, times: number[], extra: Record<string, number> = {}) {
  const sorted = [...times].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n)
  console.log(JSON.stringify({ op, p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), runs: times.length, ...extra }))
}

async function startServer(dbFile: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(TSX, [CLI, 'serve', '--db', dbFile, '--no-open'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const url = await new Promise<string>((done, fail) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`server did not start: ${output}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        done(match[1]!)
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${output}`)))
  })
  return { url, child }
}

/** Calls the API as the renderer does, with the run's token as a bearer header. */
async function api<T>(base: URL, method: string, input: unknown, session?: string): Promise<T> {
  const response = await fetch(new URL('/api/invoke', base), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${base.searchParams.get('token')}`,
      'x-xinsheng-client': '1',
      'content-type': 'application/json',
      ...(session ? { 'x-xinsheng-session': session } : {}),
    },
    body: JSON.stringify({ method, input }),
  })
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown }
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`)
  return body.value as T
}

/** Page script (the session is kept per tab in sessionStorage): starts every page of the context signed in. */
const signedIn = (sessionId: string) => ({ content: `sessionStorage.setItem('xinsheng.session', ${JSON.stringify(sessionId)})` })

/** Opens `url` in a new context (cold cache); resolves with the time until `ready` holds and the scripts fetched. */
async function coldLoad(browser: Browser, url: string, session: string | null, ready: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
  if (session) await context.addInitScript(signedIn(session))
  const page = await context.newPage()
  const scripts: Array<Promise<number>> = []
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then((b) => b.length, () => 0))
  })
  const t0 = performance.now()
  await page.goto(url)
  await ready(page)
  const ms = performance.now() - t0
  const sizes = await Promise.all(scripts)
  await context.close()
  return { ms, jsBytes: sizes.reduce((a, b) => a + b, 0), scripts: sizes.length }
}

const rosterRows = (page: Page) => page.locator('[data-testid="people-table"] tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 })

async function main() {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) throw new Error('no built renderer: run `npm run build` first')
  const dir = mkdtempSync(join(tmpdir(), 'xinsheng-bench-ui-'))
  const dbFile = join(dir, 'bench.db')
  let server: ChildProcess | undefined
  let browser: Browser | undefined
  try {
    const demo = spawnSync(TSX, [CLI, 'demo', '--db', dbFile, '--people', String(people)], { cwd: ROOT, encoding: 'utf8' })
    if (demo.status !== 0) throw new Error(`demo failed: ${demo.stdout} ${demo.stderr}`)
    const started = await startServer(dbFile)
    server = started.child
    const base = new URL(started.url)
    const { sessionId } = await api<{ sessionId: string }>(base, 'auth:login', ADMIN)
    const wards = await api<Array<{ id: string; name: string }>>(base, 'wards:list', {}, sessionId)
    if (wards.length < 2) throw new Error('the demo needs at least two wards')
    console.log(JSON.stringify({ people, wards: wards.length, runs }))

    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] })
    const b = browser

    // A first load outside the figures: the server's own start-up (worker, first query plans) is not the page's cost.
    await coldLoad(b, `${started.url}#/wards/${wards[0]!.id}`, sessionId, rosterRows)

    const login = []
    for (let i = 0; i < runs; i++) {
      login.push(await coldLoad(b, started.url, null, (page) => page.getByRole('button', { name: '登录' }).waitFor({ state: 'visible' })))
    }
    report('login page', login.map((r) => r.ms), { jsBytes: login[0]!.jsBytes, scripts: login[0]!.scripts })

    const roster = []
    for (let i = 0; i < runs; i++) roster.push(await coldLoad(b, `${started.url}#/wards/${wards[0]!.id}`, sessionId, rosterRows))
    report('cold start to roster', roster.map((r) => r.ms), { jsBytes: roster[0]!.jsBytes, scripts: roster[0]!.scripts })

    // Ward switch: a warm page moves from one ward's roster to another's; done when the new ward's rows replace the
    // old ones (the table is dimmed while the previous ward's rows stand in for the new ones).
    const context = await b.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    await context.addInitScript(signedIn(sessionId))
    const page = await context.newPage()
    await page.goto(`${started.url}#/wards/${wards[0]!.id}`)
    await rosterRows(page)
    const switches: number[] = []
    for (let i = 1; i <= Math.max(runs, 2 * runs); i++) {
      const ward = wards[i % wards.length]!
      const t0 = performance.now()
      await page.evaluate(`location.hash = '#/wards/${ward.id}'`)
      await page.getByRole('heading', { name: new RegExp(`^${ward.name} ·`) }).waitFor({ state: 'visible' })
      // (A locator, not waitForFunction: the app's CSP forbids the string evaluation a predicate would need.)
      await page.locator('[data-testid="people-table"][style*="opacity: 1"] tbody tr').first().waitFor({ state: 'visible' })
      switches.push(performance.now() - t0)
    }
    report('ward switch to rendered roster', switches)
    await context.close()
  } finally {
    await browser?.close()
    server?.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
