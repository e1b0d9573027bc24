import { useQuery } from '@tanstack/react-query'
import { hasConnectionHost, host } from '../../api/host'

export const CONNECTION_KEY = ['host:connection'] as const

/** How this workstation reaches its data, from the Electron main process; disabled in browser mode (nothing to ask). */
export function useConnection() {
  const enabled = hasConnectionHost()
  // The answer changes only with a restart: asked once per start.
  const query = useQuery({ queryKey: CONNECTION_KEY, queryFn: () => host.connection(), enabled, staleTime: Infinity, retry: false })
  return { enabled, query }
}
