import type { QueryKey } from '@tanstack/react-query'
import type { Input, MethodName } from '@shared/contract'

/** The query key of one call: the method, then its input. Light (no UI imports), for the early start (boot/). */
export function apiKey<M extends MethodName>(method: M, input?: Input<M>): QueryKey {
  return input === undefined ? [method] : [method, input]
}
