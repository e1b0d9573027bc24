import type { ErrorCode } from '../shared/contract'

/**
 * An expected failure a service reports to the caller: a rule, a conflict, a missing record. `key` is a message key
 * from shared/i18n/messages.ts; `field` puts it on a form field.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly options: {
      params?: Record<string, string | number>
      field?: string
      /** Runs after the transaction is rolled back, for bookkeeping that must survive the failure (failed logins). */
      afterRollback?: () => void
    } = {},
  ) {
    super(key)
    this.name = 'AppError'
  }
}

export const notFound = (what = 'err.not_found') => new AppError('not_found', what)
export const ruleViolation = (key: string, field?: string, params?: Record<string, string | number>) =>
  new AppError('rule_violation', key, { field, params })

/** Several field errors at once (a form with more than one rule broken). */
export class FieldErrors extends Error {
  constructor(readonly fields: Record<string, { key: string; params?: Record<string, string | number> }>) {
    super('field errors')
    this.name = 'FieldErrors'
  }
}
