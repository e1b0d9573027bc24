/**
 * The check of a typed certificate number in the batch dialog: the shared rule (checkCertificateNumber and its message
 * key) against the issue date and the course's level, plus duplicates within the batch. No `@shared` import here, so
 * the unit tests run it in Node with the same shared functions (see certificateChecker.ts for the app's binding).
 */

type CheckResult = { valid: true; normalized: string } | { valid: false }

/** The shared functions the check is made of (electron/shared/domain/certificates and dates). */
export interface CertificateRules<F extends { valid: false }> {
  check: (number: string, options: { issued?: string; level?: 1 | 2 | 3 | 4 | 5 }) => CheckResult | F
  message: (failure: F) => string
  isLevel: (value: unknown) => value is 1 | 2 | 3 | 4 | 5
  isDate: (value: string) => boolean
}

export type NumberChecker = (number: string, options: { issuedOn: string; level: number | null; required: boolean; others: readonly string[] }) => string | null

/**
 * The message key of a typed number, or null when it is right. A blank number says so only when `required` (while
 * typing, an empty field is not yet an error); an unfinished issue date is its own field's error, so the number is then
 * checked without the year.
 */
export function numberChecker<F extends { valid: false }>(rules: CertificateRules<F>): NumberChecker {
  return (number, { issuedOn, level, required, others }) => {
    if (number.trim() === '') return required ? 'cert.empty' : null
    const result = rules.check(number, { ...(rules.isDate(issuedOn) ? { issued: issuedOn } : {}), ...(rules.isLevel(level) ? { level } : {}) })
    if (!result.valid) return rules.message(result as F)
    const twice = others.some((other) => {
      const o = rules.check(other, {})
      return o.valid && o.normalized === result.normalized
    })
    return twice ? 'cert.duplicate' : null
  }
}
