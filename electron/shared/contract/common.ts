import { z } from 'zod'
import { isValidIsoDate } from '../domain/dates'

/** Validation messages are i18n keys (see shared/i18n/messages.ts); core and renderer translate them. */
export const isoDate = z.string({ error: 'v.required' }).refine(isValidIsoDate, { message: 'v.date' })
export const optionalIsoDate = z.union([isoDate, z.null()]).optional()
export const id = z.string({ error: 'v.required' }).uuid({ message: 'v.id' })
export const text = (max: number) => z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(max, 'v.too_long')
export const optionalText = (max: number) =>
  z.string().trim().max(max, 'v.too_long').nullish().transform((v) => (v ? v : null))
export const reason = z.string({ error: 'v.reason_required' }).trim().min(2, 'v.reason_required').max(500, 'v.too_long')

export const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
}

export interface Paged<T> {
  rows: T[]
  total: number
}
