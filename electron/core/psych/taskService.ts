import { randomUUID } from 'node:crypto'
import { assertReadable, readableWards } from '../auth/wardScope'
import type { tasksContract } from '../../shared/contract/psych/tasks'
import type { Bilingual } from '../../shared/domain/instruments'
import { actorOf, nowIso } from '../context'
import type { Db } from '../db/open'
import { notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRefsByIds } from '../people/peopleQueries'
import { listTasks, livePeopleScope, taskDetail } from './psychQueries'
import { taskRepo } from './taskRepo'

/** Opens a follow-up task for the counsellors of the person's current ward. */
export function openTask(db: Db, t: { personId: string; kind: string; label: Bilingual; assessmentId: string | null; at: string }): string {
  const id = randomUUID()
  const wardId = personRefsByIds(db, [t.personId]).get(t.personId)?.wardId ?? null
  taskRepo.insert(db, { id, personId: t.personId, wardId, kind: t.kind, label: t.label, assessmentId: t.assessmentId, createdAt: t.at })
  return id
}

export const taskHandlers = {
  'psych:tasks'(input, ctx) {
    assertReadable(ctx, input)
    return listTasks(ctx.db, livePeopleScope(ctx.db, input, readableWards(ctx)), input.status)
  },
  'psych:getTask'(input, ctx) {
    const task = taskDetail(ctx.db, input.id)
    if (!task) throw notFound()
    return task
  },
  'psych:handleTask'(input, ctx) {
    const status = taskRepo.statusOf(ctx.db, input.id)
    if (!status) throw notFound()
    if (status !== 'open') throw ruleViolation('task.already_handled')
    taskRepo.markHandled(ctx.db, input.id, { status: input.outcome, at: nowIso(ctx), by: actorOf(ctx).id, note: input.note })
    ctx.auditDetail = JSON.stringify({ outcome: input.outcome })
    return null
  },
} satisfies HandlersFor<typeof tasksContract>
