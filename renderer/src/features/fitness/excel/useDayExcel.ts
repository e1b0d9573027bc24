import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TestDay } from '@shared/contract'
import { FITNESS_ITEMS, type FitnessMeasure, type FitnessStandard } from '@shared/domain/fitness'
import { host } from '../../../api/host'
import { useErrorText } from '../../../i18n/errorText'
import { loadExcel } from '../../people/import/parseSheet'
import { useFacility } from '../../shell/useFacility'
import { cellKind, type DayPerson } from '../day/useDayGrid'
import { standardLabel } from '../fitnessUi'
import { zhCN } from '../i18n/zh-CN'
import { buildExport, buildTemplate, type ExportRow } from './fitnessSheet'

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }]

/** Template and export of the test day on screen (exceljs is fetched on first use). */
export function useDayExcel({ day, people, columns, standard }: { day: TestDay | null; people: readonly DayPerson[]; columns: readonly FitnessMeasure[]; standard: FitnessStandard }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const facility = useFacility()
  const [busy, setBusy] = useState(false)

  const run = async (make: () => Promise<{ name: string; data: Uint8Array } | null>) => {
    setBusy(true)
    try {
      const file = await make()
      if (file && (await host.saveFile({ defaultName: file.name, data: file.data, filters: XLSX }))) {
        notifications.show({ color: 'teal', title: t('common.success'), message: t('fitness.day.exported') })
      }
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) })
    } finally {
      setBusy(false)
    }
  }

  const head = () => ({ facilityName: facility.data?.name ?? '', wardName: day?.wardName ?? '', date: day?.date ?? '', standardName: standardLabel(standard, 'zh-CN'), measures: columns })

  const template = () =>
    void run(async () => {
      if (!day) return null
      const excel = await loadExcel()
      const data = await buildTemplate(excel, {
        ...head(),
        // Someone already tested that day is left out: the template is for what is still to enter.
        people: people.filter((p) => !p.saved).map((p) => ({ ...p, cell: (m) => { const k = cellKind(p, m); return k === 'locked' ? 'input' : k } })),
      })
      return { name: `体质测试模板-${day.wardName}-${day.date}.xlsx`, data }
    })

  const exportDay = () =>
    void run(async () => {
      if (!day) return null
      const excel = await loadExcel()
      const masked = new Map(people.map((p) => [p.personId, p.idMasked]))
      const rows: ExportRow[] = day.people
        .filter((p) => p.saved && !p.saved.voided)
        .map((p) => {
          const g = p.saved!.grading
          const note = !g.covered ? zhCN.fitness.notCovered.replace('{{min}}–{{max}}', `${standard.ageRange.min}–${standard.ageRange.max}`) : g.grade ? '' : g.gradeWithheld === 'missing' ? zhCN.fitness.withheld.missing.replace('{{count}}', String(g.missing.length)) : g.gradeWithheld === 'zero' ? zhCN.fitness.withheld.zero : g.gradeWithheld === 'exempt' ? zhCN.fitness.withheld.exempt : ''
          return {
            name: p.name,
            idMasked: masked.get(p.personId) ?? '',
            sex: p.sex,
            age: p.age,
            values: p.saved!.measurements,
            points: g.items,
            total: g.covered ? g.total : null,
            grade: g.grade ? zhCN.fitness.grades[g.grade] : zhCN.fitness.grades.none,
            note,
          }
        })
      const items = FITNESS_ITEMS.filter((item) => day.people.some((p) => p.applicable.includes(item))).map((item) => ({ key: item, label: zhCN.fitness.items[item] }))
      const data = await buildExport(excel, { ...head(), items, rows })
      return { name: `体质测试结果-${day.wardName}-${day.date}.xlsx`, data }
    })

  return { busy, template, exportDay }
}
