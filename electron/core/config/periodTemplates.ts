import { DEFAULT_PERIOD_TEMPLATE, type PeriodTemplate } from '../../shared/domain/periods'
import type { Db } from '../db/open'
import { currentConfig, currentConfigVersion, saveConfigVersion } from './configRepo'

/**
 * The facility's period template, kept as versioned configuration. A period move records the version it was checked
 * against (period_moves.period_template_version): take it from `currentPeriodTemplateVersion` in the same transaction.
 */

/** The template in force and its version; the built-in default (version null) before set-up saved one. */
export function currentPeriodTemplate(db: Db): { version: number | null; template: PeriodTemplate } {
  const current = currentConfig(db, 'periodTemplate')
  return current ? { version: current.version, template: current.data } : { version: null, template: DEFAULT_PERIOD_TEMPLATE }
}

/** The version a period move recorded now is checked against; null before set-up saved a template. */
export function currentPeriodTemplateVersion(db: Db): number | null {
  return currentConfigVersion(db, 'periodTemplate')
}

/** Saves the template as a new version (earlier versions stay readable); returns the new version number. */
export function savePeriodTemplate(db: Db, template: PeriodTemplate, saved: { at: string; by: string | null }): number {
  return saveConfigVersion(db, 'periodTemplate', template, saved)
}
