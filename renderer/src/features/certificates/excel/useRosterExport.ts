import { useState } from 'react'
import type { RosterOptions } from '@shared/contract'
import { levelWording, SKILL_LEVELS } from '@shared/domain/certificates'
import { host } from '../../../api/host'
import { loadExcel } from '../../people/import/parseSheet'
import { useFacility } from '../../shell/useFacility'
import { zhCN } from '../i18n/zh-CN'
import { describeFilter, rosterColumns } from '../roster/columns'
import { fetchWholeRoster } from '../roster/fetchAll'
import type { RosterView } from '../roster/rosterParams'
import { buildRosterWorkbook } from './rosterSheet'

const TEXT = zhCN.cert
const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }]

/** The Chinese words of a filter description (the file format is Chinese). */
export const FILTER_WORDS_ZH = {
  course: TEXT.roster.course,
  occupation: TEXT.roster.occupation,
  level: TEXT.roster.level,
  issued: TEXT.columns.issuedOn,
  evaluationBody: TEXT.roster.evaluationBody,
  to: TEXT.roster.issuedTo,
  none: TEXT.print.noFilter,
}

/** Exports the whole filtered roster (not only the page on screen) with the screen's columns and masking. */
export function useRosterExport() {
  const facility = useFacility()
  const [busy, setBusy] = useState(false)
  const run = async (view: RosterView, options: RosterOptions | undefined): Promise<boolean> => {
    setBusy(true)
    try {
      const [excel, roster] = await Promise.all([loadExcel(), fetchWholeRoster(view)])
      const columns = rosterColumns(view.privacy)
      const isPublic = view.privacy === 'public'
      const title = isPublic ? TEXT.print.publicTitle : `${facility.data?.name ?? ''}${TEXT.print.title}`
      const levels = SKILL_LEVELS.filter((l) => roster.totals.byLevel[l] > 0).map((l) => `${levelWording(l)} ${roster.totals.byLevel[l]}`).join('，')
      const data = await buildRosterWorkbook(excel, {
        title,
        subtitle: describeFilter(view, options, FILTER_WORDS_ZH),
        headers: columns.map((c) => TEXT.columns[c.key]),
        widths: columns.map((c) => Math.max(6, Math.round(c.width * 0.75))),
        rows: roster.rows.map((row) => columns.map((c) => c.value(row, TEXT))),
        totals: [TEXT.print.totals, `${TEXT.print.people} ${roster.totals.people}`, `${TEXT.print.certificates} ${roster.totals.certificates}`, levels],
      })
      const stamp = new Date().toISOString().slice(0, 10)
      return await host.saveFile({ defaultName: `${isPublic ? TEXT.print.publicTitle : TEXT.print.title}-${stamp}.xlsx`, data, filters: XLSX })
    } finally {
      setBusy(false)
    }
  }
  return { busy, run }
}
