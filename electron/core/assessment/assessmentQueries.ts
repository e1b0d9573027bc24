/**
 * Lists of diagnostic assessments and evidence requests. The facility list filters by point, status and ward without
 * `(@x IS NULL OR …)`: each filter adds its own condition, and the order comes from diag_assessments_recent /
 * diag_assessments_point_recent (newest first), or a ward's residents through people(ward_id).
 */
import type { ComponentResultView, DiagAssessmentSummary, DiagStatus, EvidenceRequestView } from '../../shared/contract/assessment'
import type { Paged } from '../../shared/contract/common'
import type { AssessmentPoint } from '../../shared/domain/assessment'
import type { Db } from '../db/open'

interface SummaryRow extends Omit<DiagAssessmentSummary, 'components' | 'overallPass' | 'voided'> {
  components: string
  overallPass: 0 | 1 | null
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

const SUMMARY_SELECT = `
  SELECT a.id, a.person_id AS personId, p.name AS personName, p.ward_id AS wardId, w.name AS wardName, a.point,
    a.stage_period AS stagePeriod, a.assessed_on AS assessedOn, a.status, a.template_id AS templateId,
    a.template_version AS templateVersion, a.components, a.overall_pass AS overallPass, a.social, a.recommendation, a.revision,
    a.voided_at AS voidedAt, a.voided_by AS voidedBy, a.void_reason AS voidReason
  FROM diag_assessments a JOIN people p ON p.id = a.person_id LEFT JOIN wards w ON w.id = p.ward_id`

export function toSummary(r: SummaryRow): DiagAssessmentSummary {
  const { voidedAt, voidedBy, voidReason, components, overallPass, ...rest } = r
  return {
    ...rest,
    components: JSON.parse(components) as ComponentResultView[],
    overallPass: overallPass === null ? null : overallPass === 1,
    voided: voidedAt ? { at: voidedAt, by: voidedBy ?? '', reason: voidReason ?? '' } : null,
  }
}

/** A person's assessments, newest first (voided ones listed, marked). */
export function personAssessmentRows(db: Db, personId: string): DiagAssessmentSummary[] {
  return (db.prepare(`${SUMMARY_SELECT} WHERE a.person_id = ? ORDER BY a.assessed_on DESC, a.recorded_at DESC`).all(personId) as SummaryRow[]).map(toSummary)
}

export function assessmentSummary(db: Db, id: string): DiagAssessmentSummary | undefined {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE a.id = ?`).get(id) as SummaryRow | undefined
  return row ? toSummary(row) : undefined
}

export interface AssessmentFilter {
  point?: AssessmentPoint | undefined
  status?: DiagStatus | undefined
  wardId?: string | undefined
  offset: number
  limit: number
}

/** Live assessments, newest first; `wards` null: every ward (and past files), else only people now in those wards. */
export function assessmentPage(db: Db, f: AssessmentFilter, wards: readonly string[] | null): Paged<DiagAssessmentSummary> {
  const where = ['a.voided_at IS NULL']
  const params: Record<string, unknown> = { offset: f.offset, limit: f.limit }
  if (f.point) {
    where.push('a.point = @point')
    params.point = f.point
  }
  if (f.status) {
    where.push('a.status = @status')
    params.status = f.status
  }
  if (f.wardId) {
    where.push('p.ward_id = @wardId')
    params.wardId = f.wardId
  }
  if (wards !== null) {
    where.push('p.ward_id IN (SELECT value FROM json_each(@wards))')
    params.wards = JSON.stringify(wards)
  }
  const clause = where.join(' AND ')
  const rows = db.prepare(`${SUMMARY_SELECT} WHERE ${clause} ORDER BY a.assessed_on DESC, a.id LIMIT @limit OFFSET @offset`).all(params) as SummaryRow[]
  // The count joins the files only when a ward filter needs them: otherwise it is read from a partial index alone.
  const byWard = f.wardId !== undefined || wards !== null
  const { total } = db
    .prepare(`SELECT count(*) AS total FROM diag_assessments a ${byWard ? 'JOIN people p ON p.id = a.person_id ' : ''}WHERE ${clause}`)
    .get(params) as { total: number }
  return { rows: rows.map(toSummary), total }
}

const REQUEST_SELECT = `SELECT id, person_id AS personId, assessment_id AS assessmentId, component, item_id AS itemId,
  evidence_kind AS evidenceKind, requested_on AS requestedOn, closed_at AS closedAt, closed_note AS closedNote FROM diag_evidence_requests`

export const openRequestsOf = (db: Db, personId: string): EvidenceRequestView[] =>
  db.prepare(`${REQUEST_SELECT} WHERE person_id = ? AND closed_at IS NULL ORDER BY requested_on`).all(personId) as EvidenceRequestView[]

export const staffNameOf = (db: Db, staffId: string): string =>
  (db.prepare('SELECT display_name AS name FROM staff WHERE id = ?').get(staffId) as { name: string } | undefined)?.name ?? staffId

/** The stays of the given people as the demo wrote them (current while they have a ward), for seedAssessments. */
export function demoStays(db: Db, personIds: readonly string[], today: string): Array<{ personId: string; admissionDate: string; decisionDate: string; end: string; current: boolean }> {
  const rows = db
    .prepare(
      `SELECT id, admission_date AS admissionDate, decision_date AS decisionDate, ward_id AS wardId, last_day AS lastDay
       FROM people WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(personIds)) as Array<{ id: string; admissionDate: string; decisionDate: string; wardId: string | null; lastDay: string | null }>
  return rows.map((p) => ({
    personId: p.id,
    admissionDate: p.admissionDate,
    decisionDate: p.decisionDate,
    current: p.wardId !== null,
    end: p.wardId !== null ? today : (p.lastDay ?? today),
  }))
}
