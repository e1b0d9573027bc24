import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { apiValue, expect, login, test } from './fixtures'

/**
 * Issue 13 ward records end to end on a demo facility, as the ward officer of 一大队: a talk, a sanction (points outside
 * the category's range refused with the limit first) and a family visit recorded on a person's 大队管理 tab from the
 * keyboard; the ward daily log shows the day's counts with them, is saved, and prints to an A4 PDF whose text is checked.
 * Screenshots go to test-results/wardwork/.
 */
test.describe.configure({ mode: 'serial' })

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const window: { location: { hash: string } }

const OUT = resolve(import.meta.dirname, '../../test-results/wardwork')
mkdirSync(OUT, { recursive: true })

async function go(page: Page, path: string) {
  await page.evaluate((p) => (window.location.hash = `#${p}`), path)
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true })

interface Counts {
  visits: number
  talksDone: number
  sanctions: number
}

test('a talk, a sanction and a visit on a file; the ward daily log counts them, is saved and printed', async ({ page, demoApp }) => {
  await login(page, demoApp, 'minjing', 'Minjing#2026')
  const wards = await apiValue<Array<{ id: string; name: string }>>(page, 'wards:list', {})
  const ward = wards.find((w) => w.name === '一大队')!
  const roster = await apiValue<{ today: string; rows: Array<{ id: string; name: string }> }>(page, 'people:roster', { wardId: ward.id })
  const person = roster.rows[0]!
  const today = roster.today
  const before = (await apiValue<{ computed: Counts }>(page, 'wardwork:log', { wardId: ward.id, date: today })).computed

  await go(page, `/people/${person.id}?tab=wardwork`)
  const tab = page.getByTestId('wardwork-tab')
  await expect(tab).toBeVisible()

  // A talk held today (the form opens with today's date and "已谈").
  await page.getByTestId('ww-add-talk').click()
  const talk = page.getByTestId('ww-form-talk')
  await talk.getByTestId('ww-staff').fill('刘伟')
  await talk.getByTestId('ww-summary').fill('了解近期情绪，鼓励积极戒治')
  await talk.getByTestId('ww-save').click()
  await expect(talk).toBeHidden()
  await expect(page.getByTestId('ww-section-talk')).toContainText('了解近期情绪，鼓励积极戒治')

  // A sanction: 记过 takes −5 to −2 here; −6 is refused with the limit, −3 is saved.
  await go(page, `/people/${person.id}?tab=wardwork&new=conduct`)
  const conduct = page.getByTestId('ww-form-conduct')
  await expect(conduct).toBeVisible()
  await conduct.getByTestId('ww-kind').click()
  await page.getByRole('option', { name: '惩处' }).click()
  await conduct.getByTestId('ww-category').click()
  await page.getByRole('option', { name: '记过' }).click()
  await expect(conduct).toContainText('该类别分值范围 -5 至 -2')
  await conduct.getByTestId('ww-points').fill('-6')
  await conduct.getByTestId('ww-reason').fill('与他人发生争执')
  await conduct.getByTestId('ww-save').click()
  await expect(conduct).toContainText('该类别的分值应为 -5 至 -2')
  await shot(page, '1-sanction-refused')
  await conduct.getByTestId('ww-points').fill('-3')
  await conduct.getByTestId('ww-save').click()
  await expect(conduct).toBeHidden()
  await expect(page.getByTestId('ww-section-conduct')).toContainText('与他人发生争执')

  // A family visit (Enter in the last field saves).
  await page.getByTestId('ww-add-visit').click()
  const visit = page.getByTestId('ww-form-visit')
  await visit.getByTestId('ww-visitor').fill('张某')
  await visit.getByTestId('ww-relation').fill('母亲')
  await visit.getByTestId('ww-minutes').fill('30')
  await visit.getByTestId('ww-officer').fill('刘伟')
  await visit.getByTestId('ww-officer').press('Enter')
  await expect(visit).toBeHidden()
  await expect(page.getByTestId('ww-section-visit')).toContainText('张某')
  await shot(page, '2-person-tab')

  // The ward daily log counts them.
  await go(page, `/wards/${ward.id}/log/${today}`)
  await expect(page.getByTestId('ww-log-page')).toBeVisible()
  await expect(page.getByTestId('ww-count-visits')).toContainText(String(before.visits + 1))
  await expect(page.getByTestId('ww-count-talksDone')).toContainText(String(before.talksDone + 1))
  await expect(page.getByTestId('ww-count-sanctions')).toContainText(String(before.sanctions + 1))
  await page.getByTestId('ww-log-incidents').fill('无异常情况')
  await page.getByTestId('ww-log-notes').fill('全天秩序良好，按计划完成谈话教育')
  await page.getByTestId('ww-log-onDuty').fill('刘伟、张军')
  await page.getByTestId('ww-log-save').click()
  await expect(page.getByTestId('ww-log-status')).toContainText('已保存（第 1 版')
  await shot(page, '3-daily-log')

  // Printed on A4: the text of the PDF carries the ward, the date, the figures and what was typed.
  await page.getByTestId('ww-log-print').click()
  const sheet = page.getByTestId('ww-log-sheet')
  await expect(sheet).toBeVisible()
  await expect(sheet).toContainText('全天秩序良好')
  await shot(page, '4-print')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  const file = join(OUT, 'ward-daily-log.pdf')
  await writeFile(file, pdf)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(text).toContain('大队日志')
  expect(text).toContain(`大队：${ward.name}`)
  expect(text).toContain(`日期：${today}`)
  expect(text).toContain('全天秩序良好，按计划完成谈话教育')
  expect(text).toContain('值班民警：刘伟、张军')
  // pdftotext gives each row of figures as its labels, then its values: the second row ends with visits … measures.
  const saved = (await apiValue<{ log: { counts: Counts & Record<string, number> } }>(page, 'wardwork:log', { wardId: ward.id, date: today })).log.counts
  expect(saved.visits).toBe(before.visits + 1)
  const secondRow = ['medicalBack', 'visits', 'talksDone', 'talksPlanned', 'rewards', 'sanctions', 'activeMeasures'].map((k) => saved[k]).join('')
  expect(text).toContain(`亲属探访谈话（已谈）谈话（计划）奖励惩处执行中措施${secondRow}`)
  expect(text).toContain(person.name)
})
