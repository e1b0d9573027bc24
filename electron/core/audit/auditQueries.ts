import type { AuditRow, Paged } from '../../shared/contract'
import type { Db } from '../db/open'

const SELECT_AUDIT_ROW = `
  SELECT seq, at, actor_name AS actorName, method, record_type AS recordType, record_id AS recordId, detail
  FROM audit_log`

export function listAudit(db: Db, filter: { method?: string | undefined; offset: number; limit: number }): Paged<AuditRow> {
  const where = filter.method ? 'WHERE method = @method' : ''
  const params = { method: filter.method ?? null, offset: filter.offset, limit: filter.limit }
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(params) as { n: number }).n
  const rows = db.prepare(`${SELECT_AUDIT_ROW} ${where} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all(params) as AuditRow[]
  return { rows, total }
}

/** The newest 500 rows about one record (a person's file shows them). */
export function auditForRecord(db: Db, recordType: string, recordId: string): AuditRow[] {
  return db.prepare(`${SELECT_AUDIT_ROW} WHERE record_type = ? AND record_id = ? ORDER BY seq DESC LIMIT 500`).all(recordType, recordId) as AuditRow[]
}
