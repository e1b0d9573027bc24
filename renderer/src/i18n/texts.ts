/**
 * The Chinese interface texts, assembled from the common ones here and each feature's `i18n/` folder. Chinese is the
 * default language and ships in the first bundle; the English tree (`texts.en.ts`, typed against this one key for key)
 * is fetched only when English is chosen.
 */
import { zhCN as auditZh } from '../features/audit/i18n/zh-CN'
import { zhCN as authZh } from '../features/auth/i18n/zh-CN'
import { zhCN as backupZh } from '../features/backup/i18n/zh-CN'
import { zhCN as certZh } from '../features/certificates/i18n/zh-CN'
import { zhCN as fitnessZh } from '../features/fitness/i18n/zh-CN'
import { zhCN as peopleZh } from '../features/people/i18n/zh-CN'
import { zhCN as psychZh } from '../features/psych/i18n/zh-CN'
import { zhCN as settingsZh } from '../features/settings/i18n/zh-CN'
import { zhCN as setupZh } from '../features/setup/i18n/zh-CN'
import { zhCN as staffZh } from '../features/staff/i18n/zh-CN'
import { zhCN as trainingZh } from '../features/training/i18n/zh-CN'
import { zhCN as knowledgeZh } from '../features/knowledge/i18n/zh-CN'
import { zhCN as wardsZh } from '../features/wards/i18n/zh-CN'
import { zhCN as coursesZh } from '../features/courses/i18n/zh-CN'
import { zhCN as vstatsZh } from '../features/vocationalStats/i18n/zh-CN'
import { zhCN as employmentZh } from '../features/employment/i18n/zh-CN'
import { zhCN as assessmentZh } from '../features/assessment/i18n/zh-CN'
import { zhCN as wardworkZh } from '../features/wardwork/i18n/zh-CN'
import { zhCN as dueworkZh } from '../features/duework/i18n/zh-CN'
import { zhCN as releaseZh } from '../features/release/i18n/zh-CN'
import { zhCN as aftercareZh } from '../features/aftercare/i18n/zh-CN'
import { zhCN as statsZh } from '../features/stats/i18n/zh-CN'
import { zhCN as serverZh } from '../features/server/i18n/zh-CN'
import { zhCN as connectionZh } from '../features/connection/i18n/zh-CN'
import type { FlatKeys } from './types'
import { zhCN as commonZh } from './zh-CN'

export const zhCN = {
  ...commonZh, ...setupZh, ...authZh, ...wardsZh, ...peopleZh, ...auditZh, ...staffZh, ...settingsZh, ...psychZh, ...backupZh, ...fitnessZh,
  ...trainingZh, ...coursesZh, ...certZh, ...knowledgeZh, ...vstatsZh, ...employmentZh,
  ...assessmentZh,
  ...wardworkZh,
  ...dueworkZh,
  ...releaseZh,
  ...aftercareZh,
  ...statsZh,
  ...serverZh,
  ...connectionZh,
}

/** Every interface text key (`common.save`, `psych.assess.missing`). */
export type TextKey = FlatKeys<typeof zhCN>

type Tree = { [key: string]: string | Tree }

/** Flattens nested texts to dotted keys, the same shape as the shared API messages (`v.required`, `err.forbidden`). */
export function flatten(tree: object, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree as Tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out[path] = value
    else flatten(value, path, out)
  }
  return out
}
