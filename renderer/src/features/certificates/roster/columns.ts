/**
 * The roster's columns (§6.6: the certificate's mandatory fields, plus sex, age, the course and its dates; an internal
 * roster also the ward, course place and scores), shared by the screen, the printout and the Excel export so the three
 * always agree. A public notice (公示) leaves out PUBLIC_ONLY_INTERNAL and never has a full ID number.
 */
import { useTranslation } from 'react-i18next'
import type { RosterOptions, RosterPrivacy, RosterRow } from '@shared/contract'
import { levelWording, type SkillLevel } from '@shared/domain/certificates'
import type { zhCN } from '../i18n/zh-CN'
import type { RosterView } from './rosterParams'

type Texts = Pick<(typeof zhCN)['cert'], 'sex' | 'idTypes'>
export type ColumnKey = keyof (typeof zhCN)['cert']['columns']
/** The words a value needs (sex, ID type): the interface's on screen and in print, always Chinese in the file. */
export type ColumnTexts = Texts

export interface RosterColumn {
  key: ColumnKey
  /** Print width in millimetres at 8 pt (the A4 landscape table is 277 mm wide; columns are scaled to fill it). */
  width: number
  value: (row: RosterRow, texts: Texts) => string
}

const num = (n: number | null) => (n === null ? '' : String(n))

const ALL: RosterColumn[] = [
  { key: 'seq', width: 7, value: (r) => String(r.seq) },
  { key: 'name', width: 14, value: (r) => r.name },
  { key: 'sex', width: 6, value: (r, t) => (r.sex ? t.sex[r.sex] : '') },
  { key: 'age', width: 7, value: (r) => num(r.ageAtIssue) },
  { key: 'idType', width: 16, value: (r, t) => t.idTypes[r.idType] },
  { key: 'idNumber', width: 30, value: (r) => r.idNumberShown },
  { key: 'occupation', width: 15, value: (r) => r.occupation },
  { key: 'direction', width: 12, value: (r) => r.direction },
  { key: 'level', width: 19, value: (r) => r.levelWording },
  { key: 'number', width: 36, value: (r) => r.number },
  { key: 'issuedOn', width: 17, value: (r) => r.issuedOn },
  { key: 'evaluationBody', width: 20, value: (r) => r.evaluationBody },
  { key: 'course', width: 18, value: (r) => r.courseName ?? '' },
  { key: 'courseDates', width: 16, value: (r) => (r.courseStart ? `${r.courseStart}—${r.courseEnd ?? ''}` : '') },
  { key: 'ward', width: 12, value: (r) => r.ward ?? '' },
  { key: 'place', width: 12, value: (r) => r.coursePlace ?? '' },
  { key: 'theory', width: 8, value: (r) => num(r.theory) },
  { key: 'practical', width: 8, value: (r) => num(r.practical) },
]

/** What only an internal roster shows (PUBLIC_WITHHELD of the contract, as columns). */
export const INTERNAL_ONLY: readonly ColumnKey[] = ['ward', 'place', 'theory', 'practical']

export function rosterColumns(privacy: RosterPrivacy): RosterColumn[] {
  return privacy === 'public' ? ALL.filter((c) => !INTERNAL_ONLY.includes(c.key)) : ALL
}

/** The filter in words, for a printout's or export's title ("培训班：…；等级：五级/初级工；发证日期：… 至 …"). */
export function describeFilter(view: RosterView, options: RosterOptions | undefined, labels: { course: string; occupation: string; level: string; issued: string; evaluationBody: string; to: string; none: string }): string {
  const parts: string[] = []
  if (view.courseId) parts.push(`${labels.course}：${options?.courses.find((c) => c.id === view.courseId)?.name ?? '—'}`)
  if (view.occupation) parts.push(`${labels.occupation}：${view.occupation}`)
  if (view.level) parts.push(`${labels.level}：${levelWording(view.level as SkillLevel)}`)
  if (view.issuedFrom || view.issuedTo) parts.push(`${labels.issued}：${view.issuedFrom ?? '…'} ${labels.to} ${view.issuedTo ?? '…'}`)
  if (view.evaluationBody) parts.push(`${labels.evaluationBody}：${view.evaluationBody}`)
  return parts.length > 0 ? parts.join('；') : labels.none
}

/** The column words in the interface's language. */
export function useColumnTexts(): ColumnTexts {
  const { t } = useTranslation()
  return {
    sex: { M: t('cert.sex.M'), F: t('cert.sex.F') },
    idTypes: {
      resident_id: t('cert.idTypes.resident_id'),
      passport: t('cert.idTypes.passport'),
      hk_macao_permit: t('cert.idTypes.hk_macao_permit'),
      taiwan_permit: t('cert.idTypes.taiwan_permit'),
      other: t('cert.idTypes.other'),
    },
  }
}
