import { randomUUID } from 'node:crypto'
import type { PsychTask } from '../../shared/contract'
import type { TaskStatus } from '../../shared/domain/psych'
import { actorOf, nowIso } from '../context'
import type { Db } from '../db/open'
import type { Handlers } from '../dispatch'
import { notFound, ruleViolation } from '../errors'

type Bilingual = { zh: string; en: string }

interface TaskRow {
  id: string
  person_id: string
  person_name: string
  ward_id: string | null
  kind: string
  label: string
  assessment_id: string | null
  created_at: string
  status: TaskStatus
  handled_at: string | null
  handled_by: string | null
  handled_note: string | null
}

/** Opens a follow-up task for the counsellors of the person's current ward. */
export function openTask(db: Db, t: { personId: string; kind: string; label: Bilingual; assessmentId: string | null; at: string }): string {
  const ward = db.prepare('SELECT ward_id FROM people WHERE id = ?').get(t.personId) as { ward_id: string | null } | undefined
  const id = randomUUID()
  db.prepare(
    `INSERT INTO psych_tasks (id, person_id, ward_id, kind, label, assessment_id, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`,
  ).run(id, t.personId, ward?.ward_id ?? null, t.kind, JSON.stringify(t.label), t.assessmentId, t.at)
  return id
}

export function listTasks(db: Db, f: { wardId?: string | undefined; personId?: string | undefined; status?: TaskStatus | undefined }): PsychTask[] {
  const rows = db
    .prepare(
      `SELECT t.*, p.name AS person_name, s.display_name AS handled_by FROM psych_tasks t
       JOIN people p ON p.id = t.person_id LEFT JOIN staff s ON s.id = t.handled_by
       WHERE (@wardId IS NULL OR p.ward_id = @wardId) AND (@personId IS NULL OR t.person_id = @personId)
         AND (@status IS NULL OR t.status = @status) AND p.voided_at IS NULL
       ORDER BY t.status <> 'open', t.created_at DESC LIMIT 500`,
    )
    .all({ wardId: f.wardId ?? null, personId: f.personId ?? null, status: f.status ?? null }) as TaskRow[]
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    wardId: r.ward_id,
    kind: r.kind,
    label: JSON.parse(r.label) as Bilingual,
    assessmentId: r.assessment_id,
    createdAt: r.created_at,
    status: r.status,
    handledAt: r.handled_at,
    handledBy: r.handled_by,
    handledNote: r.handled_note,
  }))
}

export const taskHandlers: Pick<Handlers, 'psych:tasks' | 'psych:handleTask'> = {
  'psych:tasks': (input, ctx) => listTasks(ctx.db, input),
  'psych:handleTask'(input, ctx) {
    const task = ctx.db.prepare('SELECT status FROM psych_tasks WHERE id = ?').get(input.id) as { status: TaskStatus } | undefined
    if (!task) throw notFound()
    if (task.status !== 'open') throw ruleViolation('task.already_handled')
    ctx.db
      .prepare('UPDATE psych_tasks SET status = ?, handled_at = ?, handled_by = ?, handled_note = ? WHERE id = ?')
      .run(input.outcome, nowIso(ctx), actorOf(ctx).id, input.note, input.id)
    ctx.auditDetail = JSON.stringify({ outcome: input.outcome })
    return null
  },
}
