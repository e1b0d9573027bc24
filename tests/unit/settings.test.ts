/**
 * The typed settings registry (issue 7 §4): every stored setting is parsed with its schema on every read, a key never
 * stored reads as its default, a stored partial is merged over the defaults, and a bad value (stored or written) is an
 * error naming the key, never quietly replaced.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { InvalidSettingError, readSetting, writeSetting } from '../../electron/core/db/settingsRepo'
import { psychSettings, savePsychSettings } from '../../electron/core/psych/psychSettings'
import { DEFAULT_PSYCH_SETTINGS } from '../../electron/shared/domain/psych'
import { SETTINGS, type SettingKey } from '../../electron/shared/settings'
import { call, makeWorld, ok } from './helpers'

let db: Db
beforeEach(() => {
  db = openDatabase(':memory:')
})
afterEach(() => db.close())

const storeRaw = (key: string, value: string) => db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value)
const rawValue = (key: string) => (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value

/** The error thrown by fn, which must throw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

describe('the registry', () => {
  it.each(Object.keys(SETTINGS) as SettingKey[])('%s: its default is null or valid under its own schema', (key) => {
    const { schema, default: value } = SETTINGS[key]
    if (value !== null) expect(schema.safeParse(value).success).toBe(true)
  })
})

describe('reading a setting', () => {
  it('returns the default when the key was never stored', () => {
    expect(readSetting(db, 'facility.name')).toBeNull()
    expect(readSetting(db, 'psych.settings')).toEqual(DEFAULT_PSYCH_SETTINGS)
    expect(psychSettings(db)).toEqual(DEFAULT_PSYCH_SETTINGS)
  })

  it('gives each caller its own copy of a default', () => {
    const settings = psychSettings(db)
    expect(settings).not.toBe(DEFAULT_PSYCH_SETTINGS)
    settings.screeningInstruments.push('changed')
    expect(psychSettings(db).screeningInstruments).toEqual(DEFAULT_PSYCH_SETTINGS.screeningInstruments)
  })

  it('merges a stored partial over the defaults (a field saved before it existed reads as its default)', () => {
    storeRaw('psych.settings', JSON.stringify({ rounding: 'round_half_up', cutoffSets: { zung_sds: 'SDS_CN_53' } }))
    expect(psychSettings(db)).toEqual({ ...DEFAULT_PSYCH_SETTINGS, rounding: 'round_half_up', cutoffSets: { zung_sds: 'SDS_CN_53' } })
  })

  it('drops stored fields the schema does not know', () => {
    storeRaw('psych.settings', JSON.stringify({ ...DEFAULT_PSYCH_SETTINGS, retiredOption: true }))
    expect(psychSettings(db)).toEqual(DEFAULT_PSYCH_SETTINGS)
  })

  it('refuses a stored value that fails its schema, naming the key and the field', () => {
    storeRaw('psych.settings', JSON.stringify({ rounding: 'sideways' }))
    const error = thrown(() => psychSettings(db))
    expect(error).toBeInstanceOf(InvalidSettingError)
    expect((error as InvalidSettingError).key).toBe('psych.settings')
    expect((error as Error).message).toContain("setting 'psych.settings' is invalid")
    expect((error as Error).message).toContain('rounding')
  })

  it('never replaces a present but invalid field by its default', () => {
    storeRaw('psych.settings', JSON.stringify({ scl90FactorRule: null }))
    expect(() => psychSettings(db)).toThrow(/psych\.settings.*scl90FactorRule/)
  })

  it.each([
    ['a number where a name belongs', 'facility.name', '42'],
    ['an empty name', 'facility.name', '""'],
    ['text that is not JSON', 'facility.name', 'not json'],
    ['an array where an object belongs', 'psych.settings', '[1, 2]'],
    ['JSON null', 'psych.settings', 'null'],
  ] as const)('refuses %s, naming the key', (_what, key, stored) => {
    storeRaw(key, stored)
    expect(() => readSetting(db, key)).toThrow(new RegExp(`setting '${key.replace('.', '\\.')}' is invalid`))
  })
})

describe('writing a setting', () => {
  it('round-trips a valid value', () => {
    writeSetting(db, 'facility.name', '测试强制隔离戒毒所')
    expect(readSetting(db, 'facility.name')).toBe('测试强制隔离戒毒所')
    const settings = { ...DEFAULT_PSYCH_SETTINGS, rounding: 'round_half_up' as const, scl90FactorRule: '>' as const }
    savePsychSettings(db, settings)
    expect(psychSettings(db)).toEqual(settings)
  })

  it('stores the parsed value (the name trimmed, as the contract does)', () => {
    writeSetting(db, 'facility.name', '  新生所  ')
    expect(rawValue('facility.name')).toBe('"新生所"')
  })

  it('refuses an invalid value, naming the key, and leaves the stored value unchanged', () => {
    savePsychSettings(db, DEFAULT_PSYCH_SETTINGS)
    const before = rawValue('psych.settings')
    const error = thrown(() => savePsychSettings(db, { ...DEFAULT_PSYCH_SETTINGS, screeningInstruments: [] }))
    expect(error).toBeInstanceOf(InvalidSettingError)
    expect((error as Error).message).toMatch(/psych\.settings.*screeningInstruments/)
    expect(rawValue('psych.settings')).toBe(before)
  })

  it('refuses an invalid first write and stores nothing', () => {
    expect(() => writeSetting(db, 'facility.name', '')).toThrow(InvalidSettingError)
    expect(() => writeSetting(db, 'facility.name', 'x'.repeat(61))).toThrow(/facility\.name/)
    expect(rawValue('facility.name')).toBeUndefined()
    expect(readSetting(db, 'facility.name')).toBeNull()
  })
})

describe('through the dispatcher', () => {
  it('set-up stores the facility name; facility:update changes it; psych settings save and read back', () => {
    const world = makeWorld()
    try {
      const admin = world.sessions.admin!
      expect(ok(call(world.dispatch, 'setup:status', {}, null))).toEqual({ initialized: true, facilityName: '测试强制隔离戒毒所', previouslyUsed: false })
      ok(call(world.dispatch, 'facility:update', { name: '第二所', version: ok(call(world.dispatch, 'facility:get', {}, admin)).versions.name }, admin))
      expect(ok(call(world.dispatch, 'facility:get', {}, admin)).name).toBe('第二所')
      expect(readSetting(world.db, 'facility.name')).toBe('第二所')
      const settings = { ...DEFAULT_PSYCH_SETTINGS, scl90FactorRule: '>' as const }
      const { version } = ok(call(world.dispatch, 'psych:getSettings', {}, admin))
      expect(version).toBe('default')
      ok(call(world.dispatch, 'psych:updateSettings', { settings, version }, admin))
      const saved = ok(call(world.dispatch, 'psych:getSettings', {}, admin))
      expect(saved).toEqual({ ...settings, version: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown })
      // A second save from the page that still shows the first version is refused: nothing is overwritten.
      expect(call(world.dispatch, 'psych:updateSettings', { settings: { ...settings, scl90FactorRule: '>=' as const }, version }, admin)).toMatchObject({
        ok: false, error: { code: 'conflict', key: 'settings.stale' },
      })
      expect(ok(call(world.dispatch, 'psych:getSettings', {}, admin)).scl90FactorRule).toBe('>')
    } finally {
      world.close()
    }
  })
})
