import { mergeModules } from '../shared/contract/define'
import { auditHandlers } from './audit/auditService'
import { authHandlers } from './auth/authService'
import { staffHandlers } from './auth/staffService'
import { backupHandlers } from './backup/backupService'
import { coursesHandlers } from './courses/coursesHandlers'
import { certificatesHandlers } from './certificates/certificatesService'
import { employmentHandlers } from './employment/employmentService'
import { vocationalStatsHandlers } from './vocationalStats/vocationalStatsService'
import { facilityHandlers } from './facility/facilityService'
import { fitnessHandlers } from './fitness/fitnessService'
import { setupHandlers } from './facility/setupService'
import type { Handlers } from './handlerTypes'
import { peopleImportHandlers } from './people/importService'
import { peopleHandlers } from './people/peopleService'
import { psychHandlerModules as psych } from './psych'
import { trainingHandlers } from './training/trainingService'
import { knowledgeHandlerModules as knowledge } from './knowledge'
import { wardsHandlers } from './wards/wardsService'
import { assessmentHandlers } from './assessment/assessmentService'
import { wardworkHandlers } from './wardwork/wardworkService'
import { dueworkHandlers } from './duework/dueworkService'
import { releaseHandlers } from './release/releaseService'
import { aftercareHandlers } from './aftercare/aftercareHandlers'
import { statsHandlers } from './stats/statsService'
import { serverHandlers } from './server/serverService'
import { transferHandlers } from './transfer/transferService'

/** The handler modules, one per service; a method handled in two of them throws here, at start-up. */
export const handlerModules = [
  setupHandlers,
  authHandlers,
  staffHandlers,
  facilityHandlers,
  wardsHandlers,
  peopleHandlers,
  peopleImportHandlers,
  auditHandlers,
  psych.instruments,
  psych.wardScreen,
  psych.assessments,
  psych.tasks,
  psych.sessions,
  psych.crises,
  backupHandlers,
  fitnessHandlers,
  trainingHandlers,
  coursesHandlers,
  certificatesHandlers,
  knowledge.bank,
  knowledge.sittings,
  vocationalStatsHandlers,
  employmentHandlers,
  assessmentHandlers,
  wardworkHandlers,
  dueworkHandlers,
  releaseHandlers,
  aftercareHandlers,
  statsHandlers,
  serverHandlers,
  transferHandlers,
] as const

/** Every contract method has exactly one handler; the `satisfies` makes a missing one a compile error. */
export const handlers = mergeModules(handlerModules, 'handler') satisfies Handlers
