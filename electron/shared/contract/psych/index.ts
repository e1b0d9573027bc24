/**
 * The psychology API: one contract module per psych service (core/psych/<x>Service.ts declares exactly the handlers of
 * its module).
 */
import { assessmentsContract } from './assessments'
import { crisesContract } from './crises'
import { instrumentsContract } from './instruments'
import { sessionsContract } from './sessions'
import { tasksContract } from './tasks'
import { wardScreenContract } from './wardScreen'

export * from './assessments'
export * from './crises'
export * from './instruments'
export * from './sessions'
export * from './tasks'
export * from './wardScreen'

/** Every psych contract module, keyed like core/psych's handler modules. */
export const psychContractModules = {
  instruments: instrumentsContract,
  wardScreen: wardScreenContract,
  assessments: assessmentsContract,
  tasks: tasksContract,
  sessions: sessionsContract,
  crises: crisesContract,
} as const

