import type { ApiResult } from '@shared/contract'
import type { BackendEventListener } from '@shared/events'
import type { WindowBridge } from '@shared/host'
import { ApiCallError } from './errors'
import { onHttpStreamDropped, reopenHttpEvents, subscribeHttpEvents } from './eventStream'
import { getSessionId } from './session'

declare global {
  /**
   * What the Electron preload exposes (one object); absent in browser mode. Without `invoke` (a workstation connected
   * to the facility server) calls go over HTTPS like browser mode's.
   */
  interface Window {
    xinsheng?: WindowBridge
  }
}

export function hasBridge(): boolean {
  return typeof window.xinsheng?.invoke === 'function'
}

/**
 * Sends one call and returns the raw ApiResult; network failures become an `internal` error result. An aborted call
 * (`signal`) rejects with the abort reason, so nobody mistakes it for a network failure. IPC calls cannot be aborted.
 */
export async function send(method: string, input: unknown, signal?: AbortSignal): Promise<ApiResult<unknown>> {
  const bridge = window.xinsheng
  if (bridge && typeof bridge.invoke === 'function') return bridge.invoke(method, input)
  return sendHttp(method, input, signal)
}

/** Subscribes to back-end events (long jobs' progress): over IPC in Electron, the /api/events stream in browser mode. */
export function onEvent(listener: BackendEventListener): () => void {
  const bridge = window.xinsheng
  if (bridge && typeof bridge.onEvent === 'function') return bridge.onEvent(listener)
  return subscribeHttpEvents(listener)
}

/** Browser mode: told when the event stream drops (over IPC there is nothing to drop). */
export function onEventStreamDropped(listener: () => void): () => void {
  return hasBridge() ? () => undefined : onHttpStreamDropped(listener)
}

/** Browser mode: (re)open the event stream now (after signing in, after the connection came back). */
export function reopenEvents(): void {
  if (!hasBridge()) reopenHttpEvents()
}

async function sendHttp(method: string, input: unknown, signal?: AbortSignal): Promise<ApiResult<unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-xinsheng-client': '1' }
  const session = getSessionId()
  if (session) headers['x-xinsheng-session'] = session
  let response: Response
  try {
    response = await fetch('/api/invoke', {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: JSON.stringify({ method, input }),
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error
    return { ok: false, error: { code: 'internal', message: 'err.network' } }
  }
  let body: ApiResult<unknown>
  try {
    body = (await response.json()) as ApiResult<unknown>
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error
    return { ok: false, error: { code: 'internal', message: 'err.bad_response' } }
  }
  if (!body.ok && response.status === 401 && body.error.code === 'unauthenticated' && isTokenMessage(body.error.message)) {
    throw new ApiCallError(body.error, true)
  }
  return body
}

function isTokenMessage(message: string): boolean {
  return /token|令牌/i.test(message)
}
