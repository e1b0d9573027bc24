import type { FormErrors } from '@mantine/form'
import type { z } from 'zod'
import { isApiCallError } from '../api/errors'
import { translateFieldError } from '../i18n/errorText'

/** Empty strings become `undefined`, so a blank required field reads "required" and a blank optional one is omitted. */
export function blankToUndefined<T extends object>(values: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values)) {
    if (value === '') out[key] = undefined
    else if (Array.isArray(value)) out[key] = value.map((v: unknown) => (v && typeof v === 'object' ? blankToUndefined(v) : v))
    else if (value && typeof value === 'object') out[key] = blankToUndefined(value)
    else out[key] = value
  }
  return out as T
}

/** Mantine form validation from a contract schema; messages are i18n keys, translated here (first issue per field). */
export function zodValidate<V extends object>(schema: z.ZodType, extra?: (values: V) => FormErrors) {
  return (values: V): FormErrors => {
    const errors: FormErrors = {}
    const result = schema.safeParse(blankToUndefined(values))
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.')
        if (!(path in errors)) errors[path] = translateFieldError(issue.message)
      }
    }
    if (extra) {
      for (const [path, message] of Object.entries(extra(values))) if (!(path in errors) && message) errors[path] = message
    }
    return errors
  }
}

interface ErrorSink {
  setErrors(errors: FormErrors): void
}

/** Puts the server's field errors (path → i18n key, maybe with `|{json}` params) on the form; true when any were set. */
export function applyServerErrors(form: ErrorSink, error: unknown, rename: Record<string, string> = {}): boolean {
  if (!isApiCallError(error) || !error.fields) return false
  const errors: FormErrors = {}
  for (const [path, key] of Object.entries(error.fields)) errors[rename[path] ?? path] = translateFieldError(key)
  form.setErrors(errors)
  focusFirstError()
  return Object.keys(errors).length > 0
}

/** Brings the first field marked invalid into view and focus (long forms: the error may be off screen). */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]')
    if (!field) return
    field.scrollIntoView({ block: 'center', behavior: 'smooth' })
    field.focus({ preventScroll: true })
  })
}
