/**
 * STUB (helper H4, issue 15): a placeholder so the client branch compiles. The real module comes from the server
 * helper's branch and replaces this file at merge; keep theirs.
 */
import type { Server } from 'node:https'
import type { BackendEventListener } from '../../shared/events'
import type { AsyncDispatch } from '../http/server'

export interface FacilityBridgeOptions {
  dispatch: AsyncDispatch
  events?: (listener: BackendEventListener) => () => void
  onLiveClients?: (count: number) => void
  tls: { keyPem: string; certPem: string }
  host: string
  port: number
  names: string[]
  staticDir?: string
  limits?: Record<string, number>
}

export function startFacilityBridge(_options: FacilityBridgeOptions): Promise<{ server: Server; port: number; url: string; close(): Promise<void> }> {
  return Promise.reject(new Error('startFacilityBridge: stub (the server helper provides electron/core/server/facilityServer.ts)'))
}
