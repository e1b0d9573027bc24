import type { ContactStatus } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'

/** A rate as "54.4%", or "—" when there was nobody to divide by. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)

/** Badge colour of a follow-up status. */
export const STATUS_COLOR: Record<ContactStatus, string> = {
  abstinent: 'teal',
  relapsed: 'red',
  in_custody: 'orange',
  deceased: 'dark',
  lost_contact: 'gray',
}

/** The settings (help kinds for labels) and the live stations, shared by the forms and lists. */
export function useAftercareLists() {
  const settings = useApiQuery('aftercare:settings', {})
  const stations = useApiQuery('aftercare:stations', { includeRetired: true })
  return { settings, stations }
}

/** Jan 1st of a date's year (or of a year before), to today or Dec 31st. */
export function yearRange(today: string, back = 0): { from: string; to: string } {
  const year = Number(today.slice(0, 4)) - back
  return { from: `${year}-01-01`, to: back === 0 ? today : `${year}-12-31` }
}
