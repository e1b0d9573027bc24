import { createHash } from 'node:crypto'
import { SETTING_DEFINITIONS, type SettingInput, type SettingKey, type SettingValue } from '../../shared/settings'
import type { Db } from './open'

/**
 * A stored setting that does not match its schema (or a write that would not). Never papered over with the default:
 * the value was written by something other than this app's validated writes, and someone has to look at it.
 */
export class InvalidSettingError extends Error {
  constructor(
    readonly key: SettingKey,
    readonly problem: string,
  ) {
    super(`setting '${key}' is invalid: ${problem}`)
    this.name = 'InvalidSettingError'
  }
}

function parse<K extends SettingKey>(key: K, value: unknown): SettingInput<K> {
  const result = SETTING_DEFINITIONS[key].schema.safeParse(value)
  if (!result.success) {
    throw new InvalidSettingError(key, result.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; '))
  }
  return result.data
}

/** The stored value parsed with its schema, or the key's default when it was never stored. */
export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  if (!row) {
    // Parsed too, so a caller gets its own copy and can never change the shared default object.
    const fallback = SETTING_DEFINITIONS[key].default
    return fallback === null ? fallback : parse(key, fallback)
  }
  let stored: unknown
  try {
    stored = JSON.parse(row.value)
  } catch {
    throw new InvalidSettingError(key, 'not JSON')
  }
  return parse(key, stored)
}

/**
 * A short fingerprint of the stored value ('default' while none is stored): a form that saves a setting names the
 * version it showed, and a change made by someone else in between is refused instead of overwritten.
 */
export function settingVersion(db: Db, key: SettingKey): string {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  return row ? createHash('sha256').update(row.value).digest('hex').slice(0, 16) : 'default'
}

/**
 * One version for a form that saves several settings at once (backup, release): it changes when any of them does, so
 * the whole form is refused when someone saved any part of it meanwhile.
 */
export function settingsVersion(db: Db, keys: readonly SettingKey[]): string {
  return createHash('sha256').update(keys.map((key) => `${key}=${settingVersion(db, key)}`).join('\n')).digest('hex').slice(0, 16)
}

/** Validates, then stores the parsed value; an invalid value throws before anything is written. */
export function writeSetting<K extends SettingKey>(db: Db, key: K, value: SettingInput<K>): void {
  const valid = parse(key, value)
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(valid),
  )
}
