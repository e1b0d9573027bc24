/**
 * Diagnostic assessment (issue 13) in Chromium on the demo facility: an early-release proposal for a person with an
 * escape is refused with the message at the field and nothing saved; a detox-stage assessment entered through the form
 * (5 × 20 → 100 合格) and its A4 form printed to PDF, the text checked with pdftotext. Screenshots and the PDF go to
 * test-results/assessment/ to be looked at.
 */
import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { apiValue, expect, login, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

declare const window: { location: { hash: string } }

const OUT = resolve(import.meta.dirname, '../../test-results/assessment')
mkdirSync(OUT, { recursive: true })
const shot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true })
const go = (page: Page, path: string) => page.evaluate((p) => (window.location.hash = `#${p}`), path)

interface FileView {
  identity: { name: string; decisionDate: string }
  term: { result: { earliestEarlyRelease: string } | null }
}

/** Current people whose one year has been served (early release possible by date), first the given count. */
async function servedOneYear(page: Page, count: number): Promise<Array<{ id: string; name: string }>> {
  const listed = await apiValue<{ rows: Array<{ id: string }> }>(page, 'people:list', { stay: 'current', limit: 60 })
  const out: Array<{ id: string; name: string }> = []
  const today = new Date().toISOString().slice(0, 10)
  for (const { id } of listed.rows) {
    const file = await apiValue<FileView>(page, 'people:get', { id })
    if (file.term.result && file.term.result.earliestEarlyRelease < today) out.push({ id, name: file.identity.name })
    if (out.length === count) break
  }
  expect(out).toHaveLength(count)
  return out
}

test('an early-release proposal for a person with an escape is refused at the field, nothing saved', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const [person] = await servedOneYear(page, 1)
  const file = await apiValue<FileView>(page, 'people:get', { id: person!.id })
  // An escape of five days soon after the decision, already closed.
  const from = new Date(Date.parse(file.identity.decisionDate) + 40 * 86_400_000).toISOString().slice(0, 10)
  const to = new Date(Date.parse(from) + 5 * 86_400_000).toISOString().slice(0, 10)
  await apiValue(page, 'people:addTermEvent', { id: person!.id, kind: 'escape', fromDate: from, toDate: to, note: 'e2e', docNo: null })

  await go(page, `/people/${person!.id}?tab=assessment`)
  await expect(page.getByTestId('assessment-tab')).toBeVisible()
  await expect(page.getByTestId('term-constraints')).toContainText('有脱逃记录，不得提前解除')
  await page.getByTestId('proposal-new').click()
  const form = page.getByTestId('propose-form')
  await expect(form).toBeVisible()
  await form.getByTestId('propose-submit').click()
  await expect(form.getByTestId('propose-kind-error')).toContainText('有脱逃记录，依法不得提前解除')
  await shot(page, '1-early-release-refused')
  const after = await apiValue<{ proposals: unknown[] }>(page, 'assessment:person', { personId: person!.id })
  expect(after.proposals).toHaveLength(0)
})

test('a detox-stage assessment entered through the form, 5 × 20 → 100 合格, and its A4 form printed to PDF', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  const [, person] = await servedOneYear(page, 2)
  await go(page, `/people/${person!.id}/assessment/new?point=detox`)
  const editor = page.getByTestId('assessment-editor')
  await expect(editor).toBeVisible()
  await page.getByTestId('assessment-assessors').fill('王警官、李医生')
  const items = ['drug_test_negative', 'no_withdrawal_medication', 'acute_withdrawal_resolved', 'no_protracted_withdrawal', 'no_drug_psychosis']
  for (const [n, item] of items.entries()) {
    await page.getByTestId(`item-detox-${item}-points`).getByText('20', { exact: true }).click()
    await expect(page.getByTestId('component-detox-points')).toHaveText(`${(n + 1) * 20} / 100 分`)
  }
  await expect(page.getByTestId('component-detox')).toContainText('合格')
  await shot(page, '2-assessment-form')
  await page.getByTestId('assessment-save-final').click()
  await expect(page).toHaveURL(/#\/assessments\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('overall-badge')).toHaveText('合格')
  await expect(page.getByTestId('component-detox-points')).toHaveText('100 / 100 分')

  await page.getByTestId('assessment-print-form').click()
  const sheet = page.getByTestId('diag-form-sheet')
  await expect(sheet).toContainText('强制隔离戒毒人员诊断评估表')
  await expect(sheet).toContainText(person!.name)
  await shot(page, '3-print-form')
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  const file = join(OUT, 'assessment-form.pdf')
  await writeFile(file, pdf)
  // pdftotext drops the spaces between Chinese characters.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(text).toContain('强制隔离戒毒人员诊断评估表')
  expect(text).toContain(person!.name)
  expect(text).toContain('毒品检测结果呈阴性')
  expect(text).toContain('100/100分')
  expect(text).toContain('评估人员（签名）：王警官、李医生')
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
})
