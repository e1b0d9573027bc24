import { AUDIT_SUMMARY_EVENTS_MAX, type AuditDailySummary } from '../../shared/contract'
import { addDays } from '../../shared/domain/dates'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { auditCountsBy, auditRowsOfMethods } from './auditQueries'
import { lastAuditLink } from './auditRepo'
import { SECURITY_EVENTS } from './securityEvents'

/** The start of a Beijing calendar date as a UTC instant (China keeps UTC+8 all year). */
const beijingDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()

/** The daily summary (审计日报) of a Beijing calendar date, with the chain's head now: the anchor to keep on paper. */
export function auditDailySummary(db: Db, date: string, generatedAt: string): AuditDailySummary {
  const fromAt = beijingDayStart(date)
  const toAt = beijingDayStart(addDays(date, 1))
  const byMethod = auditCountsBy(db, 'method', fromAt, toAt).map(({ value, count }) => ({ method: value, count }))
  const securityMethods = Object.values(SECURITY_EVENTS)
  const securityTotal = byMethod.filter((m) => (securityMethods as readonly string[]).includes(m.method)).reduce((n, m) => n + m.count, 0)
  const events = auditRowsOfMethods(db, securityMethods, fromAt, toAt, AUDIT_SUMMARY_EVENTS_MAX)
  const head = lastAuditLink(db)
  return {
    date,
    facilityName: readSetting(db, 'facility.name'),
    generatedAt,
    rows: byMethod.reduce((n, m) => n + m.count, 0),
    byMethod,
    byActor: auditCountsBy(db, 'actor_name', fromAt, toAt).map(({ value, count }) => ({ actorName: value, count })),
    securityEvents: events.map((r) => ({ ...r, count: 1, firstAt: r.at })),
    moreSecurityEvents: Math.max(0, securityTotal - events.length),
    head: head ? { seq: head.seq, hash: head.hash } : null,
  }
}
