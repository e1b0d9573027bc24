/** Follow-up tasks raised by assessment flags, handled by the ward's counsellors. */
import { z } from 'zod'
import type { Bilingual } from '../../domain/instruments'
import { TASK_FILTERS, type TaskStatus } from '../../domain/psych'
import { id, text } from '../common'
import { method, noAudit } from '../define'

/**
 * A follow-up task as lists show it: that an assessment raised a flag for the person, and whether it was handled —
 * not which flag (a suicide item, say) nor the handling note; those come from the audited psych:getTask.
 */
export interface PsychTask {
  id: string
  personId: string
  personName: string
  wardId: string | null
  assessmentId: string | null
  createdAt: string
  status: TaskStatus
  handledAt: string | null
  handledBy: string | null
}

export interface PsychTaskDetail extends PsychTask {
  kind: string
  label: Bilingual
  handledNote: string | null
}

export const tasksContract = {
  'psych:tasks': method<PsychTask[]>()({
    input: z.object({ wardId: id.optional(), personId: id.optional(), status: z.enum(TASK_FILTERS).optional() }),
    access: 'psych.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** What raised the task and how it was handled: an audited read, for those who handle tasks. */
  'psych:getTask': method<PsychTaskDetail>()({
    input: z.object({ id }),
    access: 'psych.assess',
    scope: { record: 'task', id: (i) => i.id },
    audit: { kind: 'read', recordType: 'psych_task', record: (i) => i.id },
  }),
  'psych:handleTask': method<null>()({
    input: z.object({ id, outcome: z.enum(['done', 'dismissed']), note: text(500) }),
    access: 'psych.assess',
    scope: { record: 'task', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'psych_task', record: (i) => i.id },
  }),
}
