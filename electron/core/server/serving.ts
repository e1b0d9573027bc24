import type { ServeMode } from '../../shared/contract/server'

/**
 * How the back end is being served, told by whoever started it (the Electron main process, `cli serve`, the facility
 * server) and shown on the administrator's health screen. Plain data: it crosses into the worker thread.
 */
export interface ServingInfo {
  mode: ServeMode
  /** Facility mode: the address listened on and the server certificate's fingerprint and expiry. */
  tls?: { listen: string; fingerprint: string; notAfter: string } | null
}

/** What the health screen needs beyond the database: set once at open, the live count kept by the host thread. */
export interface ServingState extends ServingInfo {
  startedAt: string
  /** Event streams open now, as the HTTP bridge last reported (null: nobody reports it, e.g. Electron's IPC). */
  liveClients: number | null
}

export function servingState(info: ServingInfo | undefined, startedAt: string): ServingState {
  return { mode: info?.mode ?? 'embedded', tls: info?.tls ?? null, startedAt, liveClients: null }
}
