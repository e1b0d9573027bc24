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
