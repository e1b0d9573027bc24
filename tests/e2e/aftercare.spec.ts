import { join, resolve } from 'node:path'
import { mkdirSync } from 'node:fs'
import { apiValue, expect, login, test } from './fixtures'

/**
 * Issue 14 aftercare end to end on the demo facility: a released person of the demo (currently abstinent) gets two
 * follow-up contacts recorded on the 后续照管 tab — a refused one first (a date before the release, the limit stated) —
 * and the cohort statistics of the release year then count the person as relapsed, the number opening the list with
 * the person in it. Screenshots go to test-results/aftercare/.
 */
test.describe.configure({ mode: 'serial' })

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const window: { location: { hash: string } }

const OUT = resolve(import.meta.dirname, '../../test-results/aftercare')
mkdirSync(OUT, { recursive: true })

interface CohortTable {
  asOf: string
  rows: Array<{ label: string; figures: { released: number; abstinent: number; relapsed: number } }>
}
interface CohortPerson {
  personId: string
  name: string
  releaseDate: string
}

test('two follow-up contacts on a released person show in the cohort statistics', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const go = (path: string) => page.evaluate((p) => (window.location.hash = `#${p}`), path)
  const settings = await apiValue<{ plan: unknown }>(page, 'aftercare:settings', {})
  expect(settings.plan).toBeTruthy()
  const from = '2020-01-01'
  const { today } = await apiValue<{ today: string }>(page, 'aftercare:due', {})
  const before = await apiValue<CohortTable>(page, 'aftercare:cohorts', { by: 'year', from, to: today })
  const abstinent = await apiValue<CohortPerson[]>(page, 'aftercare:cohortPeople', { from, to: before.asOf, outcome: 'abstinent' })
  // The latest-released abstinent person: the demo's oldest files are read by other specs, these are aftercare's own.
  const person = abstinent.sort((a, b) => b.releaseDate.localeCompare(a.releaseDate))[0]!
  const year = person.releaseDate.slice(0, 4)
  const row = (t: CohortTable) => t.rows.find((r) => r.label === year)!.figures

  await go(`/people/${person.personId}?tab=aftercare`)
  const tab = page.getByTestId('aftercare-tab')
  await expect(tab).toBeVisible()
  await expect(page.getByTestId('aftercare-outcome')).toHaveText('保持操守')

  // A date before the release is refused with the release date stated; nothing is recorded.
  await page.getByTestId('aftercare-record').click()
  const form = page.getByTestId('aftercare-contact-form')
  const date = form.getByTestId('ac-contactOn')
  await date.fill('2020-01-02')
  await date.press('Tab')
  await form.getByTestId('ac-save').click()
  await expect(form).toContainText(`回访日期不能早于出所日期 ${person.releaseDate}`)

  // First contact: today, by phone, reached and abstinent, help given.
  await date.fill(before.asOf)
  await date.press('Tab')
  await form.getByTestId('ac-staff').fill('李敏')
  await form.getByText('就业帮扶', { exact: true }).click()
  await form.getByTestId('ac-save').click()
  await expect(form).toBeHidden()

  // Second contact: a home visit the same day reports a relapse.
  await page.getByTestId('aftercare-record').click()
  await expect(form).toBeVisible()
  await form.getByTestId('ac-method').click()
  await page.getByRole('option', { name: '家访' }).click()
  await form.getByTestId('ac-status').click()
  await page.getByRole('option', { name: '复吸' }).click()
  await form.getByTestId('ac-note').fill('家属反映近期复吸，已通报社区')
  await form.getByTestId('ac-save').click()
  await expect(form).toBeHidden()
  await expect(page.getByTestId('aftercare-outcome')).toHaveText('复吸')
  await expect(tab.getByTestId('aftercare-contact-row').filter({ hasText: before.asOf })).toHaveCount(2)
  await page.screenshot({ path: join(OUT, 'person.png'), fullPage: true })

  // The cohort of the release year now counts the person relapsed, not abstinent.
  const after = await apiValue<CohortTable>(page, 'aftercare:cohorts', { by: 'year', from, to: before.asOf })
  expect(row(after).relapsed).toBe(row(before).relapsed + 1)
  expect(row(after).abstinent).toBe(row(before).abstinent - 1)
  await go('/aftercare/cohorts')
  const yearRow = page.locator(`[data-testid="aftercare-cohort-row"][data-label="${year}"]`)
  await expect(yearRow.getByTestId('aftercare-cohort-relapsed')).toHaveText(String(row(after).relapsed))
  await expect(page.getByTestId('aftercare-cohorts-definitions')).toContainText('操守保持率（联系上）= 保持操守 ÷ 联系上')
  await page.screenshot({ path: join(OUT, 'cohorts.png'), fullPage: true })
  await yearRow.getByTestId('aftercare-cohort-relapsed').click()
  const drawer = page.getByTestId('aftercare-cohort-people')
  await expect(drawer.locator(`[data-person-id="${person.personId}"]`)).toContainText(person.name)
  await page.screenshot({ path: join(OUT, 'people.png') })
})
