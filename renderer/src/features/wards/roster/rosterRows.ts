import type { TFunction } from 'i18next'
import type { WardRoster, WardRosterRow } from '@shared/contract'
import { termWarningLabel } from '../../../components/DaysToLastDay'

/**
 * The roster's columns, in print and export order: Excel widths (characters) and printed widths (% of the A4 line;
 * the remarks column is left wide and blank for handwriting).
 */
export const ROSTER_COLUMNS = [
  { key: 'no', width: 6, print: 5 },
  { key: 'name', width: 12, print: 9 },
  { key: 'sex', width: 6, print: 4.5 },
  { key: 'age', width: 6, print: 4.5 },
  { key: 'idNumber', width: 21, print: 17 },
  { key: 'period', width: 10, print: 9 },
  { key: 'admissionDate', width: 12, print: 10 },
  { key: 'lastDay', width: 12, print: 10 },
  { key: 'daysLeft', width: 10, print: 12 },
  { key: 'remark', width: 24, print: 19 },
] as const

export type RosterColumn = (typeof ROSTER_COLUMNS)[number]['key']

/** One roster line as text (dates stay YYYY-MM-DD text), shared by the printout and the Excel file. */
export interface RosterLine {
  no: number
  name: string
  sex: string
  age: number
  idNumber: string
  period: string
  admissionDate: string
  lastDay: string
  /** Days to the last day (negative once past), null while it cannot be fixed (open escape). */
  daysLeft: number | null
  /** "已期满 N 天" / "距期满 N 天", empty outside the warning window. */
  warning: string
  warningKind: 'expired' | 'due' | null
}

export function rosterLines(roster: WardRoster, t: TFunction): RosterLine[] {
  return roster.rows.map((r: WardRosterRow, i) => ({
    no: i + 1,
    name: r.name,
    sex: t(`sex.${r.sex}`),
    age: r.age,
    idNumber: r.idNumberMasked,
    period: r.period ? t(`period.${r.period}`) : t('file.noPeriod'),
    admissionDate: r.admissionDate,
    lastDay: r.lastDay ?? '—',
    daysLeft: r.daysToLastDay,
    warning: r.termWarning ? termWarningLabel(t, r.termWarning) : '',
    warningKind: r.termWarning?.kind ?? null,
  }))
}

/** "一大队花名册-2026-11-23.xlsx": the ward and the date, so exports of different days do not overwrite each other. */
export const rosterFileName = (roster: WardRoster, t: TFunction, ext: string) =>
  `${t('rosterPrint.title', { ward: roster.wardName })}-${roster.today}.${ext}`.replace(/[\\/:*?"<>|]/g, '_')
