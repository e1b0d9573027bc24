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

  constructor(error: ApiError & { key?: unknown }, tokenRejected = false) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.fields = error.fields
    this.tokenRejected = tokenRejected
    this.key = typeof error.key === 'string' ? error.key : undefined
  }
}

export function isApiCallError(e: unknown): e is ApiCallError {
  return e instanceof ApiCallError
}
