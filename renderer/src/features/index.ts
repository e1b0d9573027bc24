import type { FeatureModule } from '../app/feature'
import { mergeWriteEffects } from '../api/refresh'
import type { Domain } from '../api/hooks'
import { auditFeature } from './audit'
import { coursesFeature } from './courses'
import { authFeature } from './auth'
import { backupFeature } from './backup'
import { certificatesFeature } from './certificates'
import { fitnessFeature } from './fitness'
import { knowledgeFeature } from './knowledge'
import { peopleFeature } from './people'
import { psychFeature } from './psych'
import { settingsFeature } from './settings'
import { setupFeature } from './setup'
import { staffFeature } from './staff'
import { trainingFeature } from './training'
import { wardsFeature } from './wards'
import { vocationalStatsFeature } from './vocationalStats'
import { employmentFeature } from './employment'
import { assessmentFeature } from './assessment'
import { wardworkFeature } from './wardwork'
import { dueworkFeature } from './duework'
import { releaseFeature } from './release'
import { aftercareFeature } from './aftercare'
import { statsFeature } from './stats'
import { serverFeature } from './server'
import { connectionFeature } from './connection'

/**
 * Every feature of the app, registered once. The order is the order of the side bar (within its group) and of the
 * person file's tabs.
 */
export const features: readonly FeatureModule[] = [
  setupFeature,
  authFeature,
  wardsFeature,
  peopleFeature,
  psychFeature,
  fitnessFeature,
  trainingFeature,
  coursesFeature,
  certificatesFeature,
  knowledgeFeature,
  staffFeature,
  auditFeature,
  settingsFeature,
  backupFeature,
  vocationalStatsFeature,
  employmentFeature,
  assessmentFeature,
  wardworkFeature,
  dueworkFeature,
  releaseFeature,
  aftercareFeature,
  statsFeature,
  serverFeature,
  connectionFeature,
]

/** What each domain's writes can change besides its own queries and the audit log, from every feature's declaration. */
export const writeEffects = mergeWriteEffects<Domain>(features.map((feature) => feature.writeEffects ?? {}))
