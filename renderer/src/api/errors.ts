import type { ApiError, ErrorCode } from '@shared/contract'

/** Thrown by `api.invoke` when the back end answers `{ ok: false }`. */
export class ApiCallError extends Error {
  readonly code: ErrorCode
  readonly fields: Record<string, string> | undefined
  /** Set when the browser-mode access token (not the login session) was refused. */
  readonly tokenRejected: boolean
  /**
   * The message key (`key` or `key|{json params}`) if the back end sends one beside its sentence, so the error can be
   * shown in the interface language rather than the facility's.
   */
  readonly key: string | undefined
  /** A stale edit (issue 15): who saved the record last and when; the message already says it. */
  readonly changedBy: { by: string; at: string } | undefined

  constructor(error: ApiError & { key?: unknown }, tokenRejected = false) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.fields = error.fields
    this.tokenRejected = tokenRejected
    this.key = typeof error.key === 'string' ? error.key : undefined
    this.changedBy = error.changedBy && typeof error.changedBy.by === 'string' && typeof error.changedBy.at === 'string' ? error.changedBy : undefined
  }
}

export function isApiCallError(e: unknown): e is ApiCallError {
  return e instanceof ApiCallError
}

/** The call never reached the back end (browser mode: the server is down or the network is gone). */
export function isNetworkError(e: unknown): boolean {
  return isApiCallError(e) && e.code === 'internal' && e.message === 'err.network'
}

/** Failures a form shows in its save alert (SaveErrorAlert), keeping every typed value: a stale edit, no connection. */
export function isSaveProblem(e: unknown): boolean {
  return isNetworkError(e) || (isApiCallError(e) && e.code === 'conflict')
}
