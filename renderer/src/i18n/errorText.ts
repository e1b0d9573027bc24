import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiCallError } from '../api/errors'
import i18n, { isTextKey } from './index'

/**
 * Translates a message key that may carry JSON parameters after a bar: `key` or `key|{"expected":"1990-01-01"}`.
 * Unknown keys are returned as they are (the server may already have written a sentence).
 */
export function translateKey(raw: string): string {
  const bar = raw.indexOf('|')
  const key = bar < 0 ? raw : raw.slice(0, bar)
  let params: Record<string, unknown> = {}
  if (bar >= 0) {
    try {
      const parsed: unknown = JSON.parse(raw.slice(bar + 1))
      if (parsed && typeof parsed === 'object') params = parsed as Record<string, unknown>
    } catch {
      params = {}
    }
  }
  if (!isTextKey(key)) return raw
  const shown: Record<string, unknown> = { ...params }
  // Sex codes inside parameters read better as words.
  for (const [name, value] of Object.entries(params)) {
    if (value === 'M' || value === 'F') shown[name] = i18n.t(`sex.${value}`)
  }
  return i18n.t(key, shown)
}

/** A form-field error: translated, or the generic "invalid" text when the key is unknown (e.g. a raw zod message). */
export function translateFieldError(raw: string): string {
  const key = raw.split('|')[0] ?? raw
  return i18n.exists(key) ? translateKey(raw) : i18n.t('v.invalid')
}

/** One readable sentence for any error thrown by the API client or elsewhere. */
export function errorMessage(error: unknown): string {
  if (isApiCallError(error)) {
    // A stale edit names who saved last and when (the server's sentence has it; shown again in the UI language).
    const changedBy = error.changedBy ? i18n.t('err.changed_by', error.changedBy) : ''
    if (error.key && i18n.exists(error.key.split('|')[0] ?? '')) return translateKey(error.key) + changedBy
    if (error.message) {
      const translated = translateKey(error.message)
      if (translated !== error.message || !i18n.exists(`err.${error.code}`)) return translated
      // A sentence from the server, written in the facility's language: prefer it unless the UI language differs.
      return i18n.language === 'zh-CN' ? error.message : i18n.t(`err.${error.code}`)
    }
    return i18n.t(`err.${error.code}`)
  }
  if (error instanceof Error && error.message) return error.message
  return i18n.t('err.internal')
}

export function useErrorText(): (error: unknown) => string {
  const { i18n: instance } = useTranslation()
  // Depends on the language so components re-render with the new text after a switch.
  return useCallback((error: unknown) => errorMessage(error), [instance.language]) // eslint-disable-line react-hooks/exhaustive-deps
}
