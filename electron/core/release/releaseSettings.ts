import type { ReleaseRules } from '../../shared/domain/release'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'

/** The release rules in force (setting `release.rules`: notice days, 出所管理's look-ahead). */
export const releaseRules = (db: Db): ReleaseRules => readSetting(db, 'release.rules')
