import { checkCertificateNumber, certificateNumberMessage, isSkillLevel } from '@shared/domain/certificates'
import { isValidIsoDate } from '@shared/domain/dates'

/**
 * The message key of a typed certificate number, checked as the server will: its format, its year part against the
 * issue date and its level part against the course's level. Null when it is right; a blank number says so only when
 * `required` (while typing, an empty field is not yet an error). Duplicates within the batch are refused too.
 */
export function numberProblem(number: string, options: { issuedOn: string; level: number | null; required: boolean; others: readonly string[] }): string | null {
  if (number.trim() === '') return options.required ? 'cert.empty' : null
  const check = checkCertificateNumber(number, {
    // An unfinished issue date is its own field's error; the number is then checked without the year.
    ...(isValidIsoDate(options.issuedOn) ? { issued: options.issuedOn } : {}),
    ...(isSkillLevel(options.level) ? { level: options.level } : {}),
  })
  if (!check.valid) return certificateNumberMessage(check)
  const normalized = check.normalized
  const twice = options.others.some((other) => {
    const o = checkCertificateNumber(other)
    return o.valid && o.normalized === normalized
  })
  return twice ? 'cert.duplicate' : null
}
