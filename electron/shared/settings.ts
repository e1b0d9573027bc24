/**
 * Every facility setting the app stores (table `settings`, one JSON value per key), with its schema and its default.
 * The settings repository parses a stored value with its schema on every read and validates before every write, so
 * code never sees an unchecked value. Configuration that records depend on is not a setting: see configKinds.ts.
 */
import { z } from 'zod'
import { BACKUP_KEEP_DEFAULT, BACKUP_PATH_MAX, backupSettingsInput } from './contract/backup'
import { text } from './contract/common'
import { wardScopeSchema } from './contract/facility'
import { termWarningDaysSchema } from './contract/people'
import { DEFAULT_FITNESS_SETTINGS, fitnessSettingsSchema } from './contract/fitness'
import { psychSettingsSchema } from './contract/psych'
import { DEFAULT_PSYCH_SETTINGS } from './domain/psych'
import { DEFAULT_TERM_WARNING_DAYS } from './domain/term'
import { DEFAULT_WARD_SCOPE } from './domain/wardScope'
import { intensityGroupsSchema } from './contract/training'
import { DEFAULT_INTENSITY_GROUPS } from './domain/training'
import { vocationalSettingsSchema } from './contract/courses'
import { DEFAULT_VOCATIONAL_SETTINGS } from './domain/vocational'
import { DEFAULT_WARDWORK_LISTS, wardworkListsSchema } from './contract/wardwork'
import { DEFAULT_DUE_RULES, dueRulesSchema } from './domain/duework/settings'
import { contactCardSchema, DEFAULT_CONTACT_CARD, DEFAULT_RELEASE_RULES, releaseRulesSchema } from './domain/release/settings'
import { DEFAULT_SESSION_LIMITS, sessionLimitsSchema } from './contract/server'
import { aftercarePlanSchema, DEFAULT_AFTERCARE_PLAN, DEFAULT_HELP_KINDS, helpKindsSchema } from './domain/aftercare/settings'

interface SettingDefinition<S extends z.ZodType, D> {
  schema: S
  /** The value read when the key was never stored. */
  default: D
}

const setting = <S extends z.ZodType, D extends z.output<S> | null>(schema: S, defaultValue: D): SettingDefinition<S, D> => ({
  schema,
  default: defaultValue,
})

/**
 * A stored object merged over the defaults, field by field: a value saved before a field existed still reads whole,
 * with the new field at its default. A field that is present must be valid; it is never replaced by its default.
 */
export function mergedOverDefaults<S extends z.ZodObject>(schema: S, defaults: z.output<S>) {
  return z.preprocess(
    (stored) => (typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? { ...defaults, ...stored } : stored),
    schema,
  )
}

export const SETTINGS = {
  /** The facility's name; unset until set-up, which is how the app knows it has not been set up yet. */
  'facility.name': setting(text(60), null),
  'psych.settings': setting(mergedOverDefaults(psychSettingsSchema, DEFAULT_PSYCH_SETTINGS), DEFAULT_PSYCH_SETTINGS),
  /** Days before the last day from which the header and roster warn (the last day itself is day 0). */
  'people.termWarningDays': setting(termWarningDaysSchema, DEFAULT_TERM_WARNING_DAYS),
  /** Where backups go; null: a `backups` folder beside the database. */
  'backup.folder': setting(text(BACKUP_PATH_MAX).nullable(), null),
  /** How many backups rotation keeps in the folder. */
  'backup.keep': setting(backupSettingsInput.shape.keep, BACKUP_KEEP_DEFAULT),
  /** An automatic backup once a day while the app runs. */
  'backup.daily': setting(z.boolean(), true),
  /** Encrypt backups with the facility passphrase (kept outside the database). */
  'backup.encrypt': setting(z.boolean(), false),
  /** Ward scoping (包队责任制): each role's reach for reading and for writing (domain/wardScope.ts). */
  'access.wardScope': setting(mergedOverDefaults(wardScopeSchema, DEFAULT_WARD_SCOPE), DEFAULT_WARD_SCOPE),
  /** Days after a fitness test when the next is due: a facility choice (no national interval is verified). */
  'fitness.retestIntervalDays': setting(fitnessSettingsSchema.shape.retestIntervalDays, DEFAULT_FITNESS_SETTINGS.retestIntervalDays),
  /** The standard a test day is graded under unless another is chosen (a norms file's id). */
  'fitness.defaultStandard': setting(fitnessSettingsSchema.shape.defaultStandardId, DEFAULT_FITNESS_SETTINGS.defaultStandardId),
  /** Intensity groups of exercise training (运动戒毒): a facility's choice, no national list verified (domain/training.ts). */
  'fitness.intensityGroups': setting(intensityGroupsSchema, DEFAULT_INTENSITY_GROUPS),
  /** Vocational training (issue 12): default pass mark, the attendance needed for a certificate, the education subjects (facility choices). */
  'vocational.settings': setting(mergedOverDefaults(vocationalSettingsSchema, DEFAULT_VOCATIONAL_SETTINGS), DEFAULT_VOCATIONAL_SETTINGS),
  /** Whether the person at the knowledge-test kiosk sees the score after submitting (default off: staff tell them). */
  'knowledge.kioskShowsScore': setting(z.boolean(), false),
  /** The diagnostic-assessment template new assessments use (a template id; issue 13). */
  'assessment.templateId': setting(z.string().regex(/^[a-z][a-z0-9_-]{0,59}$/), 'beijing-2021'),
  /** The ward records' lists (talk kinds, conduct categories with points, measure and visit kinds): facility choices, issue 13. */
  'wardwork.lists': setting(wardworkListsSchema, DEFAULT_WARDWORK_LISTS),
  /** Due-work rules (issue 13): per rule on/off and its days, interval, lead days (domain/duework/settings.ts). */
  'duework.rules': setting(mergedOverDefaults(dueRulesSchema, DEFAULT_DUE_RULES), DEFAULT_DUE_RULES),
  /** Release (issue 14): the deciding organ's notice days ([L2 §34]: 3) and how far ahead 出所管理 looks. */
  'release.rules': setting(mergedOverDefaults(releaseRulesSchema, DEFAULT_RELEASE_RULES), DEFAULT_RELEASE_RULES),
  /** The contact card's (联系卡) heading, hotline and text: the facility's own words. */
  'release.contactCard': setting(mergedOverDefaults(contactCardSchema, DEFAULT_CONTACT_CARD), DEFAULT_CONTACT_CARD),
  /** Aftercare (issue 14): the follow-up plan made at release (UNVERIFIED cadence) and the help-given list. */
  'aftercare.plan': setting(mergedOverDefaults(aftercarePlanSchema, DEFAULT_AFTERCARE_PLAN), DEFAULT_AFTERCARE_PLAN),
  'aftercare.helpKinds': setting(helpKindsSchema, DEFAULT_HELP_KINDS),
  /** Sign-in sessions (issue 15): idle and absolute limits, on the facility server and on a single workstation alike. */
  'server.sessions': setting(mergedOverDefaults(sessionLimitsSchema, DEFAULT_SESSION_LIMITS), DEFAULT_SESSION_LIMITS),
  /** A workstation whose database was exported to the facility server (core/transfer): which package, when. Null: never exported. */
  'transfer.exported': setting(z.object({ packageId: z.string().uuid(), exportedAt: text(40), sha256: z.string().regex(/^[0-9a-f]{64}$/), file: text(BACKUP_PATH_MAX) }).nullable(), null),
}

export type SettingKey = keyof typeof SETTINGS
/** What a write takes: a complete, valid value. */
export type SettingInput<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>
/** What a read returns: the stored value, parsed, or the default when never stored. */
export type SettingValue<K extends SettingKey> = SettingInput<K> | (typeof SETTINGS)[K]['default']

/** The same registry, typed per key, so generic code gets `SettingInput<K>` out of the schema of key K. */
export const SETTING_DEFINITIONS: { [K in SettingKey]: SettingDefinition<z.ZodType<SettingInput<K>>, SettingValue<K>> } = SETTINGS
