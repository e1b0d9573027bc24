import type { PsychSettings } from '../../shared/domain/psych'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settingsRepo'

/** The stored settings merged over the defaults (a field saved before it existed reads as its default). */
export function psychSettings(db: Db): PsychSettings {
  return readSetting(db, 'psych.settings')
}

export function savePsychSettings(db: Db, settings: PsychSettings): void {
  writeSetting(db, 'psych.settings', settings)
}
