import type { FitnessSettings } from '../../shared/contract/fitness'
import type { Db } from '../db/open'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'

export function fitnessSettings(db: Db): FitnessSettings {
  return { retestIntervalDays: readSetting(db, 'fitness.retestIntervalDays'), defaultStandardId: readSetting(db, 'fitness.defaultStandard') }
}

/** One version for the two keys: a form shows both, so a change to either since it was read is a conflict. */
export function fitnessSettingsVersion(db: Db): string {
  return `${settingVersion(db, 'fitness.retestIntervalDays')}.${settingVersion(db, 'fitness.defaultStandard')}`
}

export function saveFitnessSettings(db: Db, s: FitnessSettings): void {
  writeSetting(db, 'fitness.retestIntervalDays', s.retestIntervalDays)
  writeSetting(db, 'fitness.defaultStandard', s.defaultStandardId)
}
