import type { ApiResult } from '@shared/contract'
import { ApiCallError } from './errors'
import { getSessionId } from './session'

/** What the Electron preload exposes (window.xinsheng); absent in browser mode. */
interface XinshengBridge {
  invoke(method: string, input: unknown): Promise<ApiResult<unknown>>
}

declare global {
  interface Window {
    xinsheng?: XinshengBridge
  }
}

export function hasBridge(): boolean {
  return typeof window.xinsheng?.invoke === 'function'
}

/** Sends one call and returns the raw ApiResult; network failures become an `internal` error result. */
export async function send(method: string, input: unknown): Promise<ApiResult<unknown>> {
  const bridge = window.xinsheng
  if (bridge && typeof bridge.invoke === 'function') return bridge.invoke(method, input)
  return sendHttp(method, input)
}

async function sendHttp(method: string, input: unknown): Promise<ApiResult<unknown>> {
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
    })
  } catch {
    return { ok: false, error: { code: 'internal', message: 'err.network' } }
  }
  let body: ApiResult<unknown>
  try {
    body = (await response.json()) as ApiResult<unknown>
  } catch {
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
