/**
 * The messages between the host thread (Electron main, `cli serve`, tests) and the back-end worker. One call is the
 * same `(method, input, sessionId)` triple every caller already uses; ids pair each answer with its question.
 */
import type { ApiResult } from '../../shared/contract'
import type { BackendEvent } from '../../shared/events'
import type { Locale } from '../../shared/i18n/messages'
import type { ServingInfo } from '../server/serving'

/** workerData: what the worker opens at start. */
export interface WorkerStart {
  dbFile: string
  locale?: Locale
  /** A fixed "now" (ISO instant) for tests; the system clock otherwise. */
  fixedNow?: string
  /** Under tsx/vitest only: the TypeScript entry the bootstrap loads after registering tsx. */
  tsEntry?: string
  /** How the back end is served (issue 15): shown on the health screen. */
  serving?: ServingInfo
  /**
   * 'reader': a read-only connection answering heavy reads for the facility server (server/readRouting.ts); the
   * session id of each call is then the staff id the writer vouched for. Default 'backend' (the one writer).
   */
  role?: 'backend' | 'reader'
}

export type HostMessage =
  | { type: 'invoke'; id: number; method: unknown; input: unknown; sessionId: string | null }
  | { type: 'reopen'; id: number; file: string }
  | { type: 'close'; id: number }
  /** The HTTP bridge's count of open event streams (live clients), for the health screen. No answer. */
  | { type: 'presence'; liveClients: number }

/** An error that crossed the thread boundary: its name and message as thrown, plus DatabaseTooNewError's versions. */
export interface SerializedError {
  name: string
  message: string
  code?: string
  found?: number
  supported?: number
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'startFailed'; error: SerializedError }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'reopened'; id: number; error: SerializedError | null }
  | { type: 'closed'; id: number }
  | { type: 'event'; event: BackendEvent }

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const extra = error as Error & { code?: unknown; found?: unknown; supported?: unknown }
  return {
    name: error.name,
    message: error.message,
    ...(typeof extra.code === 'string' ? { code: extra.code } : {}),
    ...(typeof extra.found === 'number' ? { found: extra.found } : {}),
    ...(typeof extra.supported === 'number' ? { supported: extra.supported } : {}),
  }
}

/**
 * The host side's copy of an error thrown in the worker: same name and message (callers show the message and test the
 * name, e.g. `DatabaseTooNewError`), without importing the database layer into the host thread.
 */
export class BackendError extends Error {
  readonly code: string | undefined
  readonly found: number | undefined
  readonly supported: number | undefined

  constructor(error: SerializedError) {
    super(error.message)
    this.name = error.name
    this.code = error.code
    this.found = error.found
    this.supported = error.supported
  }
}
