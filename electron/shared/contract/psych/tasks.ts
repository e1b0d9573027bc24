/** Follow-up tasks raised by assessment flags, handled by the ward's counsellors. */
import { z } from 'zod'
import type { Bilingual } from '../../domain/instruments'
import { TASK_FILTERS, type TaskStatus } from '../../domain/psych'
import { id, text } from '../common'
import { method, noAudit } from '../define'

export interface PsychTask {
  id: string
  personId: string
  personName: string
  wardId: string | null
  kind: string
  label: Bilingual
  assessmentId: string | null
  createdAt: string
  status: TaskStatus
  handledAt: string | null
  handledBy: string | null
  handledNote: string | null
}

export const tasksContract = {
  'psych:tasks': method<PsychTask[]>()({
    input: z.object({ wardId: id.optional(), personId: id.optional(), status: z.enum(TASK_FILTERS).optional() }),
    access: 'psych.read',
    audit: noAudit,
  }),
  'psych:handleTask': method<null>()({
    input: z.object({ id, outcome: z.enum(['done', 'dismissed']), note: text(500) }),
    access: 'psych.assess',
    audit: { kind: 'write', recordType: 'psych_task', record: (i) => i.id },
  }),
}
