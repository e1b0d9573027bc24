// Pure (no DOM, no @shared): the unit test runs it with hand-fired timers.

/**
 * Whether the back end can be reached (issue 15: a facility server on the network). A call that never got an answer,
 * or an event stream that dropped and whose check call then failed, turns the window "offline": the shell shows a
 * banner at once and a cheap call (`auth:me`) is retried after 1, 2, 5, 10, then every 30 s. The first answer, from
 * that check or from any other call, turns it back "reconnected" for a moment (every query is then fetched again: the
 * changes of the gap were never announced), then "online".
 */

/** Waits between checks: 1 s, 2 s, 5 s, 10 s, then 30 s for as long as it takes. */
export const BACKOFF_MS = [1000, 2000, 5000, 10_000, 30_000] as const
/** How long "reconnected" is shown. */
export const RECONNECTED_MS = 3000

export function backoffDelay(attempt: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempt, 0), BACKOFF_MS.length - 1)]!
}

export type ConnectionStatus = 'online' | 'offline' | 'reconnected'

export interface ConnectionState {
  status: ConnectionStatus
  /** When the next check runs (epoch ms) while offline; null while a check is running or when online. */
  nextRetryAt: number | null
  /** Failed checks since the connection was lost. */
  attempt: number
}

export interface ConnectionDeps {
  /** True when the back end answered (whatever it answered). */
  ping: () => Promise<boolean>
  now: () => number
  setTimer: (run: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
}

export interface ConnectionStore {
  getState(): ConnectionState
  subscribe(listener: () => void): () => void
  /** A call got no answer. */
  reportFailure(): void
  /** A call got an answer. */
  reportReachable(): void
  /** Something hints at trouble (the event stream dropped): check now, go offline only if the check fails. */
  suspect(): void
  /** The banner's "retry now". */
  retryNow(): void
  /** Called once each time the connection comes back. */
  onReconnected(listener: () => void): () => void
}

const ONLINE: ConnectionState = { status: 'online', nextRetryAt: null, attempt: 0 }

export function createConnectionStore(deps: ConnectionDeps): ConnectionStore {
  let state: ConnectionState = ONLINE
  let timer: unknown = null
  let checking = false
  const listeners = new Set<() => void>()
  const reconnectListeners = new Set<() => void>()

  const set = (next: ConnectionState) => {
    state = next
    listeners.forEach((l) => l())
  }
  const stopTimer = () => {
    if (timer !== null) deps.clearTimer(timer)
    timer = null
  }
  const schedule = (attempt: number) => {
    stopTimer()
    const wait = backoffDelay(attempt)
    set({ status: 'offline', nextRetryAt: deps.now() + wait, attempt })
    timer = deps.setTimer(() => {
      timer = null
      void check()
    }, wait)
  }
  async function check() {
    if (checking) return
    checking = true
    if (state.status === 'offline') set({ ...state, nextRetryAt: null })
    let ok = false
    try {
      ok = await deps.ping()
    } catch {
      ok = false
    }
    checking = false
    if (ok) reportReachable()
    else if (state.status === 'offline') schedule(state.attempt + 1)
    else reportFailure()
  }
  function reportFailure() {
    if (state.status === 'offline') return
    schedule(0)
  }
  function reportReachable() {
    if (state.status !== 'offline') return
    stopTimer()
    set({ status: 'reconnected', nextRetryAt: null, attempt: 0 })
    reconnectListeners.forEach((l) => l())
    timer = deps.setTimer(() => {
      timer = null
      if (state.status === 'reconnected') set(ONLINE)
    }, RECONNECTED_MS)
  }
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    reportFailure,
    reportReachable,
    suspect() {
      if (state.status !== 'offline') void check()
    },
    retryNow() {
      if (state.status !== 'offline') return
      stopTimer()
      void check()
    },
    onReconnected(listener) {
      reconnectListeners.add(listener)
      return () => reconnectListeners.delete(listener)
    },
  }
}

/** The answer of a call that never reached the back end (transport.ts turns a failed fetch into this). */
export function isUnreachable(result: { ok: boolean; error?: { code: string; message: string } }): boolean {
  return !result.ok && result.error?.code === 'internal' && (result.error.message === 'err.network' || result.error.message === 'err.bad_response')
}
