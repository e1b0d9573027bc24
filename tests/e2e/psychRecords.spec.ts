import type { Page } from '@playwright/test'
import { apiValue, expect, login, test, type RunningApp } from './fixtures'

/**
 * Issue 8 psychology records end to end on a demo facility: a counsellor edits a counselling record and reads its
 * revision history, voids one with a reason, prints one on A4; the PHQ-9 report fits one A4 page; handled follow-up
 * tasks stay visible on the ward screen and the person's tab.
 */
test.describe.configure({ mode: 'serial' })

// Runs inside the page (page.evaluate); the node tsconfig has no DOM library.
declare const window: { location: { hash: string } }

/** Yesterday in Beijing: a date every rule accepts as "not in the future". */
const beijingDaysAgo = (days: number) => new Date(Date.now() + 8 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10)
const YESTERDAY = beijingDaysAgo(1)
const NOTE = { presentingIssue: '入所两周，夜间入睡困难', intervention: '倾听与共情；睡眠卫生指导', response: '情绪较前平稳', riskObserved: null, plan: '一周后复谈' }

let personId = ''
let personName = ''
let sessionId = ''

const invoke = apiValue

/** In-app navigation (hash router). */
async function go(page: Page, path: string) {
  await page.evaluate((p) => (window.location.hash = `#${p}`), path)
}

/** The PDF's page count: one "/Type /Page" object per page ("/Type /Pages" is the page tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length
}

async function printPdf(page: Page): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  return pdf
}

async function counsellor(page: Page, app: RunningApp) {
  await login(page, app, 'xinli', 'Xinli#2026')
  if (!personId) {
    const wards = await invoke<Array<{ id: string }>>(page, 'wards:list', {})
    const list = await invoke<{ rows: Array<{ id: string; name: string }> }>(page, 'people:list', { wardId: wards[0]!.id, limit: 1 })
    personId = list.rows[0]!.id
    personName = list.rows[0]!.name
  }
}

test('a counsellor edits a counselling record and sees the revision history; a voided record stays listed', async ({ page, demoApp }) => {
  await counsellor(page, demoApp)
  sessionId = (await invoke<{ id: string }>(page, 'psych:createSession', { kind: 'individual', date: YESTERDAY, durationMinutes: 50, participantIds: [personId], topic: '入所适应', note: NOTE })).id
  await go(page, `/psych/sessions/${sessionId}`)
  await expect(page.getByTestId('session-topic')).toHaveText('入所适应')

  await page.getByTestId('session-edit').click()
  const form = page.getByTestId('session-edit-form')
  await form.getByLabel('干预措施').fill('倾听与共情；睡眠卫生指导；渐进式肌肉放松训练')
  await form.getByLabel('修改说明').fill('补记放松训练')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('session-note')).toContainText('渐进式肌肉放松训练')

  const history = page.getByTestId('session-history')
  await expect(history.getByTestId('session-revision')).toHaveCount(2)
  await expect(history).toContainText('第 2 版')
  await expect(history).toContainText('补记放松训练')
  await expect(history.locator('[data-testid="session-revision-change"][data-field="intervention"]')).toContainText('渐进式肌肉放松训练')

  // Another record, voided with a reason: still listed on the person's tab, struck through, with the reason.
  const other = (await invoke<{ id: string }>(page, 'psych:createSession', { kind: 'individual', date: YESTERDAY, durationMinutes: 30, participantIds: [personId], topic: '误录的记录', note: NOTE })).id
  await go(page, `/psych/sessions/${other}`)
  await page.getByTestId('session-void').click()
  await page.getByLabel('原因').fill('录错了来访者')
  await page.getByRole('dialog').getByRole('button', { name: '作废' }).click()
  await expect(page.getByTestId('session-voided')).toContainText('录错了来访者')
  await expect(page.getByTestId('session-edit')).toHaveCount(0)
  await go(page, `/people/${personId}?tab=psych`)
  const voidedRow = page.locator('[data-testid="session-row"][data-voided]')
  await expect(voidedRow).toHaveCount(1)
  await expect(voidedRow.getByTestId('session-void-reason')).toContainText('录错了来访者')
})

test('a counselling record prints on one A4 page, with the counsellor hidden on request', async ({ page, demoApp }) => {
  await counsellor(page, demoApp)
  await go(page, `/psych/sessions/${sessionId}`)
  await page.getByTestId('session-print-link').click()
  const sheet = page.getByTestId('print-session')
  await expect(sheet).toContainText('心理咨询记录')
  await expect(sheet).toContainText('渐进式肌肉放松训练')
  await expect(sheet).toContainText('第 2 版')
  await expect(sheet.getByTestId('print-counsellor')).toContainText('李敏')
  expect(pdfPages(await printPdf(page))).toBe(1)
  // The option lives in the URL (?hideStaff=1): the router applies it on its next navigation tick, so click and wait
  // for the state rather than expecting it synchronously.
  await page.getByLabel('隐藏工作人员姓名').click()
  await expect(page.getByLabel('隐藏工作人员姓名')).toBeChecked()
  await expect(sheet.getByTestId('print-counsellor')).toHaveCount(0)
  await expect(sheet).not.toContainText('李敏')
})

test('a PHQ-9 report with its trend and item texts fits one A4 page; an SCL-90 flows on without an empty page', async ({ page, demoApp }) => {
  await counsellor(page, demoApp)
  const submit = (instrumentId: string, answers: number[], on: string) =>
    invoke<{ id: string }>(page, 'psych:submitAssessment', { personId, instrumentId, setting: 'on_request', administeredOn: on, answers })
  await submit('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0], beijingDaysAgo(30))
  const phq = await submit('phq9', [2, 2, 2, 2, 1, 1, 1, 1, 1], YESTERDAY)
  await go(page, `/print/assessment/${phq.id}`)
  await expect(page.getByTestId('print-report')).toContainText('心理测评报告')
  await expect(page.getByTestId('print-trend')).toBeVisible()
  await expect(page.getByTestId('print-answers')).toContainText('伤害自己的念头')
  expect(pdfPages(await printPdf(page))).toBe(1)

  const scl = await submit('scl90', Array.from({ length: 90 }, (_, i) => 1 + (i % 3)), YESTERDAY)
  await go(page, `/print/assessment/${scl.id}`)
  await expect(page.getByTestId('print-answers')).toBeVisible()
  expect(pdfPages(await printPdf(page))).toBeLessThanOrEqual(2)
})

test('a handled task stays visible with its outcome and handler on the ward screen and the person’s tab; its note opens on request', async ({ page, demoApp }) => {
  await counsellor(page, demoApp)
  const tasks = await invoke<Array<{ id: string }>>(page, 'psych:tasks', { personId, status: 'open' })
  expect(tasks.length).toBeGreaterThan(0)
  await invoke(page, 'psych:handleTask', { id: tasks[0]!.id, outcome: 'done', note: '已个别谈话，暂无自伤计划' })

  await go(page, `/people/${personId}?tab=psych`)
  const history = page.getByTestId('person-task-history')
  await expect(history).toContainText('李敏 处理于')
  // The list says a flag was followed up, not which one nor the note: those open on request (an audited read).
  await expect(history).not.toContainText('已个别谈话，暂无自伤计划')
  await history.getByTestId('task-details').first().click()
  await expect(page.getByTestId('task-detail')).toContainText('已个别谈话，暂无自伤计划')
  await page.keyboard.press('Escape')

  const wards = await invoke<Array<{ id: string }>>(page, 'wards:list', {})
  await go(page, `/wards/${wards[0]!.id}/psych`)
  const panel = page.getByTestId('psych-tasks')
  await expect(panel.getByTestId('psych-task-handled')).toHaveCount(0)
  await panel.getByTestId('task-filter').getByText('已处理').click()
  const handled = panel.getByTestId('psych-task-handled').filter({ hasText: personName })
  await expect(handled.first()).toBeVisible()
  await expect(handled.first().getByTestId('task-outcome')).toHaveText('已处理')
})
