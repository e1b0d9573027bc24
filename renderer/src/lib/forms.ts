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

/** Contract field path → form field path: a map of whole paths, or a function (e.g. to drop a prefix). */
export type PathRename = Record<string, string> | ((path: string) => string)

function renamePath(path: string, rename: PathRename | undefined): string {
  if (!rename) return path
  return typeof rename === 'function' ? rename(path) : (rename[path] ?? path)
}

interface ValidateOptions<V> {
  /**
   * What the schema checks, built from the values. Default: the values with blank strings as `undefined`, so a blank
   * required field reads "required".
   */
  prepare?: (values: V) => unknown
  /** Schema paths → form paths (when the checked object is not shaped like the form). */
  rename?: PathRename
}

/** Mantine form validation from a contract schema; messages are i18n keys, translated here (first issue per field). */
export function zodValidate<V extends object>(schema: z.ZodType, extra?: (values: V) => FormErrors, options: ValidateOptions<V> = {}) {
  return (values: V): FormErrors => {
    const errors: FormErrors = {}
    const result = schema.safeParse(options.prepare ? options.prepare(values) : blankToUndefined(values))
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = renamePath(issue.path.map(String).join('.'), options.rename)
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
export function applyServerErrors(form: ErrorSink, error: unknown, rename?: PathRename): boolean {
  if (!isApiCallError(error) || !error.fields) return false
  const errors: FormErrors = {}
  for (const [path, key] of Object.entries(error.fields)) errors[renamePath(path, rename)] = translateFieldError(key)
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
