import { randomUUID } from 'node:crypto'
import type { Db } from '../../electron/core/db/open'

/**
 * A diagnostic assessment and a term proposal of a person, written straight into the tables (for tests that need the
 * records to exist, e.g. the access matrix), with template version 1 stored when none is.
 */
export function insertDiagRecords(db: Db, personId: string, date: string): { diagAssessment: string; termProposal: string } {
  const staff = (db.prepare("SELECT id FROM staff WHERE role = 'admin' LIMIT 1").get() as { id: string }).id
  const at = `${date}T02:00:00.000Z`
  const diagAssessment = randomUUID()
  db.prepare(
    `INSERT INTO diag_assessments (id, person_id, point, stage_period, assessed_on, status, template_id, template_version, components,
       overall_pass, social, recommendation, assessors, note, recorded_at, recorded_by, updated_at, updated_by)
     VALUES (?, ?, 'admission', NULL, ?, 'draft', 'generic', 1, '[]', NULL, NULL, 'none', '王警官', NULL, ?, ?, ?, ?)`,
  ).run(diagAssessment, personId, date, at, staff, at, staff)
  const termProposal = randomUUID()
  db.prepare(
    `INSERT INTO term_proposals (id, person_id, kind, proposed_on, months, deciding_organ, recorded_at, recorded_by, updated_at, updated_by)
     VALUES (?, ?, 'extension', ?, 3, '某市公安局', ?, ?, ?, ?)`,
  ).run(termProposal, personId, date, at, staff, at, staff)
  return { diagAssessment, termProposal }
}
