import { Text } from '@mantine/core'
import { formatInstant } from '../lib/format'

type When =
  /** An instant (ISO-8601 UTC), shown as local date and time. */
  | { at: string; on?: never }
  /** A calendar date (`YYYY-MM-DD`), shown as is. */
  | { on: string; at?: never }

/**
 * Who recorded something and when — "2026-05-01 14:30 · 王老师" — the same small grey line in every history (term
 * events, periods, wards, revisions, rescores, crisis timeline). `plain` leaves the styling to the surrounding text
 * (an info grid value).
 */
export function RecordedBy({ by, plain = false, ...when }: When & { by: string; plain?: boolean }) {
  const text = `${when.at !== undefined ? formatInstant(when.at) : when.on} · ${by}`
  if (plain) return <>{text}</>
  return (
    <Text fz="xs" c="dimmed">
      {text}
    </Text>
  )
}
