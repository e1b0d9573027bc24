import { DEFAULT_PSYCH_SETTINGS, type PsychSettings } from '../../shared/domain/psych'
import type { Db } from '../db/open'
import { getSetting, setSetting } from '../db/settings'

const KEY = 'psych.settings'

export function psychSettings(db: Db): PsychSettings {
  return { ...DEFAULT_PSYCH_SETTINGS, ...(getSetting<Partial<PsychSettings>>(db, KEY) ?? {}) }
}

export function savePsychSettings(db: Db, settings: PsychSettings): void {
  setSetting(db, KEY, settings)
}
