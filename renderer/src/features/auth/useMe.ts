import { useApiQuery } from '../../api/hooks'

export const ME_INPUT = {}

/** The current session's user (null when signed out). */
export function useMe() {
  return useApiQuery('auth:me', ME_INPUT)
}
