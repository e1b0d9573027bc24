import { z } from 'zod'
import { isValidIsoDate } from '../domain/dates'

/**
 * Validation messages are i18n keys (see shared/i18n/messages.ts); core and renderer translate them. A message that
 * needs the limit carries it as JSON after a bar (`v.too_long|{"max":30}`), so every length and range message states
 * its limit ("不能超过 30 个字", "应为 1–12") on both sides. Use the helpers below for any bound.
 */
export function keyWithParams(key: string, params: Record<string, string | number>): string {
  return `${key}|${JSON.stringify(params)}`
}
export const tooLong = (max: number) => keyWithParams('v.too_long', { max })
export const tooMany = (max: number) => keyWithParams('v.too_many', { max })
export const atLeast = (min: number) => keyWithParams('v.at_least', { min })
export const atMost = (max: number) => keyWithParams('v.at_most', { max })

type RangeKey = 'v.range' | 'v.range_minutes' | 'v.range_days' | 'term.extension_range'
/** A whole number from min to max; the message (with its unit, by key) names both limits. */
export const intRange = (min: number, max: number, key: RangeKey = 'v.range') => {
  const message = keyWithParams(key, { min, max })
  return z.number({ error: 'v.number' }).int('v.integer').min(min, message).max(max, message)
}
/** A whole number not below min (a count, an offset, a revision). */
export const intAtLeast = (min: number) => z.number({ error: 'v.number' }).int('v.integer').min(min, atLeast(min))

/** No record of a facility, a person's birth included, is dated before this: an earlier date is a typing mistake. */
export const EARLIEST_DATE = '1900-01-01'
export const isoDate = z
  .string({ error: 'v.required' })
  .refine(isValidIsoDate, { message: 'v.date' })
  .refine((d) => d >= EARLIEST_DATE, { message: keyWithParams('v.date_too_early', { min: EARLIEST_DATE }) })
export const optionalIsoDate = z.union([isoDate, z.null()]).optional()
export const id = z.string({ error: 'v.required' }).uuid({ message: 'v.id' })
export const text = (max: number) => z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(max, tooLong(max))
export const optionalText = (max: number) =>
  z.string().trim().max(max, tooLong(max)).nullish().transform((v) => (v ? v : null))
export const reason = z.string({ error: 'v.reason_required' }).trim().min(2, 'v.reason_required').max(500, tooLong(500))
/**
 * The version of a setting as its form loaded it (the read method returns it): a save naming an older one is refused
 * ('settings.stale'), so two administrators never silently overwrite each other (issue 15).
 */
export const settingVersionInput = z.string({ error: 'v.required' }).min(1, 'v.required').max(64, tooLong(64))

export const page = {
  offset: intAtLeast(0).default(0),
  limit: intRange(1, 500).default(50),
}

export interface Paged<T> {
  rows: T[]
  total: number
}

/**
 * A page of a long list whose total is counted only when asked (`withTotal`): a scrolling list asks once, with its first
 * page, instead of counting every matching file again for each page it fetches.
 */
export interface ListPage<T> {
  rows: T[]
  total: number | null
}
