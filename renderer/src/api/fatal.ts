import { useSyncExternalStore } from 'react'

/** Set once the browser-mode access token is refused; the whole window then shows a fixed message. */
let tokenRejected = false
const subscribers = new Set<() => void>()

export function markTokenRejected(): void {
  if (tokenRejected) return
  tokenRejected = true
  subscribers.forEach((s) => s())
}

export function useTokenRejected(): boolean {
  return useSyncExternalStore(
    (cb) => {
      subscribers.add(cb)
      return () => subscribers.delete(cb)
    },
    () => tokenRejected,
  )
}
