import type { WardSummary } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { compareWardNames } from '../../lib/wardOrder'
import { WARDS_INPUT } from './wardsQuery'


const byName = (wards: WardSummary[]) => [...wards].sort((a, b) => compareWardNames(a.name, b.name))

/** All wards, 一大队 before 二大队. */
export function useWards(enabled = true) {
  return useApiQuery('wards:list', WARDS_INPUT, { enabled, select: byName })
}

