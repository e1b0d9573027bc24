import type { ApiError, ErrorCode } from '../../../electron/shared/contract'

/** Thrown by `api.invoke` when the back end answers `{ ok: false }`. */
export class ApiCallError extends Error {
  readonly code: ErrorCode
  readonly fields: Record<string, string> | undefined
  /** Set when the browser-mode access token (not the login session) was refused. */
  readonly tokenRejected: boolean

  constructor(error: ApiError, tokenRejected = false) {
    super(error.message)
    this.name = 'ApiCallError'
    this.code = error.code
    this.fields = error.fields
    this.tokenRejected = tokenRejected
  }
}

export function isApiCallError(e: unknown): e is ApiCallError {
  return e instanceof ApiCallError
}
