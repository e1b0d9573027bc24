import ExcelJS from 'exceljs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, login, test } from './fixtures'

/**
 * Onboarding by Excel (issue 8 item 5): the administrator downloads the template, fills in one good row and one with a
 * bad ID number, sees the error on that row with nothing imported and the import refused, excludes the row, imports,
 * and finds the person in the roster.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECKS = '10X98765432'
const withCheck = (body: string) => body + CHECKS[[...body].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i]!, 0) % 11]!
// 欧阳明远, male, born 1988-02-14 (17th digit 3: odd = male).
const GOOD_ID = withCheck('51010419880214003')
// 司马青云, male, born 1986-07-21: the check character is deliberately wrong.
const BAD_BASE = withCheck('51010419860721005')
const BAD_ID = BAD_BASE.slice(0, 17) + (BAD_BASE.endsWith('0') ? '1' : '0')

test('admin imports from the template: a bad ID blocks the import until excluded; the good row reaches the roster', async ({ page, demoApp }) => {
  const dir = mkdtempSync(join(tmpdir(), 'xinsheng-import-'))
  try {
    await login(page, demoApp, 'admin', 'Admin#2026')
    await page.getByRole('link', { name: '人员档案' }).click()
    await page.getByRole('link', { name: '从 Excel 导入' }).click()

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '下载导入模板' }).click()
    const templateFile = join(dir, 'template.xlsx')
    await (await download).saveAs(templateFile)

    // Fill the template as a user would: overwrite the example row, add a second person below it.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(templateFile)
    const sheet = workbook.getWorksheet('人员信息')!
    const headers = (sheet.getRow(1).values as unknown[]).map(String)
    const columnOf = (header: string) => headers.indexOf(header)
    const example = sheet.getRow(2)
    const ward = String(example.getCell(columnOf('大队')).value)
    const fill = (rowNumber: number, values: Record<string, string>) => {
      const row = sheet.getRow(rowNumber)
      for (const [header, value] of Object.entries(values)) row.getCell(columnOf(header)).value = value
      row.commit()
    }
    const common = {
      民族: '汉族', 户籍地址: '四川省成都市锦江区人民路2号', 决定机关: '成都市公安局锦江区分局', 决定日期: '2026-03-02',
      入所日期: '2026-03-10', 大队: ward, 分期: '生理脱毒期', 本期开始日期: '', 紧急联系人: '', 与本人关系: '', 联系电话: '',
    }
    fill(2, { ...common, 姓名: '欧阳明远', 性别: '男', 出生日期: '1988-02-14', 身份证号: GOOD_ID, 决定书文号: '锦公（禁）决字〔2026〕201号' })
    fill(3, { ...common, 姓名: '司马青云', 性别: '男', 出生日期: '1986-07-21', 身份证号: BAD_ID, 决定书文号: '锦公（禁）决字〔2026〕202号' })
    const filled = join(dir, '在所人员.xlsx')
    await workbook.xlsx.writeFile(filled)

    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '选择 Excel 文件' }).click()
    await (await chooser).setFiles(filled)

    const preview = page.getByTestId('import-preview')
    const badRow = preview.locator('tr[data-row="3"]')
    await expect(badRow.locator('td[data-column="idNumber"]')).toContainText('校验位错误，请核对号码')
    await expect(badRow).toHaveAttribute('data-status', 'invalid')
    await expect(preview.locator('tr[data-row="2"]')).toHaveAttribute('data-status', 'valid')
    await expect(page.getByTestId('import-counts')).toContainText('可导入 1 行')
    await expect(page.getByText('以上仅为预览，尚未导入任何数据。')).toBeVisible()
    await expect(page.getByTestId('import-blocked')).toBeVisible()
    const confirm = page.getByRole('button', { name: '确认导入 1 人' })
    await expect(confirm).toBeDisabled()

    // Only errors, then exclude the bad row: the import is allowed.
    await page.getByRole('switch', { name: '只看有错误的行' }).click({ force: true })
    await expect(preview.locator('tbody tr')).toHaveCount(1)
    await badRow.getByRole('button', { name: '排除' }).click()
    await expect(page.getByTestId('import-counts')).toContainText('已排除 1 行')
    await expect(confirm).toBeEnabled()
    await confirm.click()
    await page.getByRole('dialog').getByRole('button', { name: '确认导入 1 人' }).click()

    await expect(page.getByTestId('import-done')).toContainText('已导入 1 人，跳过 1 行。')
    await page.getByRole('link', { name: '查看人员档案' }).click()
    await page.getByPlaceholder('姓名、拼音或身份证号').fill('欧阳明远')
    await expect(page.getByRole('cell', { name: '欧阳明远' })).toBeVisible()
    await expect(page.getByRole('cell', { name: '司马青云' })).toHaveCount(0)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a ward officer has no import button and is refused the page', async ({ page, demoApp }) => {
  await login(page, demoApp, 'minjing', 'Minjing#2026')
  await page.getByRole('link', { name: '人员档案' }).click()
  await expect(page.getByRole('link', { name: '新建档案' })).toBeVisible()
  await expect(page.getByRole('link', { name: '从 Excel 导入' })).toHaveCount(0)
  await page.goto(new URL('/#/people/import', demoApp.url).toString())
  await expect(page.getByTestId('forbidden')).toBeVisible()
  await expect(page.getByRole('button', { name: '选择 Excel 文件' })).toHaveCount(0)
})
