import { z } from 'zod'
import { id, intAtLeast, intRange, isoDate, tooLong } from './common'
import { method, noAudit } from './define'
import type { AuditRow } from './people'

export type AuditVerifyResult = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; problem: string }

/**
 * Repeated reads of one record by one user, by one method, inside the same fixed 10-minute window of the clock are
 * shown as one row with a count (each read is still its own row in the chain). Fixed windows (10:00–10:10, …) rather
 * than "10 minutes after the first read" make a row's group depend on the row alone, so counts are the same whatever
 * page a group starts on or runs across.
 */
export const AUDIT_READ_COLLAPSE_MINUTES = 10
/** The most rows one Excel export holds (collapsed rows); the export says when the filter matched more. */
export const AUDIT_EXPORT_MAX = 10_000

/** One row of the audit page: a stored row, or the newest of a collapsed group of reads with `count` > 1. */
export interface AuditLogRow extends AuditRow {
  actorId: string | null
  /** How many reads the row stands for (1 for every write and single read). */
  count: number
  /** The oldest read of a collapsed group (its `at` is the newest); equal to `at` when count is 1. */
  firstAt: string
}

/** Names for the ids on a page (records, actors, ids inside details), resolved when the page is read. */
export interface AuditNames {
  people: Record<string, { name: string; voided: boolean }>
  staff: Record<string, string>
  wards: Record<string, string>
}

/** Where the next page starts: after this row in the (at, seq) newest-first order. */
export const auditCursor = z.object({ at: z.string().max(40, tooLong(40)), seq: intAtLeast(1) })
export type AuditCursor = z.infer<typeof auditCursor>

export interface AuditPage {
  rows: AuditLogRow[]
  names: AuditNames
  /** The cursor of the next page, null on the last one (found by reading one row more, never by counting). */
  next: AuditCursor | null
}

export interface AuditExport {
  rows: AuditLogRow[]
  names: AuditNames
  /** True when the filter matched more than AUDIT_EXPORT_MAX rows (the export holds the newest ones). */
  truncated: boolean
}

/** The filters of the audit page; each one is answered from an index. Dates are Beijing calendar dates, inclusive. */
export const auditFilter = {
  method: z.string().max(60, tooLong(60)).optional(),
  personId: id.optional(),
  actorId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
}
export type AuditFilter = { method?: string | undefined; personId?: string | undefined; actorId?: string | undefined; from?: string | undefined; to?: string | undefined }

/** An end date before the start date is refused on the end date's field. */
const withDateOrder = <S extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: S): S =>
  schema.refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'v.end_before_start', path: ['to'] }) as S

/**
 * One day of the audit log on paper (审计日报): counts by action and by staff member, every security event, and the
 * chain's head at the time of printing — the anchor kept outside the computer, to compare with the log later.
 */
export interface AuditDailySummary {
  date: string
  facilityName: string | null
  generatedAt: string
  rows: number
  byMethod: Array<{ method: string; count: number }>
  byActor: Array<{ actorName: string | null; count: number }>
  securityEvents: AuditLogRow[]
  /** Security events of the day beyond those listed (the list holds at most AUDIT_SUMMARY_EVENTS_MAX). */
  moreSecurityEvents: number
  head: { seq: number; hash: string } | null
}
export const AUDIT_SUMMARY_EVENTS_MAX = 200

export const auditContract = {
  'audit:list': method<AuditPage>()({
    input: withDateOrder(z.object({ ...auditFilter, after: auditCursor.optional(), limit: intRange(1, 200).default(50) })),
    access: 'audit.read',
    scope: 'facility',
    audit: noAudit,
  }),
  /** The rows of a filter for an Excel file; recorded, since the file leaves the application. */
  'audit:export': method<AuditExport>()({
    input: withDateOrder(z.object(auditFilter)),
    access: 'audit.read',
    scope: 'facility',
    audit: { kind: 'read', recordType: 'audit_log', record: () => null },
  }),
  'audit:dailySummary': method<AuditDailySummary>()({
    input: z.object({ date: isoDate }),
    access: 'audit.read',
    scope: 'facility',
    audit: { kind: 'read', recordType: 'audit_log', record: () => null },
  }),
  'audit:verify': method<AuditVerifyResult>()({ input: z.object({}), access: 'audit.read', audit: noAudit, scope: 'facility' }),
}
