import { auditHandlers } from './audit/auditService'
import { authHandlers, staffHandlers } from './auth/authService'
import type { Handlers } from './dispatch'
import { setupHandlers } from './facility/setupService'
import { peopleHandlers } from './people/peopleService'
import { wardsHandlers } from './wards/wardsService'

/** Every contract method has exactly one handler; the `satisfies` makes a missing one a compile error. */
export const handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...staffHandlers,
  ...wardsHandlers,
  ...peopleHandlers,
  ...auditHandlers,
} satisfies Handlers
