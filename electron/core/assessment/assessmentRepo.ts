/**
 * Writes and lookups of diagnostic assessments, their item results (one set per revision), evidence requests and term
 * proposals. Edits name the revision they were read at and are refused when stale (the UPDATE matches no row).
 */
import type { DiagStatus, EvidenceSnapshot, ProposalOutcome } from '../../shared/contract/assessment'
import type { AssessmentPoint, ComponentId, EvidenceKind, ProposalKind, Recommendation } from '../../shared/domain/assessment'
import type { Period } from '../../shared/domain/periods'
import type { Db } from '../db/open'

export interface StoredAssessment {
  id: string
  personId: string
  point: AssessmentPoint
  stagePeriod: Period | null
  assessedOn: string
  status: DiagStatus
  templateId: string
  templateVersion: number
  components: string
  overallPass: 0 | 1 | null
  social: 'good' | 'fair' | null
  recommendation: Recommendation
  assessors: string
  note: string | null
  revision: number
  recordedAt: string
  recordedBy: string
  updatedAt: string
  updatedBy: string
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

export interface StoredItem {
  component: ComponentId
  itemId: string
  points: number | null
  suggested: number | null
  evidence: EvidenceSnapshot | null
  note: string | null
}

const ASSESSMENT_COLUMNS = `id, person_id AS personId, point, stage_period AS stagePeriod, assessed_on AS assessedOn, status,
  template_id AS templateId, template_version AS templateVersion, components, overall_pass AS overallPass, social, recommendation,
  assessors, note, revision, recorded_at AS recordedAt, recorded_by AS recordedBy, updated_at AS updatedAt, updated_by AS updatedBy,
  voided_at AS voidedAt, voided_by AS voidedBy, void_reason AS voidReason`

export const assessmentById = (db: Db, id: string) =>
  db.prepare(`SELECT ${ASSESSMENT_COLUMNS} FROM diag_assessments WHERE id = ?`).get(id) as StoredAssessment | undefined

export function insertAssessment(db: Db, a: Omit<StoredAssessment, 'revision' | 'voidedAt' | 'voidedBy' | 'voidReason'>): void {
  db.prepare(
    `INSERT INTO diag_assessments (id, person_id, point, stage_period, assessed_on, status, template_id, template_version, components,
       overall_pass, social, recommendation, assessors, note, recorded_at, recorded_by, updated_at, updated_by)
     VALUES (@id, @personId, @point, @stagePeriod, @assessedOn, @status, @templateId, @templateVersion, @components,
       @overallPass, @social, @recommendation, @assessors, @note, @recordedAt, @recordedBy, @updatedAt, @updatedBy)`,
  ).run(a)
}

/** Writes the edit if the row is still at `revision`; returns the new revision, or null when stale or voided. */
export function updateAssessment(
  db: Db,
  id: string,
  revision: number,
  a: Pick<StoredAssessment, 'point' | 'stagePeriod' | 'assessedOn' | 'status' | 'components' | 'overallPass' | 'social' | 'recommendation' | 'assessors' | 'note' | 'updatedAt' | 'updatedBy'>,
): number | null {
  const row = db
    .prepare(
      `UPDATE diag_assessments SET point = @point, stage_period = @stagePeriod, assessed_on = @assessedOn, status = @status,
         components = @components, overall_pass = @overallPass, social = @social, recommendation = @recommendation,
         assessors = @assessors, note = @note, updated_at = @updatedAt, updated_by = @updatedBy, revision = revision + 1
       WHERE id = @id AND revision = @revision AND voided_at IS NULL RETURNING revision`,
    )
    .get({ ...a, id, revision }) as { revision: number } | undefined
  return row?.revision ?? null
}

export function voidAssessment(db: Db, id: string, revision: number, mark: { at: string; by: string; reason: string }): boolean {
  return (
    db
      .prepare(
        `UPDATE diag_assessments SET voided_at = @at, voided_by = @by, void_reason = @reason, revision = revision + 1
         WHERE id = @id AND revision = @revision AND voided_at IS NULL`,
      )
      .run({ ...mark, id, revision }).changes === 1
  )
}

export function insertItems(db: Db, assessmentId: string, revision: number, items: readonly StoredItem[]): void {
  const insert = db.prepare(
    `INSERT INTO diag_item_results (assessment_id, revision, component, item_id, points, suggested, evidence_kind, evidence_record_type,
       evidence_record_id, evidence_on, evidence_summary, evidence_met, note)
     VALUES (@assessmentId, @revision, @component, @itemId, @points, @suggested, @kind, @recordType, @recordId, @on, @summary, @met, @note)`,
  )
  for (const i of items) {
    const e = i.evidence
    insert.run({
      assessmentId,
      revision,
      component: i.component,
      itemId: i.itemId,
      points: i.points,
      suggested: i.suggested,
      kind: e?.kind ?? 'manual',
      recordType: e?.recordType ?? null,
      recordId: e?.recordId ?? null,
      on: e?.on ?? null,
      summary: e?.summary ?? null,
      met: e?.met === null || e?.met === undefined ? null : e.met ? 1 : 0,
      note: i.note,
    })
  }
}

export function itemsOf(db: Db, assessmentId: string, revision: number): StoredItem[] {
  const rows = db
    .prepare(
      `SELECT component, item_id AS itemId, points, suggested, evidence_kind AS kind, evidence_record_type AS recordType,
         evidence_record_id AS recordId, evidence_on AS "on", evidence_summary AS summary, evidence_met AS met, note
       FROM diag_item_results WHERE assessment_id = ? AND revision = ?`,
    )
    .all(assessmentId, revision) as Array<{
    component: ComponentId
    itemId: string
    points: number | null
    suggested: number | null
    kind: EvidenceKind
    recordType: string | null
    recordId: string | null
    on: string | null
    summary: string | null
    met: 0 | 1 | null
    note: string | null
  }>
  return rows.map((r) => ({
    component: r.component,
    itemId: r.itemId,
    points: r.points,
    suggested: r.suggested,
    note: r.note,
    evidence:
      r.kind === 'manual'
        ? null
        : { kind: r.kind, recordType: r.recordType, recordId: r.recordId, on: r.on, summary: r.summary ?? '', met: r.met === null ? null : r.met === 1 },
  }))
}

// Evidence requests ------------------------------------------------------------------------------------------------

/** Opens a request for an item's missing evidence (once per assessment and item; a closed one is reopened). */
export function openEvidenceRequest(db: Db, r: { id: string; personId: string; assessmentId: string; component: ComponentId; itemId: string; kind: EvidenceKind; on: string }): void {
  db.prepare(
    `INSERT INTO diag_evidence_requests (id, person_id, assessment_id, component, item_id, evidence_kind, requested_on)
     VALUES (@id, @personId, @assessmentId, @component, @itemId, @kind, @on)
     ON CONFLICT (assessment_id, component, item_id) DO UPDATE SET closed_at = NULL, closed_by = NULL, closed_note = NULL, requested_on = excluded.requested_on
       WHERE closed_at IS NOT NULL`,
  ).run(r)
}

export function closeEvidenceRequests(db: Db, assessmentId: string, items: ReadonlyArray<{ component: string; itemId: string }>, mark: { at: string; by: string; note: string }): void {
  const close = db.prepare(
    `UPDATE diag_evidence_requests SET closed_at = @at, closed_by = @by, closed_note = @note
     WHERE assessment_id = @assessmentId AND component = @component AND item_id = @itemId AND closed_at IS NULL`,
  )
  for (const i of items) close.run({ ...mark, assessmentId, component: i.component, itemId: i.itemId })
}

export function closeAllEvidenceRequests(db: Db, assessmentId: string, mark: { at: string; by: string; note: string }): void {
  db.prepare('UPDATE diag_evidence_requests SET closed_at = @at, closed_by = @by, closed_note = @note WHERE assessment_id = @assessmentId AND closed_at IS NULL').run({
    ...mark,
    assessmentId,
  })
}

export function closeEvidenceRequest(db: Db, id: string, personId: string, mark: { at: string; by: string; note: string }): 'closed' | 'not_found' | 'already' {
  const row = db.prepare('SELECT closed_at AS closedAt FROM diag_evidence_requests WHERE id = ? AND person_id = ?').get(id, personId) as { closedAt: string | null } | undefined
  if (!row) return 'not_found'
  if (row.closedAt) return 'already'
  db.prepare('UPDATE diag_evidence_requests SET closed_at = @at, closed_by = @by, closed_note = @note WHERE id = @id').run({ ...mark, id })
  return 'closed'
}

// Term proposals ---------------------------------------------------------------------------------------------------

export interface StoredProposal {
  id: string
  personId: string
  assessmentId: string | null
  kind: ProposalKind
  proposedOn: string
  months: number | null
  proposedDate: string | null
  decidingOrgan: string
  decisionDate: string | null
  outcome: ProposalOutcome
  documentNumber: string | null
  termEventId: string | null
  note: string | null
  revision: number
  recordedAt: string
  recordedBy: string
  updatedAt: string
  updatedBy: string
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

const PROPOSAL_COLUMNS = `id, person_id AS personId, assessment_id AS assessmentId, kind, proposed_on AS proposedOn, months,
  proposed_date AS proposedDate, deciding_organ AS decidingOrgan, decision_date AS decisionDate, outcome,
  document_number AS documentNumber, term_event_id AS termEventId, note, revision, recorded_at AS recordedAt, recorded_by AS recordedBy,
  updated_at AS updatedAt, updated_by AS updatedBy, voided_at AS voidedAt, voided_by AS voidedBy, void_reason AS voidReason`

export const proposalById = (db: Db, id: string) => db.prepare(`SELECT ${PROPOSAL_COLUMNS} FROM term_proposals WHERE id = ?`).get(id) as StoredProposal | undefined

export const proposalsOf = (db: Db, personId: string) =>
  db.prepare(`SELECT ${PROPOSAL_COLUMNS} FROM term_proposals WHERE person_id = ? ORDER BY proposed_on DESC, recorded_at DESC`).all(personId) as StoredProposal[]

export function insertProposal(
  db: Db,
  p: Pick<StoredProposal, 'id' | 'personId' | 'assessmentId' | 'kind' | 'proposedOn' | 'months' | 'proposedDate' | 'decidingOrgan' | 'note' | 'recordedAt' | 'recordedBy'>,
): void {
  db.prepare(
    `INSERT INTO term_proposals (id, person_id, assessment_id, kind, proposed_on, months, proposed_date, deciding_organ, note,
       recorded_at, recorded_by, updated_at, updated_by)
     VALUES (@id, @personId, @assessmentId, @kind, @proposedOn, @months, @proposedDate, @decidingOrgan, @note, @recordedAt, @recordedBy, @recordedAt, @recordedBy)`,
  ).run(p)
}

export function decideProposal(
  db: Db,
  id: string,
  revision: number,
  d: { outcome: 'approved' | 'rejected'; decisionDate: string; documentNumber: string; note: string | null; termEventId: string | null; at: string; by: string },
): number | null {
  const row = db
    .prepare(
      `UPDATE term_proposals SET outcome = @outcome, decision_date = @decisionDate, document_number = @documentNumber,
         note = coalesce(@note, note), term_event_id = @termEventId, updated_at = @at, updated_by = @by, revision = revision + 1
       WHERE id = @id AND revision = @revision AND outcome = 'pending' AND voided_at IS NULL RETURNING revision`,
    )
    .get({ ...d, id, revision }) as { revision: number } | undefined
  return row?.revision ?? null
}

export function voidProposal(db: Db, id: string, revision: number, mark: { at: string; by: string; reason: string }): boolean {
  return (
    db
      .prepare(
        `UPDATE term_proposals SET voided_at = @at, voided_by = @by, void_reason = @reason, revision = revision + 1, updated_at = @at, updated_by = @by
         WHERE id = @id AND revision = @revision AND voided_at IS NULL`,
      )
      .run({ ...mark, id, revision }).changes === 1
  )
}
