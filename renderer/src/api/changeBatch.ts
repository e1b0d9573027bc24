import { staleAfterWrite, type WriteEffectMap } from './refresh'

// Pure (no DOM, no @shared): the unit test runs it with hand-fired timers.

/** How long announcements are gathered before one refresh pass. */
export const CHANGE_BATCH_MS = 250

/** The test for one refresh pass: is the query whose key starts with `queryMethod` stale after any of `methods`? */
export function staleAfterChanges<D extends string>(methods: Iterable<string>, effects: WriteEffectMap<D>): (queryMethod: string) => boolean {
  const tests = [...new Set(methods)].map((method) => staleAfterWrite(method, effects))
  return (queryMethod) => tests.some((stale) => stale(queryMethod))
}

export interface ChangeBatcher {
  /** One announced write. */
  add(method: string): void
  /** Drops what is gathered (the window is refreshing everything anyway). */
  cancel(): void
}

/**
 * Gathers announced methods and, `delayMs` after the first of a batch, hands them over once. Timers are injected, so
 * the unit test drives it without waiting.
 */
export function createChangeBatcher(
  flush: (methods: string[]) => void,
  options: { delayMs?: number; setTimer?: (run: () => void, ms: number) => unknown; clearTimer?: (handle: unknown) => void } = {},
): ChangeBatcher {
  const { delayMs = CHANGE_BATCH_MS, setTimer = (run, ms) => setTimeout(run, ms), clearTimer = (h) => clearTimeout(h as ReturnType<typeof setTimeout>) } = options
  let pending = new Set<string>()
  let timer: unknown = null
  return {
    add(method) {
      pending.add(method)
      if (timer !== null) return
      timer = setTimer(() => {
        timer = null
        const methods = [...pending]
        pending = new Set()
        if (methods.length > 0) flush(methods)
      }, delayMs)
    },
    cancel() {
      if (timer !== null) clearTimer(timer)
      timer = null
      pending = new Set()
    },
  }
}
