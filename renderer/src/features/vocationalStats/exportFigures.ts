import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import type { CourseKind } from '@shared/domain/vocational'
import type { FiguresResult, StatsGrouping } from '@shared/contract/vocationalStats'
import { host } from '../../api/host'
import { errorMessage } from '../../i18n/errorText'
import { loadExcel } from '../people/import/parseSheet'

const COLUMNS = ['enrolled', 'withdrawn', 'completed', 'sat', 'passed', 'certified'] as const

/** The table on screen as a workbook: one sheet of figures (rates as numbers with one decimal) and one of definitions. */
export async function exportFigures(t: TFunction, result: FiguresResult, o: { kind: CourseKind; groupBy: StatsGrouping }): Promise<void> {
  try {
    const excel = await loadExcel()
    const workbook = new excel.Workbook()
    const sheet = workbook.addWorksheet(t('vstats.title'), { views: [{ state: 'frozen', ySplit: 1 }] })
    const head = [t(`vstats.cols.group.${o.groupBy}`), ...COLUMNS.map((c) => t(`vstats.cols.${c}`)), t('vstats.cols.passRate'), t('vstats.cols.certificationRate')]
    sheet.addRow(head).font = { bold: true }
    for (const r of result.rows) sheet.addRow([r.label, ...COLUMNS.map((c) => r[c]), r.passRate, r.certificationRate])
    sheet.addRow([t('vstats.total'), ...COLUMNS.map((c) => result.total[c]), result.total.passRate, result.total.certificationRate]).font = { bold: true }
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 28 : 10))
    const notes = workbook.addWorksheet(t('vstats.definitions'))
    for (const k of ['enrolled', 'withdrawn', 'completed', 'sat', 'passed', 'certified', 'passRate', 'certificationRate', 'year'] as const) notes.addRow([t(`vstats.def.${k}`)])
    notes.getColumn(1).width = 120
    const data = new Uint8Array(await workbook.xlsx.writeBuffer())
    const name = `${t('vstats.title')}-${t(`vstats.kind.${o.kind}`)}.xlsx`
    if (await host.saveFile({ defaultName: name, data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] })) {
      notifications.show({ color: 'teal', title: t('common.success'), message: t('vstats.exported') })
    }
  } catch (error) {
    notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
  }
}
