import dayjs from 'dayjs'

/** An ISO instant in local time, minutes precision. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = dayjs(iso)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso
}

/** A calendar date is already `YYYY-MM-DD`; shown as is. */
export function formatDate(date: string | null | undefined): string {
  return date ? date : '—'
}

export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD')
}
