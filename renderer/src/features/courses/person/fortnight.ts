import dayjs from 'dayjs'

/** Monday of the week of `date` and the Sunday a week later: this week and the next, whatever the locale's first day. */
export function fortnightOf(date: string): { from: string; to: string } {
  const d = dayjs(date)
  const monday = d.subtract((d.day() + 6) % 7, 'day')
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(13, 'day').format('YYYY-MM-DD') }
}
