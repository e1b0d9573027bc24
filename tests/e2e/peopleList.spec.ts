/**
 * Issue 9 item 5 in browser mode: the all-people list over thousands of files (a virtualised table fetched in blocks
 * from the server), its stay filter (在所 / 已出所 / 全部), Back from a file to the same rows, the keyboard, and the
 * header search answering as the user types with stale requests aborted. The database is a small benchmark facility
 * (tests/bench/facility.ts: 3 wards of 100 residents and 3,000 files of people released in earlier years;
 * E2E_FACILITY_DB=<file> runs on a copy of another database instead, e.g. the full 53,000-file facility).
 */
import type { Page } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { pinyin } from 'pinyin-pro'
import { apiValue, expect, login, startApp, test as base, type RunningApp } from './fixtures'

const ROOT = resolve(import.meta.dirname, '../..')

/** The cached facility file, generated on first use (a few seconds at this size). */
function facilityFile(): string {
  const made = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(import.meta.dirname, 'facilityFile.ts'), '11', '3', '100', '3000'], { cwd: ROOT, encoding: 'utf8' })
  if (made.status !== 0) throw new Error(`benchmark facility: ${made.stderr}`)
  return made.stdout.trim()
}

// Run inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const window: { scrollY: number; scrollTo(x: number, y: number): void }
declare const document: { body: { scrollHeight: number } }

const test = base.extend<object, { facilityApp: RunningApp }>({
  facilityApp: [
    async ({}, use) => {
      const { app, stop } = await startApp({ copyOf: process.env.E2E_FACILITY_DB ?? facilityFile() })
      await use(app)
      stop()
    },
    { scope: 'worker', timeout: 120_000 },
  ],
})

interface ListRow {
  id: string
  name: string
  wardId: string | null
}

const total = async (page: Page, stay: 'current' | 'past' | 'all') =>
  (await apiValue<{ total: number }>(page, 'people:list', { stay, limit: 1 })).total
const rowAt = async (page: Page, stay: 'current' | 'past' | 'all', offset: number) =>
  (await apiValue<{ rows: ListRow[] }>(page, 'people:list', { stay, offset, limit: 1, withTotal: false })).rows[0]!

/** The names in the header search's results all read "zhang" in pinyin. */
async function expectOnlyZhang(page: Page) {
  const names = await page.getByTestId('search-result').evaluateAll((options) => options.map((o) => o.querySelector('p')?.textContent ?? ''))
  expect(names.length).toBeGreaterThan(0)
  for (const name of names) expect(pinyin(name, { toneType: 'none', type: 'array' }).join('')).toContain('zhang')
}

const table = (page: Page) => page.getByTestId('people-table')
/** A rendered row with its data (not a placeholder while its block loads). */
const loadedRow = (page: Page, index: number) => table(page).locator(`tbody tr[data-index="${index}"]:not([aria-busy])`)

test('the all-people list scrolls to the far end of thousands of files, renders only the rows in view, opens a file and Back returns there', async ({ page, facilityApp }) => {
  await login(page, facilityApp, 'admin', 'Admin#2026')
  const all = await total(page, 'all')
  expect(all).toBeGreaterThan(3000)
  await page.goto(facilityApp.url.replace(/\/\?token=.*/, '/#/people?stay=all'))
  await expect(page.getByTestId('people-total')).toHaveText(`共 ${all} 人`)
  await expect(loadedRow(page, 0)).toBeVisible()

  // Far down: the rows there come from their own block, in the server's order.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight * 0.9))
  const target = Math.floor(all * 0.9)
  const expected = await rowAt(page, 'all', target)
  const row = loadedRow(page, target)
  await expect(row).toContainText(expected.name)
  // Virtualised: a screen of rows and a few around it, not thousands.
  expect(await table(page).locator('tbody tr[data-index]').count()).toBeLessThan(80)
  const scrolled = await page.evaluate(() => window.scrollY)
  expect(scrolled).toBeGreaterThan(100_000)

  // A click where the row is (Playwright's click would first scroll the row clear of the sticky head and header).
  await row.dispatchEvent('click')
  await expect(page).toHaveURL(new RegExp(`#/people/${expected.id}`))
  await expect(page.getByTestId('person-name')).toHaveText(expected.name)

  await page.goBack()
  await expect(loadedRow(page, target)).toBeInViewport()
  await expect.poll(async () => Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(60)

  // Keyboard: the row is focusable, ArrowDown moves to the next one, Enter opens it.
  await loadedRow(page, target).focus()
  await page.keyboard.press('ArrowDown')
  await expect(loadedRow(page, target + 1)).toBeFocused()
  const next = await rowAt(page, 'all', target + 1)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/people/${next.id}`))
})

test('the stay filter: people in the wards by default, released files without period columns, or everyone', async ({ page, facilityApp }) => {
  await login(page, facilityApp, 'admin', 'Admin#2026')
  await page.goto(facilityApp.url.replace(/\/\?token=.*/, '/#/people'))
  const stay = page.getByTestId('stay-filter')
  await expect(page.getByTestId('people-total')).toHaveText(`共 ${await total(page, 'current')} 人`)
  await expect(table(page).getByRole('columnheader', { name: '分期' })).toBeVisible()
  await expect(table(page).getByTestId('past-file')).toHaveCount(0)

  await stay.getByText('已出所').click()
  await expect(page).toHaveURL(/stay=past/)
  await expect(page.getByTestId('people-total')).toHaveText(`共 ${await total(page, 'past')} 人`)
  // No current period or ward for released files: those columns and filters go; the last day is shown as a date.
  await expect(table(page).getByRole('columnheader', { name: '分期' })).toHaveCount(0)
  await expect(table(page).getByRole('columnheader', { name: '所属大队' })).toHaveCount(0)
  await expect(table(page).getByRole('columnheader', { name: '期满日期' })).toBeVisible()
  await expect(page.getByLabel('所属大队', { exact: true })).toBeDisabled()
  const firstPast = await rowAt(page, 'past', 0)
  await expect(loadedRow(page, 0)).toContainText(firstPast.name)

  await stay.getByText('全部').click()
  await expect(page.getByTestId('people-total')).toHaveText(`共 ${await total(page, 'all')} 人`)
  await expect(table(page).getByTestId('past-file').first()).toContainText('已出所')
})

test('the header search answers as the user types: the request for a query typed past is aborted and its answer never shows', async ({ page, facilityApp }) => {
  await login(page, facilityApp, 'admin', 'Admin#2026')
  // The first query's answer is held back, as a slow answer would be; the user meanwhile types on.
  const searches: string[] = []
  const aborted: string[] = []
  await page.route('**/api/invoke', async (route) => {
    const body = route.request().postDataJSON() as { method: string; input: { q?: string } }
    if (body.method !== 'people:search') return route.continue()
    searches.push(body.input.q ?? '')
    if (body.input.q === 'zh') await new Promise((r) => setTimeout(r, 1500))
    await route.continue().catch(() => undefined)
  })
  page.on('requestfailed', (request) => {
    const body = request.postDataJSON() as { method: string; input: { q?: string } } | null
    if (body?.method === 'people:search') aborted.push(body.input.q ?? '')
  })

  const search = page.getByTestId('global-search')
  await search.pressSequentially('zh', { delay: 20 })
  await expect.poll(() => searches).toEqual(['zh'])
  await search.pressSequentially('ang', { delay: 20 })

  const results = page.getByTestId('search-result')
  await expect(results.first()).toBeVisible()
  await expect(page.getByTestId('search-results')).not.toHaveAttribute('data-stale')
  await expect.poll(() => aborted).toEqual(['zh'])
  expect(searches).toEqual(['zh', 'zhang'])
  // Every result's name reads "zhang" (张, 章), never a 赵 or 周 that "zh" alone would find; people in the wards
  // come first, with their ward, sex and ID tail.
  await expectOnlyZhang(page)
  await expect(results.first()).toContainText(/大队 · \*\*\*\*\d{3}[\dX]/)

  // The late answer for "zh" never replaces the results for "zhang".
  await page.waitForTimeout(1600)
  await expectOnlyZhang(page)

  // A released file shows 已出所 and its last day instead of a ward.
  const past = await apiValue<{ rows: ListRow[] }>(page, 'people:list', { stay: 'past', limit: 1 })
  await search.fill(past.rows[0]!.name)
  await expect(page.getByTestId('search-result').filter({ hasText: '已出所' }).first()).toContainText(/已出所 · \d{4}-\d{2}-\d{2}/)
})
