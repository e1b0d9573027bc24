import { useSyncExternalStore } from 'react'
import { createConnectionStore, isUnreachable, type ConnectionState } from './connectionStore'
import { send } from './transport'

export { isUnreachable, type ConnectionState } from './connectionStore'

/** The window's one store. The check goes straight to the transport, so it is not counted as a second report. */
export const connection = createConnectionStore({
  ping: async () => {
    try {
      return !isUnreachable(await send('auth:me', {}))
    } catch {
      // A thrown answer (the access token refused) is still an answer.
      return true
    }
  },
  now: () => Date.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
})

export function useConnection(): ConnectionState {
  return useSyncExternalStore(connection.subscribe, connection.getState)
}
