import { useApiQuery } from '../../api/hooks'

export const STATUS_INPUT = {}

export function useSetupStatus() {
  return useApiQuery('setup:status', STATUS_INPUT)
}
