import { auditHandlers } from './audit/auditService'
import { authHandlers, staffHandlers } from './auth/authService'
import type { Handlers } from './dispatch'
import { setupHandlers } from './facility/setupService'
import { peopleHandlers } from './people/peopleService'
import { assessmentHandlers } from './psych/assessmentService'
import { crisisHandlers } from './psych/crisisService'
import { psychHandlers } from './psych'
import { sessionHandlers } from './psych/sessionService'
import { taskHandlers } from './psych/taskService'
import { wardsHandlers } from './wards/wardsService'

/** Every contract method has exactly one handler; the `satisfies` makes a missing one a compile error. */
export const handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...staffHandlers,
  ...wardsHandlers,
  ...peopleHandlers,
  ...auditHandlers,
  ...psychHandlers,
  ...assessmentHandlers,
  ...taskHandlers,
  ...sessionHandlers,
  ...crisisHandlers,
} satisfies Handlers
