import type { HandoverSection } from '../../shared/contract/release'
import type { Db } from '../db/open'

export interface HandoverRow {
  id: string
  personId: string
  releaseId: string | null
  sections: string
  recipient: string | null
  riskNotes: string | null
  revision: number
  preparedAt: string
  preparedBy: string
  reviewedAt: string | null
  reviewedBy: string | null
  reviewNote: string | null
  reviewedRevision: number | null
  printCount: number
  lastPrintedAt: string | null
}

const SELECT = `SELECT id, person_id AS personId, release_id AS releaseId, sections, recipient, risk_notes AS riskNotes, revision,
  prepared_at AS preparedAt, prepared_by AS preparedBy, reviewed_at AS reviewedAt, reviewed_by AS reviewedBy, review_note AS reviewNote,
  reviewed_revision AS reviewedRevision, print_count AS printCount, last_printed_at AS lastPrintedAt FROM handover_sheets`

export const handoverById = (db: Db, id: string) => db.prepare(`${SELECT} WHERE id = ? AND voided_at IS NULL`).get(id) as HandoverRow | undefined
export const handoverOfPerson = (db: Db, personId: string) => db.prepare(`${SELECT} WHERE person_id = ? AND voided_at IS NULL`).get(personId) as HandoverRow | undefined

export function insertHandover(db: Db, r: { id: string; personId: string; releaseId: string | null; sections: readonly HandoverSection[]; recipient: string | null; riskNotes: string | null; at: string; by: string }): void {
  db.prepare(
    `INSERT INTO handover_sheets (id, person_id, release_id, sections, recipient, risk_notes, prepared_at, prepared_by)
     VALUES (@id, @personId, @releaseId, @sections, @recipient, @riskNotes, @at, @by)`,
  ).run({ ...r, sections: JSON.stringify(r.sections) })
}

/** An edit: a new revision, prepared by the editor, and any earlier review cleared (it covered other content). */
export function updateHandover(db: Db, id: string, r: { releaseId: string | null; sections: readonly HandoverSection[]; recipient: string | null; riskNotes: string | null; revision: number; at: string; by: string }): void {
  db.prepare(
    `UPDATE handover_sheets SET release_id = @releaseId, sections = @sections, recipient = @recipient, risk_notes = @riskNotes, revision = @revision,
       prepared_at = @at, prepared_by = @by, reviewed_at = NULL, reviewed_by = NULL, review_note = NULL, reviewed_revision = NULL
     WHERE id = @id`,
  ).run({ ...r, id, sections: JSON.stringify(r.sections) })
}

export function markReviewed(db: Db, id: string, r: { revision: number; at: string; by: string; note: string | null }): void {
  db.prepare('UPDATE handover_sheets SET reviewed_at = @at, reviewed_by = @by, review_note = @note, reviewed_revision = @revision WHERE id = @id').run({ ...r, id })
}

export function markPrinted(db: Db, id: string, at: string): void {
  db.prepare('UPDATE handover_sheets SET print_count = print_count + 1, last_printed_at = ? WHERE id = ?').run(at, id)
}
