/**
 * Day arithmetic for the rules, memoised: the facility's due work adds days some 30 times per person for 3,000 people
 * per call, over a few thousand distinct dates. Same results as dates.ts addDays/daysBetween (UTC calendar days).
 */
import type { IsoDate } from '../dates'

const DAY_MS = 86_400_000
/** Bounds the caches; the dates a facility uses are far fewer. */
const MAX_ENTRIES = 200_000
const dayNumbers = new Map<IsoDate, number>()
const dates = new Map<number, IsoDate>()

function dayNumber(date: IsoDate): number {
  let n = dayNumbers.get(date)
  if (n === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number]
    n = Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
    if (dayNumbers.size >= MAX_ENTRIES) dayNumbers.clear()
    dayNumbers.set(date, n)
  }
  return n
}

function dateOf(n: number): IsoDate {
  let date = dates.get(n)
  if (date === undefined) {
    date = new Date(n * DAY_MS).toISOString().slice(0, 10)
    if (dates.size >= MAX_ENTRIES) dates.clear()
    dates.set(n, date)
  }
  return date
}

export const plusDays = (date: IsoDate, days: number): IsoDate => (days === 0 ? date : dateOf(dayNumber(date) + days))
export const daysFrom = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from)
