import { mergeModules } from '../shared/contract/define'
import { auditHandlers } from './audit/auditService'
import { authHandlers } from './auth/authService'
import { staffHandlers } from './auth/staffService'
import { facilityHandlers } from './facility/facilityService'
import { setupHandlers } from './facility/setupService'
import type { Handlers } from './handlerTypes'
import { peopleHandlers } from './people/peopleService'
import { assessmentHandlers } from './psych/assessmentService'
import { crisisHandlers } from './psych/crisisService'
import { psychHandlers } from './psych/psychService'
import { sessionHandlers } from './psych/sessionService'
import { taskHandlers } from './psych/taskService'
import { wardsHandlers } from './wards/wardsService'

/** The handler modules, one per service; a method handled in two of them throws here, at start-up. */
export const handlerModules = [
  setupHandlers,
  authHandlers,
  staffHandlers,
  facilityHandlers,
  wardsHandlers,
  peopleHandlers,
  auditHandlers,
  psychHandlers,
  assessmentHandlers,
  taskHandlers,
  sessionHandlers,
  crisisHandlers,
] as const

/** Every contract method has exactly one handler; the `satisfies` makes a missing one a compile error. */
export const handlers = mergeModules(handlerModules, 'handler') satisfies Handlers
