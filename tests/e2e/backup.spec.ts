import { expect, login, test } from './fixtures'

/**
 * The administrator's backup screen: "立即备份" makes a backup (progress while it copies) and the history shows it with
 * its checksum checked; a relative folder path is refused on its field with the reason, and nothing is saved.
 */
test('the administrator backs up from the backup screen and sees it in the history', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  await page.getByRole('link', { name: '备份与恢复' }).click()
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible()
  const history = page.getByTestId('backup-history')
  await expect(history).toBeVisible()
  const rowsBefore = await page.getByTestId('backup-row').count()

  await page.getByTestId('backup-run').click()
  await expect(page.getByTestId('backup-row')).toHaveCount(rowsBefore + 1)
  const newest = page.getByTestId('backup-row').first()
  await expect(newest).toContainText(/xinsheng-\d{4}-\d{2}-\d{2}-\d{4}(-\d+)?\.db/)
  await expect(newest).toContainText('校验一致')
  await expect(newest).toContainText('手动')
  await expect(page.getByTestId('backup-progress')).toContainText('备份完成')

  // Browser mode: the folder is typed; a relative path is refused on the field and nothing is saved.
  await page.getByTestId('backup-folder').fill('backups')
  await page.getByTestId('backup-settings').getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('backup-settings')).toContainText('请填写完整路径')
  await page.reload()
  await expect(page.getByTestId('backup-folder')).toHaveValue('')
})

test('restoring from the history says what will happen, then signs everyone out to the sign-in screen', async ({ page, demoApp }) => {
  await login(page, demoApp, 'admin', 'Admin#2026')
  await page.getByRole('link', { name: '备份与恢复' }).click()
  await expect(page.getByTestId('backup-row').first()).toBeVisible()
  await page.getByTestId('backup-row').first().getByRole('button', { name: '恢复' }).click()
  const dialog = page.getByRole('dialog', { name: '确认从备份恢复' })
  await expect(dialog).toContainText('把当前数据库完整保留一份副本')
  await expect(dialog).toContainText('所有用户（包括您）都将退出登录')
  if (process.env.BACKUP_SCREENSHOT) await page.screenshot({ path: process.env.BACKUP_SCREENSHOT, fullPage: true })
  await dialog.getByRole('button', { name: '恢复并退出所有用户' }).click()
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible()
  await expect(page.getByText(/已从 xinsheng-.*恢复；原数据库已保留为/)).toBeVisible()
  // The restored facility is served at once: signing in again works.
  await login(page, demoApp, 'admin', 'Admin#2026')
})
