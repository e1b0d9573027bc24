/** Exemptions of one occurrence of a due-work rule (table due_exemptions, migration 018): never deleted, voided with a reason. */
import type { DueRuleId } from '../../shared/domain/duework/vocabulary'
import type { Db } from '../db/open'

export interface ExemptionRow {
  id: string
  personId: string
  rule: DueRuleId
  occurrence: string
  reason: string
  by: string
  byName: string
  at: string
  revision: number
  voidedAt: string | null
}

export function exemptionById(db: Db, id: string): ExemptionRow | undefined {
  return db
    .prepare(
      `SELECT e.id, e.person_id AS personId, e.rule, e.occurrence, e.reason, e.created_by AS "by", s.display_name AS byName, e.created_at AS "at",
              e.revision, e.voided_at AS voidedAt
       FROM due_exemptions e JOIN staff s ON s.id = e.created_by WHERE e.id = ?`,
    )
    .get(id) as ExemptionRow | undefined
}

export function insertExemption(db: Db, e: { id: string; personId: string; rule: DueRuleId; occurrence: string; reason: string; by: string; at: string }): void {
  db.prepare(
    `INSERT INTO due_exemptions (id, person_id, rule, occurrence, reason, created_by, created_at) VALUES (@id, @personId, @rule, @occurrence, @reason, @by, @at)`,
  ).run(e)
}

/** Voids a live exemption read at `revision`; false when it changed or was voided since. */
export function voidExemption(db: Db, v: { id: string; revision: number; by: string; at: string; reason: string }): boolean {
  return (
    db
      .prepare(
        `UPDATE due_exemptions SET voided_at = @at, voided_by = @by, void_reason = @reason, revision = revision + 1
         WHERE id = @id AND revision = @revision AND voided_at IS NULL`,
      )
      .run(v).changes === 1
  )
}
