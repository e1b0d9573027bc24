/**
 * The psychology domain's handlers: one module per contract module (shared/contract/psych), under the same keys, so a
 * registry can pair them and a missing or extra method is a compile error.
 */
import type { psychContractModules } from '../../shared/contract/psych'
import type { HandlersFor } from '../handlerTypes'
import { assessmentHandlers } from './assessmentService'
import { crisisHandlers } from './crisisService'
import { instrumentHandlers } from './instrumentService'
import { sessionHandlers } from './sessionService'
import { taskHandlers } from './taskService'
import { wardScreenHandlers } from './wardScreenService'

type PsychModules = typeof psychContractModules

export const psychHandlerModules = {
  instruments: instrumentHandlers,
  wardScreen: wardScreenHandlers,
  assessments: assessmentHandlers,
  tasks: taskHandlers,
  sessions: sessionHandlers,
  crises: crisisHandlers,
} satisfies { [K in keyof PsychModules]: HandlersFor<PsychModules[K]> }

