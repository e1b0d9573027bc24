import type { Input, MethodName, Output } from '@shared/contract'
import { connection, isUnreachable } from './connection'
import { ApiCallError } from './errors'
import { send } from './transport'

type Listener = (error: ApiCallError, method: MethodName) => void
const listeners = new Set<Listener>()

/** Subscribes to every failed call (used for session expiry and a revoked access token). */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Calls one method. `signal` (TanStack Query's, for a query whose answer nobody waits for any more) aborts the HTTP
 * request in browser mode; over IPC a call cannot be aborted, and its late answer is dropped by the query cache.
 */
async function invoke<M extends MethodName>(method: M, input: Input<M>, options: { signal?: AbortSignal } = {}): Promise<Output<M>> {
  let result
  try {
    result = await send(method, input, options.signal)
  } catch (e) {
    if (e instanceof ApiCallError) listeners.forEach((l) => l(e, method))
    throw e
  }
  // Every answer (or its absence) tells the connection banner whether the back end is reachable.
  if (isUnreachable(result)) connection.reportFailure()
  else connection.reportReachable()
  if (result.ok) return result.value as Output<M>
  const error = new ApiCallError(result.error)
  listeners.forEach((l) => l(error, method))
  throw error
}

/** The typed API: one function for every method in the contract. */
export const api = { invoke }
