import type { Input, MethodName, Output } from '@shared/contract'
import { ApiCallError } from './errors'
import { send } from './transport'

type Listener = (error: ApiCallError, method: MethodName) => void
const listeners = new Set<Listener>()

/** Subscribes to every failed call (used for session expiry and a revoked access token). */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

async function invoke<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  let result
  try {
    result = await send(method, input)
  } catch (e) {
    if (e instanceof ApiCallError) listeners.forEach((l) => l(e, method))
    throw e
  }
  if (result.ok) return result.value as Output<M>
  const error = new ApiCallError(result.error)
  listeners.forEach((l) => l(error, method))
  throw error
}

/** The typed API: one function for every method in the contract. */
export const api = { invoke }
