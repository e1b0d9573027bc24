import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import type { CohortTable } from '@shared/contract'
import { host } from '../../../api/host'
import { errorMessage } from '../../../i18n/errorText'
import { loadExcel } from '../../people/import/parseSheet'
import { COUNT_COLUMNS } from './cohortColumns'

const rate = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10)

/** The cohort table as a workbook: the figures (rates in percent, one decimal) and the definitions on a second sheet. */
export async function exportCohorts(t: TFunction, table: CohortTable, kinds: string, range: { from: string; to: string }): Promise<void> {
  try {
    const excel = await loadExcel()
    const workbook = new excel.Workbook()
    const sheet = workbook.addWorksheet(t('aftercare.cohorts.title'), { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow([t('aftercare.cohorts.cohort'), ...COUNT_COLUMNS.map((c) => t(`aftercare.cohorts.cols.${c.outcome}`)), `${t('aftercare.cohorts.cols.rateReached')} %`, `${t('aftercare.cohorts.cols.rateAll')} %`]).font = { bold: true }
    for (const r of table.rows) sheet.addRow([r.label, ...COUNT_COLUMNS.map((c) => c.value(r.figures)), rate(r.figures.abstinenceRateReached), rate(r.figures.abstinenceRateAll)])
    sheet.addRow([t('aftercare.cohorts.total'), ...COUNT_COLUMNS.map((c) => c.value(table.total)), rate(table.total.abstinenceRateReached), rate(table.total.abstinenceRateAll)]).font = { bold: true }
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 14 : 12))
    const notes = workbook.addWorksheet(t('aftercare.cohorts.definitionsTitle'))
    notes.addRow([`${t('aftercare.cohorts.asOf')}: ${table.asOf}`])
    for (const k of ['cohort', 'classify', 'reached', 'rates'] as const) notes.addRow([t(`aftercare.cohorts.definitions.${k}`, { kinds })])
    notes.getColumn(1).width = 120
    const data = new Uint8Array(await workbook.xlsx.writeBuffer())
    if (await host.saveFile({ defaultName: t('aftercare.cohorts.exportFile', range), data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] })) {
      notifications.show({ color: 'teal', title: t('common.success'), message: t('aftercare.settings.saved') })
    }
  } catch (error) {
    notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
  }
}
