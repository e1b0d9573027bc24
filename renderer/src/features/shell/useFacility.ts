import { useApiQuery } from '../../api/hooks'

export const FACILITY_INPUT = {}

/** Facility name, period template and the facility's today. */
export function useFacility() {
  return useApiQuery('facility:get', FACILITY_INPUT)
}
