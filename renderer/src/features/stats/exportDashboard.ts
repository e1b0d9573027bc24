import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { STATS_FITNESS_GRADES, STATS_FOLLOWUP_OUTCOMES, STATS_PERIOD_KEYS, STATS_RELEASE_KINDS, STATS_VOCATIONAL_FIGURES, type StatsDashboard } from '@shared/contract/stats'
import { host } from '../../api/host'
import { errorMessage } from '../../i18n/errorText'
import { loadExcel } from '../people/import/parseSheet'
import { DEFINITIONS } from './Definitions'

type Cell = string | number | null
type Workbook = InstanceType<Awaited<ReturnType<typeof loadExcel>>['Workbook']>

/** One sheet: a heading line with the as-of date and window, then a bold header row and the rows. */
function addSheet(workbook: Workbook, name: string, subtitle: string, head: string[], rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 3 }] })
  sheet.addRow([name]).font = { bold: true, size: 13 }
  sheet.addRow([subtitle])
  sheet.addRow(head).font = { bold: true }
  for (const r of rows) sheet.addRow(r)
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 30 : 12))
}

/** The dashboard as a workbook: one sheet per figure group (with the as-of date), and one of definitions. */
export async function exportDashboard(t: TFunction, d: StatsDashboard, _wardName: (id: string) => string): Promise<void> {
  try {
    const excel = await loadExcel()
    const workbook = new excel.Workbook()
    const sub = `${t('stats.asOf')} ${d.asOf} · ${t('stats.window', { from: d.from, to: d.to })}${d.limitedToWards ? ` · ${t('stats.limited', { wards: d.wards.map((w) => w.name).join('、') })}` : ''}`
    const periodLabel = (p: (typeof STATS_PERIOD_KEYS)[number]) => (p === 'none' ? t('stats.periodNone') : t(`periodShort.${p}`))
    addSheet(workbook, t('stats.section.wardPeriod'), sub, [t('stats.cols.ward'), ...STATS_PERIOD_KEYS.map(periodLabel), t('stats.total')], [
      ...d.current.wards.map((w) => [w.wardName, ...STATS_PERIOD_KEYS.map((p) => w.byPeriod[p].value), w.total.value]),
      [t('stats.total'), ...STATS_PERIOD_KEYS.map((p) => d.current.wards.reduce((s, w) => s + w.byPeriod[p].value, 0)), d.current.total.value],
    ])
    addSheet(workbook, t('stats.section.months'), sub, [t('stats.cols.month'), t('stats.cols.admissions'), t('stats.cols.releases'), ...STATS_RELEASE_KINDS.map((k) => t(`stats.releaseKind.${k}`))], [
      ...d.perMonth.map((m) => [m.month, m.admissions.value, m.releases.value, ...STATS_RELEASE_KINDS.map((k) => m.releasesByKind[k].value)]),
      [t('stats.total'), d.windowTotals.admissions.value, d.windowTotals.releases.value, ...STATS_RELEASE_KINDS.map((k) => d.perMonth.reduce((s, m) => s + m.releasesByKind[k].value, 0))],
    ])
    addSheet(workbook, t('stats.section.psych'), sub, [t('stats.cols.figure'), t('stats.cols.count')], (['openTasks', 'openCrises', 'flaggedScreening'] as const).map((k) => [t(`stats.psych.${k}`), d.psych[k].value]))
    addSheet(workbook, t('stats.section.fitness'), sub, [t('stats.cols.grade'), t('stats.cols.count')], STATS_FITNESS_GRADES.map((g) => [t(`stats.grade.${g}`), d.fitness.grades[g].value]))
    addSheet(workbook, t('stats.section.vocational'), `${sub} · ${t('stats.window', { from: d.vocational.from, to: d.vocational.to })}`, [t('stats.cols.figure'), t('stats.cols.count')], [
      ...STATS_VOCATIONAL_FIGURES.map((f) => [t(`stats.vocational.${f}`), d.vocational.figures[f].value]),
      [t('stats.vocational.passRate'), d.vocational.passRate],
      [t('stats.vocational.certificationRate'), d.vocational.certificationRate],
    ])
    addSheet(workbook, t('stats.section.due'), `${sub} · ${t('stats.dueOn', { date: d.dueWork.on })}`, [t('stats.cols.centre'), t('stats.cols.due'), t('stats.cols.overdue')], [
      ...d.dueWork.centres.map((c) => [t(`duework.centre.${c.centre}`), c.due.value, c.overdue.value]),
      [t('stats.total'), d.dueWork.due.value, d.dueWork.overdue.value],
    ])
    if (d.followUp) {
      const f = d.followUp
      addSheet(workbook, t('stats.section.followUp'), sub, [t('stats.cols.figure'), t('stats.cols.count')], [
        ...STATS_FOLLOWUP_OUTCOMES.map((o) => [t(`stats.followUp.${o}`), f.cohort[o].value]),
        [t('stats.followUp.rateReached'), f.abstinenceRateReached],
        [t('stats.followUp.rateAll'), f.abstinenceRateAll],
        [t('stats.followUp.due'), f.due.value],
        [t('stats.followUp.overdue'), f.overdue.value],
      ])
    }
    const notes = workbook.addWorksheet(t('stats.def.title'))
    notes.addRow([t('stats.def.title')]).font = { bold: true, size: 13 }
    notes.addRow([sub])
    for (const k of DEFINITIONS) notes.addRow([t(`stats.def.${k}`)])
    notes.getColumn(1).width = 120
    const data = new Uint8Array(await workbook.xlsx.writeBuffer())
    if (await host.saveFile({ defaultName: `${t('stats.title')}-${d.asOf}.xlsx`, data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] })) {
      notifications.show({ color: 'teal', title: t('common.success'), message: t('stats.exported') })
    }
  } catch (error) {
    notifications.show({ color: 'red', title: t('common.failed'), message: errorMessage(error) })
  }
}
