import type { Input } from '@shared/contract'
import type { StatsPeopleFigure } from '@shared/contract/vocationalStats'

/** What a clicked number opens: the people-list call and the heading of the drawer. */
export interface DrillDown {
  input: Input<'vocationalStats:people'>
  figure: StatsPeopleFigure
  groupLabel: string
}

/** A rate as "98.1%", or "—" when nobody was there to divide by. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(1)}%`)

/** Jan 1st and Dec 31st of a date's year. */
export function yearOf(today: string, offset = 0): { from: string; to: string } {
  const year = Number(today.slice(0, 4)) + offset
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}
