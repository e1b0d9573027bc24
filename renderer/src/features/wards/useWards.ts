import type { WardSummary } from '@shared/contract'
import { api } from '../../api/client'
import { apiKey, useApiQuery } from '../../api/hooks'
import { queryClient } from '../../api/queryClient'
import { compareWardNames } from '../../lib/wardOrder'

export const WARDS_INPUT = {}

const byName = (wards: WardSummary[]) => [...wards].sort((a, b) => compareWardNames(a.name, b.name))

/** All wards, 一大队 before 二大队. */
export function useWards(enabled = true) {
  return useApiQuery('wards:list', WARDS_INPUT, { enabled, select: byName })
}

/** Asks for the ward list ahead of a page that shows it (the router's prefetch of a ward's roster). */
export function prefetchWards(): void {
  void queryClient.prefetchQuery({ queryKey: apiKey('wards:list', WARDS_INPUT), queryFn: () => api.invoke('wards:list', WARDS_INPUT) })
}
