/**
 * Calendar dates as `YYYY-MM-DD` strings. All arithmetic is done on UTC midnights so that
 * time zones and daylight saving never shift a day.
 */
export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

/**
 * Milliseconds of a UTC midnight. Date.UTC reads years 0–99 as 1900–1999, so the year is set on its own: 0050-06-15
 * stays in the year 50 (and is then refused by the contract's earliest date, not silently moved 1,900 years).
 */
function utcMidnight(year: number, monthIndex: number, day: number): number {
  const date = new Date(Date.UTC(2000, 0, 1))
  date.setUTCFullYear(year, monthIndex, day)
  return date.getTime()
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month, 0)).getUTCDate()
}

function toUtc(date: IsoDate): number {
  if (!isValidIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`)
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return utcMidnight(y, m - 1, d)
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS)
}

/** Adds calendar months; a day that does not exist in the target month falls back to its last day (01-31 + 1 month = 02-28/29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  toUtc(date)
  const monthIndex = y * 12 + (m - 1) + months
  const ty = Math.floor(monthIndex / 12)
  const tm = (monthIndex % 12) + 1
  const td = Math.min(d, daysInMonth(ty, tm))
  return fromUtc(utcMidnight(ty, tm - 1, td))
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS)
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Today's date in the given IANA zone (the facility's zone; China has one). */
export function todayIn(timeZone = 'Asia/Shanghai', now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

/** Age in whole years on `onDate`. */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}
