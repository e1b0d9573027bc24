/**
 * Release settings (setting `release.rules`; the contact card's wording in `release.contactCard`). The notice days come
 * from [L2 §34] (the deciding organ is notified 3 days before release); the contact card's wording is the facility's.
 */
import { z } from 'zod'
import { intRange, optionalText, tooLong } from '../../contract/common'

export const releaseRulesSchema = z.object({
  /** The deciding organ is notified at least this many days before the release date ([L2 §34]: 3). */
  organNoticeDays: intRange(0, 30, 'v.range_days'),
  /** Days ahead the 出所管理 screen lists planned releases and people whose term ends without a plan. */
  upcomingDays: intRange(1, 180, 'v.range_days'),
})
export type ReleaseRules = z.output<typeof releaseRulesSchema>
export const DEFAULT_RELEASE_RULES: ReleaseRules = { organNoticeDays: 3, upcomingDays: 30 }

export const CONTACT_CARD_LIMITS = { title: 30, hotline: 40, text: 300 } as const
export const contactCardSchema = z.object({
  /** The card's heading, e.g. 爱心服务指导联系卡. */
  title: z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(CONTACT_CARD_LIMITS.title, tooLong(CONTACT_CARD_LIMITS.title)),
  /** The facility's hotline as printed (a number or a few words). */
  hotline: optionalText(CONTACT_CARD_LIMITS.hotline),
  /** A short text printed under it (the facility's words, no rehab wording required). */
  text: optionalText(CONTACT_CARD_LIMITS.text),
})
export type ContactCardSettings = z.output<typeof contactCardSchema>
export const DEFAULT_CONTACT_CARD: ContactCardSettings = { title: '爱心服务指导联系卡', hotline: null, text: null }
