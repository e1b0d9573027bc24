import { useTranslation } from 'react-i18next'
import type { ListEntry, WardworkLists } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'

const NO_INPUT = {}

/** The facility's configurable lists (talk kinds, conduct categories with points, measure and visit kinds). */
export function useWardworkLists() {
  return useApiQuery('wardwork:lists', NO_INPUT)
}

/** An entry's name in the interface language; an id no longer in the list shows as itself. */
export function useListLabel(lists: WardworkLists | undefined) {
  const { i18n } = useTranslation()
  const english = i18n.language.startsWith('en')
  return (list: keyof WardworkLists, id: string): string => {
    const entry = (lists?.[list] as ListEntry[] | undefined)?.find((e) => e.id === id)
    return entry ? (english ? entry.en : entry.zh) : id
  }
}

/** 'YYYY-MM-DDTHH:mm' shown as 'YYYY-MM-DD HH:mm'. */
export const showDateTime = (v: string | null | undefined) => (v ? v.replace('T', ' ') : '')

/** What someone typed as a date and time ('2026-11-23 08:30', '2026-11-23T08:30', '2026/11/23 8:30') in the contract's form; the raw text when not. */
export function parseDateTime(input: string): string {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2}):(\d{2})$/.exec(input.trim())
  if (!m) return input.trim()
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}T${m[4]!.padStart(2, '0')}:${m[5]}`
}

/** Signed points as shown in the ledger: +3, −2, 0. */
export const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0')
