import type { QueryClient } from '@tanstack/react-query'
import type { BackendEvent } from '@shared/events'
import { createChangeBatcher, staleAfterChanges } from './changeBatch'
import { connection } from './connection'
import type { WriteEffectMap } from './refresh'
import { onEvent, onEventStreamDropped, reopenEvents } from './transport'

/**
 * Live updates (issue 15): the back end announces every committed write (`{type:'changed', method}`), this window's
 * own included; the window refreshes what that write can make stale, by the same rule as after its own saves
 * (api/refresh.ts). Announcements are gathered for a moment, so a burst of writes (a whole ward's fitness day saved
 * row by row) costs one refresh pass, not one per write.
 */

/**
 * Subscribes the query cache to the back end's announcements (once, App.tsx), and to the connection: when it comes
 * back every query is refetched (writes made during the gap were never announced here) and the stream reopened. A
 * dropped stream asks the connection store to check the back end.
 */
export function startLiveUpdates<D extends string>(queryClient: QueryClient, effects: WriteEffectMap<D>): () => void {
  const batcher = createChangeBatcher((methods) => {
    const stale = staleAfterChanges(methods, effects)
    // An own save has usually refetched these already: an answer on its way is kept, not restarted.
    void queryClient.invalidateQueries({ predicate: (q) => stale(String(q.queryKey[0])) }, { cancelRefetch: false })
  })
  const stopEvents = onEvent((event: BackendEvent) => {
    if (event.type === 'changed') batcher.add(event.method)
  })
  const stopDrops = onEventStreamDropped(() => connection.suspect())
  const stopReconnect = connection.onReconnected(() => {
    batcher.cancel()
    reopenEvents()
    void queryClient.invalidateQueries()
  })
  return () => {
    stopEvents()
    stopDrops()
    stopReconnect()
    batcher.cancel()
  }
}
