import { api } from '../../../api/client'
import { apiKey } from '../../../api/keys'
import { queryClient } from '../../../api/queryClient'
import { isValidIsoDate } from '@shared/domain/dates'

/**
 * The ward day screen's requests, shared by the route's prefetch (started beside the page's code) and the page itself:
 * the same inputs, so the page finds them in the cache. Light: this module is in the first bundle.
 */

/** `?date=` when it is a real date; otherwise the core's today (no date in the input). */
export function dayDate(search: URLSearchParams): string | null {
  const date = search.get('date')
  return date && isValidIsoDate(date) ? date : null
}

export const wardDueInput = (wardId: string, date: string | null) => (date ? { wardId, date } : { wardId })

export function prefetchWardDay(wardId: string, search: URLSearchParams): void {
  const input = wardDueInput(wardId, dayDate(search))
  void queryClient.prefetchQuery({ queryKey: apiKey('duework:ward', input), queryFn: () => api.invoke('duework:ward', input) })
}

export const wardDayInput = (wardId: string, date: string) => ({ wardId, date })

/**
 * The day's ward records, asked beside the due work when the date is known without waiting: `?date=`, or the facility's
 * today already in the cache (it is fetched at sign-in).
 */
export function prefetchWardRecords(wardId: string, search: URLSearchParams): void {
  // Only for those who may read ward records (the signed-in user is in the cache by the time a route is entered).
  const me = queryClient.getQueryData<{ permissions: string[] } | null>(apiKey('auth:me', {}))
  if (!me?.permissions.includes('wardwork.read')) return
  const today = queryClient.getQueryData<{ today: string }>(apiKey('facility:get', {}))?.today
  const date = dayDate(search) ?? today
  if (!date) return
  const input = wardDayInput(wardId, date)
  void queryClient.prefetchQuery({ queryKey: apiKey('wardwork:wardDay', input), queryFn: () => api.invoke('wardwork:wardDay', input) })
}
