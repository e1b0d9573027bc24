import { api } from '../../api/client'
import { apiKey } from '../../api/keys'
import { queryClient } from '../../api/queryClient'

export const WARDS_INPUT = {}

/** Asks for the ward list ahead of a page that shows it (a start on, or a switch to, a ward's roster). */
export function prefetchWards(): void {
  void queryClient.prefetchQuery({ queryKey: apiKey('wards:list', WARDS_INPUT), queryFn: () => api.invoke('wards:list', WARDS_INPUT) })
}
