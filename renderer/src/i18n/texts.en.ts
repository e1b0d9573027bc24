/**
 * The English interface texts, assembled like the Chinese ones (`texts.ts`). Each part's English is typed against its
 * Chinese; the whole is checked again below, and the unit test checks that no two parts declare the same namespace (a
 * later spread would hide the earlier one). Its own module so the renderer fetches it only when English is chosen.
 */
import { en as auditEn } from '../features/audit/i18n/en'
import { zhCN as auditZh } from '../features/audit/i18n/zh-CN'
import { en as authEn } from '../features/auth/i18n/en'
import { zhCN as authZh } from '../features/auth/i18n/zh-CN'
import { en as backupEn } from '../features/backup/i18n/en'
import { zhCN as backupZh } from '../features/backup/i18n/zh-CN'
import { en as certEn } from '../features/certificates/i18n/en'
import { zhCN as certZh } from '../features/certificates/i18n/zh-CN'
import { en as fitnessEn } from '../features/fitness/i18n/en'
import { zhCN as fitnessZh } from '../features/fitness/i18n/zh-CN'
import { en as peopleEn, enPlurals as peoplePlurals } from '../features/people/i18n/en'
import { zhCN as peopleZh } from '../features/people/i18n/zh-CN'
import { en as psychEn, enPlurals as psychPlurals } from '../features/psych/i18n/en'
import { zhCN as psychZh } from '../features/psych/i18n/zh-CN'
import { en as settingsEn } from '../features/settings/i18n/en'
import { zhCN as settingsZh } from '../features/settings/i18n/zh-CN'
import { en as setupEn } from '../features/setup/i18n/en'
import { zhCN as setupZh } from '../features/setup/i18n/zh-CN'
import { en as staffEn } from '../features/staff/i18n/en'
import { zhCN as staffZh } from '../features/staff/i18n/zh-CN'
import { en as trainingEn } from '../features/training/i18n/en'
import { zhCN as trainingZh } from '../features/training/i18n/zh-CN'
import { en as knowledgeEn } from '../features/knowledge/i18n/en'
import { zhCN as knowledgeZh } from '../features/knowledge/i18n/zh-CN'
import { en as wardsEn } from '../features/wards/i18n/en'
import { zhCN as wardsZh } from '../features/wards/i18n/zh-CN'
import { en as coursesEn } from '../features/courses/i18n/en'
import { zhCN as coursesZh } from '../features/courses/i18n/zh-CN'
import { en as vstatsEn } from '../features/vocationalStats/i18n/en'
import { zhCN as vstatsZh } from '../features/vocationalStats/i18n/zh-CN'
import { en as employmentEn } from '../features/employment/i18n/en'
import { zhCN as employmentZh } from '../features/employment/i18n/zh-CN'
import { en as assessmentEn } from '../features/assessment/i18n/en'
import { zhCN as assessmentZh } from '../features/assessment/i18n/zh-CN'
import { en as wardworkEn } from '../features/wardwork/i18n/en'
import { zhCN as wardworkZh } from '../features/wardwork/i18n/zh-CN'
import { en as dueworkEn } from '../features/duework/i18n/en'
import { zhCN as dueworkZh } from '../features/duework/i18n/zh-CN'
import { en as releaseEn } from '../features/release/i18n/en'
import { zhCN as releaseZh } from '../features/release/i18n/zh-CN'
import { en as aftercareEn } from '../features/aftercare/i18n/en'
import { zhCN as aftercareZh } from '../features/aftercare/i18n/zh-CN'
import { en as statsEn } from '../features/stats/i18n/en'
import { zhCN as statsZh } from '../features/stats/i18n/zh-CN'
import { en as serverEn } from '../features/server/i18n/en'
import { zhCN as serverZh } from '../features/server/i18n/zh-CN'
import { en as connectionEn } from '../features/connection/i18n/en'
import { zhCN as connectionZh } from '../features/connection/i18n/zh-CN'
import { en as commonEn, enPlurals as commonPlurals } from './en'
import type { zhCN } from './texts'
import type { Plurals, Texts } from './types'
import { zhCN as commonZh } from './zh-CN'

/** Each part's texts, for the completeness test. */
export const textParts = {
  common: { zhCN: commonZh, en: commonEn },
  setup: { zhCN: setupZh, en: setupEn },
  auth: { zhCN: authZh, en: authEn },
  wards: { zhCN: wardsZh, en: wardsEn },
  people: { zhCN: peopleZh, en: peopleEn },
  audit: { zhCN: auditZh, en: auditEn },
  staff: { zhCN: staffZh, en: staffEn },
  settings: { zhCN: settingsZh, en: settingsEn },
  psych: { zhCN: psychZh, en: psychEn },
  backup: { zhCN: backupZh, en: backupEn },
  fitness: { zhCN: fitnessZh, en: fitnessEn },
  training: { zhCN: trainingZh, en: trainingEn },
  courses: { zhCN: coursesZh, en: coursesEn },
  cert: { zhCN: certZh, en: certEn },
  knowledge: { zhCN: knowledgeZh, en: knowledgeEn },
  vocationalStats: { zhCN: vstatsZh, en: vstatsEn },
  employment: { zhCN: employmentZh, en: employmentEn },
  assessment: { zhCN: assessmentZh, en: assessmentEn },
  wardwork: { zhCN: wardworkZh, en: wardworkEn },
  duework: { zhCN: dueworkZh, en: dueworkEn },
  release: { zhCN: releaseZh, en: releaseEn },
  aftercare: { zhCN: aftercareZh, en: aftercareEn },
  stats: { zhCN: statsZh, en: statsEn },
  server: { zhCN: serverZh, en: serverEn },
  connection: { zhCN: connectionZh, en: connectionEn },
}

export const en: Texts<typeof zhCN> = {
  ...commonEn, ...setupEn, ...authEn, ...wardsEn, ...peopleEn, ...auditEn, ...staffEn, ...settingsEn, ...psychEn, ...backupEn, ...fitnessEn,
  ...trainingEn, ...coursesEn, ...certEn, ...knowledgeEn, ...vstatsEn, ...employmentEn,
  ...assessmentEn,
  ...wardworkEn,
  ...dueworkEn,
  ...releaseEn,
  ...aftercareEn,
  ...statsEn,
  ...serverEn,
  ...connectionEn,
}

export const enPlurals: Plurals<typeof zhCN> = { ...commonPlurals, ...peoplePlurals, ...psychPlurals }
