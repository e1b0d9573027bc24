/** Writes and rule lookups on psych_tasks. */
import type { Bilingual } from '../../shared/domain/instruments'
import type { TaskStatus } from '../../shared/domain/psych'
import type { Db } from '../db/open'

export const taskRepo = {
  insert(db: Db, t: { id: string; personId: string; wardId: string | null; kind: string; label: Bilingual; assessmentId: string | null; createdAt: string }) {
    db.prepare(
      `INSERT INTO psych_tasks (id, person_id, ward_id, kind, label, assessment_id, created_at, status)
       VALUES (@id, @personId, @wardId, @kind, @label, @assessmentId, @createdAt, 'open')`,
    ).run({ ...t, label: JSON.stringify(t.label) })
  },

  statusOf: (db: Db, id: string) =>
    (db.prepare('SELECT status FROM psych_tasks WHERE id = ?').get(id) as { status: TaskStatus } | undefined)?.status,

  markHandled(db: Db, id: string, h: { status: Exclude<TaskStatus, 'open'>; at: string; by: string; note: string }) {
    db.prepare('UPDATE psych_tasks SET status = @status, handled_at = @at, handled_by = @by, handled_note = @note WHERE id = @id').run({ ...h, id })
  },

  /** Marks done, as handled when raised, every task raised by an assessment administered before `before` (demo history). */
  markDoneForAssessmentsBefore(db: Db, before: string, by: string, note: string) {
    db.prepare(
      `UPDATE psych_tasks SET status = 'done', handled_at = created_at, handled_by = ?, handled_note = ?
       WHERE assessment_id IN (SELECT id FROM assessments WHERE administered_on < ?)`,
    ).run(by, note, before)
  },
}
