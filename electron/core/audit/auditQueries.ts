import type { AuditCursor, AuditRow } from '../../shared/contract'
import type { Db } from '../db/open'

const SELECT_AUDIT_ROW = `
  SELECT seq, at, actor_id AS actorId, actor_name AS actorName, method, record_type AS recordType, record_id AS recordId, detail
  FROM audit_log`

/** A stored row as the audit page reads it. */
export interface AuditRecord extends AuditRow {
  actorId: string | null
}

/** The audit page's filters with the dates already turned into instants (`fromAt` inclusive, `toAt` exclusive). */
export interface AuditInstantFilter {
  method?: string | undefined
  personId?: string | undefined
  actorId?: string | undefined
  fromAt?: string | undefined
  toAt?: string | undefined
}

/**
 * The page query, built from the filters present (an optional-parameter OR filter could use no index). Rows come
 * newest first by (at, seq); every filter has an index that ends in `at` (and, implicitly, the rowid seq), so SQLite
 * reads the rows in order from that index and stops after LIMIT: no count, no sort, no scan of the table.
 * Exported for the query-plan test.
 */
export function auditListQuery(filter: AuditInstantFilter, after: AuditCursor | undefined, limit: number): { sql: string; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = { limit }
  if (filter.method) {
    where.push('method = @method')
    params.method = filter.method
  }
  if (filter.personId) {
    where.push("record_type = 'person' AND record_id = @personId")
    params.personId = filter.personId
  }
  if (filter.actorId) {
    where.push('actor_id = @actorId')
    params.actorId = filter.actorId
  }
  if (filter.fromAt) {
    where.push('at >= @fromAt')
    params.fromAt = filter.fromAt
  }
  if (filter.toAt) {
    where.push('at < @toAt')
    params.toAt = filter.toAt
  }
  if (after) {
    // `at <= @afterAt` is the index range; the rest drops the rows of that instant already shown.
    where.push('at <= @afterAt AND (at < @afterAt OR seq < @afterSeq)')
    params.afterAt = after.at
    params.afterSeq = after.seq
  }
  const sql = `${SELECT_AUDIT_ROW} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, seq DESC LIMIT @limit`
  return { sql, params }
}

export function auditRowsAfter(db: Db, filter: AuditInstantFilter, after: AuditCursor | undefined, limit: number): AuditRecord[] {
  const { sql, params } = auditListQuery(filter, after, limit)
  return db.prepare(sql).all(params) as AuditRecord[]
}

export const READ_GROUP_SQL = `
  SELECT count(*) AS count, max(seq) AS newestSeq, min(at) AS firstAt FROM audit_log
  WHERE actor_id = @actorId AND at >= @windowStart AND at < @windowEnd
    AND method = @method AND record_type IS @recordType AND record_id IS @recordId`

/**
 * The reads of one record by one actor and method inside one window: how many, the newest (the one row shown) and the
 * first. Answered from the (actor_id, at) index over at most one window's rows.
 */
export function readGroup(
  db: Db,
  g: { actorId: string; method: string; recordType: string | null; recordId: string | null; windowStart: string; windowEnd: string },
): { count: number; newestSeq: number; firstAt: string } {
  return db.prepare(READ_GROUP_SQL).get(g) as { count: number; newestSeq: number; firstAt: string }
}

/** The newest 500 rows about one record (a person's file shows them). */
export function auditForRecord(db: Db, recordType: string, recordId: string): AuditRow[] {
  return db.prepare(`${SELECT_AUDIT_ROW} WHERE record_type = ? AND record_id = ? ORDER BY seq DESC LIMIT 500`).all(recordType, recordId) as AuditRow[]
}

/** One day's rows counted by action or by staff member (by the name the row recorded), from the audit_at index range. */
export function auditCountsBy<C extends 'method' | 'actor_name'>(db: Db, column: C, fromAt: string, toAt: string) {
  return db
    .prepare(`SELECT ${column} AS value, count(*) AS count FROM audit_log WHERE at >= ? AND at < ? GROUP BY ${column} ORDER BY count DESC, ${column}`)
    .all(fromAt, toAt) as Array<{ value: C extends 'method' ? string : string | null; count: number }>
}

/** One day's rows of the given actions, oldest first, at most `limit` (through audit_method_at). */
export const auditRowsOfMethods = (db: Db, methods: readonly string[], fromAt: string, toAt: string, limit: number) =>
  db
    .prepare(`${SELECT_AUDIT_ROW} WHERE method IN (SELECT value FROM json_each(?)) AND at >= ? AND at < ? ORDER BY at, seq LIMIT ?`)
    .all(JSON.stringify(methods), fromAt, toAt, limit) as AuditRecord[]

/** The newest rows about one record, newest first (the dispatcher picks the last write among them for a conflict). */
export function recentAuditOfRecord(db: Db, recordType: string, recordId: string, limit: number): Array<{ method: string; actorName: string | null; at: string }> {
  return db
    .prepare(`SELECT method, actor_name AS actorName, at FROM audit_log WHERE record_type = ? AND record_id = ? ORDER BY at DESC, seq DESC LIMIT ?`)
    .all(recordType, recordId, limit) as Array<{ method: string; actorName: string | null; at: string }>
}
