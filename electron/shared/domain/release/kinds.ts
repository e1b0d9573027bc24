/**
 * Release kinds (出所类型, issue 14) and the fields each adds of its own (`releases.details`, one JSON object per kind).
 * While a release is planned every field may still be empty; what must be filled before it is confirmed is the
 * checklist's business (checklist.ts). Each schema is strict: a key another kind uses is refused, not kept silently.
 */
import { z } from 'zod'
import { optionalIsoDate, optionalText } from '../../contract/common'

export const RELEASE_KINDS = ['on_time', 'early', 'community_conversion', 'transfer', 'medical', 'death'] as const
export type ReleaseKind = (typeof RELEASE_KINDS)[number]
export const RELEASE_STATUSES = ['planned', 'released'] as const
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number]

export const RELEASE_LIMITS = {
  docNo: 60,
  certificateNo: 40,
  name: 40,
  place: 60,
  community: 100,
  reason: 300,
  note: 500,
  riskNotes: 1000,
  recipient: 60,
} as const

const docNo = optionalText(RELEASE_LIMITS.docNo)
const reasonText = optionalText(RELEASE_LIMITS.reason)
const place = optionalText(RELEASE_LIMITS.place)
const date = optionalIsoDate.transform((v) => v ?? null)

/** Per kind, its own fields. Every key is optional at planning; checklist.ts says which a confirmation needs. */
export const RELEASE_DETAIL_SCHEMAS = {
  on_time: z.strictObject({}),
  /** 提前解除: the deciding organ's decision (提前解除强制隔离戒毒决定书, [L2 §33]). */
  early: z.strictObject({ decisionDocNo: docNo, decisionDate: date }),
  /** 转为社区戒毒: a person on outside medical treatment unfit to return ([L2 §31]); the organ's decision and why. */
  community_conversion: z.strictObject({ decisionDocNo: docNo, reason: reasonText }),
  /** 转所: the receiving facility and the transfer document. */
  transfer: z.strictObject({ toFacility: place, docNo }),
  /** 所外就医: where, and why. */
  medical: z.strictObject({ hospital: place, reason: reasonText }),
  /** 死亡: cause, place and the days each report was made ([P12]: supervising organ, family, deciding organ, procuratorate). */
  death: z.strictObject({
    cause: reasonText,
    place,
    reports: z
      .strictObject({ supervisingOrgan: date, family: date, decidingOrgan: date, procuratorate: date })
      .optional()
      .transform((r) => r ?? { supervisingOrgan: null, family: null, decidingOrgan: null, procuratorate: null }),
  }),
} as const satisfies Record<ReleaseKind, z.ZodType>

export type ReleaseDetailsOf<K extends ReleaseKind> = z.output<(typeof RELEASE_DETAIL_SCHEMAS)[K]>
/** The details of any kind, as stored (a plain object; read with the kind's schema). */
export type ReleaseDetails = { [K in ReleaseKind]: ReleaseDetailsOf<K> }[ReleaseKind]

export const DEATH_REPORTS = ['supervisingOrgan', 'family', 'decidingOrgan', 'procuratorate'] as const

/** The details as stored, read back through the kind's schema (a row written by an older version reads whole). */
export function parseDetails(kind: ReleaseKind, raw: unknown): ReleaseDetails {
  const parsed = RELEASE_DETAIL_SCHEMAS[kind].safeParse(raw ?? {})
  return (parsed.success ? parsed.data : RELEASE_DETAIL_SCHEMAS[kind].parse({})) as ReleaseDetails
}

/** A text value from the details, whatever the kind (undefined when the kind has no such key). */
export function detailText(details: ReleaseDetails, key: string): string | null {
  const value = (details as Record<string, unknown>)[key]
  return typeof value === 'string' && value.length > 0 ? value : null
}
