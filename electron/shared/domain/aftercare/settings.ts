/**
 * Aftercare settings (后续照管, issue 14). The follow-up cadence after release is a facility's own practice: no national
 * rule in the domain reference fixes it (UNVERIFIED), so every figure here is a default the administrator changes on
 * the aftercare settings card. A plan keeps the setting version it was made with.
 */
import { z } from 'zod'
import { intRange, tooLong, tooMany } from '../../contract/common'

/** Release kinds as in migration 019 (the release domain owns their rules; repeated here so settings need no import cycle). */
export const AFTERCARE_RELEASE_KINDS = ['on_time', 'early', 'community_conversion', 'transfer', 'medical', 'death'] as const
export type AftercareReleaseKind = (typeof AFTERCARE_RELEASE_KINDS)[number]

export const FOLLOW_UP_CADENCES = ['monthly', 'quarterly'] as const
export type FollowUpCadence = (typeof FOLLOW_UP_CADENCES)[number]

export const aftercarePlanSchema = z.object({
  /** Release kinds that get a follow-up plan (and form the cohorts). */
  coveredKinds: z
    .array(z.enum(AFTERCARE_RELEASE_KINDS, { error: 'v.required' }))
    .min(1, 'v.required')
    .max(AFTERCARE_RELEASE_KINDS.length, tooMany(AFTERCARE_RELEASE_KINDS.length))
    .refine((kinds) => new Set(kinds).size === kinds.length, { message: 'aftercare.duplicate_kind' }),
  /** A contact on the day of release (the handover). */
  releaseDayContact: z.boolean({ error: 'v.required' }),
  /** The first contact within N days of release. */
  firstContactDays: intRange(1, 60, 'v.range_days'),
  cadence: z.enum(FOLLOW_UP_CADENCES, { error: 'v.required' }),
  /** Periodic contacts for this many months after release (a quarterly plan uses whole quarters of it). */
  months: intRange(1, 36),
  /** A periodic contact is listed as due this many days before its date. */
  leadDays: intRange(0, 60, 'v.range_days'),
})
export type AftercarePlanSettings = z.output<typeof aftercarePlanSchema>

export const DEFAULT_AFTERCARE_PLAN: AftercarePlanSettings = {
  coveredKinds: ['on_time', 'early', 'community_conversion'],
  releaseDayContact: true,
  firstContactDays: 7,
  cadence: 'monthly',
  months: 12,
  leadDays: 7,
}

/** One entry of the help-given list; an entry in use is retired (active false), never removed, so old contacts read. */
export interface HelpKind {
  id: string
  zh: string
  en: string
  active: boolean
}
const helpId = z.string({ error: 'v.required' }).regex(/^[a-z][a-z0-9_]{0,39}$/, 'aftercare.list_id')
const label = (max: number) => z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(max, tooLong(max))
export const helpKindsSchema = z
  .array(z.object({ id: helpId, zh: label(20), en: label(40), active: z.boolean() }))
  .min(1, 'v.required')
  .max(40, tooMany(40))
  .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, { message: 'aftercare.duplicate_id' })

const help = (id: string, zh: string, en: string): HelpKind => ({ id, zh, en, active: true })
export const DEFAULT_HELP_KINDS: HelpKind[] = [
  help('employment', '就业帮扶', 'Employment support'),
  help('counselling', '心理疏导', 'Counselling'),
  help('relief', '生活救助', 'Living assistance'),
  help('medical', '医疗转介', 'Medical referral'),
  help('skills', '技能培训', 'Skills training'),
  help('other', '其他', 'Other'),
]
