/**
 * Versioned configuration (issue 7 §4): each save is a new numbered version of its kind, earlier versions stay
 * readable, data is validated before saving and parsed on every read. The period template is the first kind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  configVersion,
  currentConfig,
  currentConfigVersion,
  InvalidConfigError,
  listConfigVersions,
  saveConfigVersion,
} from '../../electron/core/config/configRepo'
import { currentPeriodTemplate, currentPeriodTemplateVersion } from '../../electron/core/config/periodTemplates'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { DEFAULT_PERIOD_TEMPLATE, type PeriodTemplate } from '../../electron/shared/domain/periods'
import { call, count, err, FIXED_NOW, makeWorld, ok, personInput, seenPeriod, type World } from './helpers'

const STRICTER: PeriodTemplate = {
  id: 'province-x',
  name: '某省模式（脱毒期至少 30 天）',
  moves: DEFAULT_PERIOD_TEMPLATE.moves,
  minDwellDays: { detox: 30, education: null, rehabilitation: null, return: null },
}
const AT1 = '2026-11-01T02:00:00.000Z'
const AT2 = '2026-11-02T02:00:00.000Z'

let db: Db
beforeEach(() => {
  db = openDatabase(':memory:')
})
afterEach(() => db.close())

const insertRaw = (version: number, data: string) =>
  db
    .prepare("INSERT INTO config_versions (id, kind, version, data, created_at, created_by) VALUES (?, 'periodTemplate', ?, ?, ?, NULL)")
    .run(`raw-${version}`, version, data, AT1)

describe('config versions of a kind', () => {
  it('none saved: no current version, no versions listed', () => {
    expect(currentConfig(db, 'periodTemplate')).toBeNull()
    expect(currentConfigVersion(db, 'periodTemplate')).toBeNull()
    expect(listConfigVersions(db, 'periodTemplate')).toEqual([])
    expect(configVersion(db, 'periodTemplate', 1)).toBeNull()
  })

  it('saving twice gives versions 1 and 2; the current one is 2 and version 1 is still readable', () => {
    expect(saveConfigVersion(db, 'periodTemplate', DEFAULT_PERIOD_TEMPLATE, { at: AT1, by: null })).toBe(1)
    expect(saveConfigVersion(db, 'periodTemplate', STRICTER, { at: AT2, by: null })).toBe(2)

    expect(currentConfigVersion(db, 'periodTemplate')).toBe(2)
    expect(currentConfig(db, 'periodTemplate')).toEqual({ kind: 'periodTemplate', version: 2, data: STRICTER, createdAt: AT2, createdBy: null })
    expect(configVersion(db, 'periodTemplate', 1)).toEqual({
      kind: 'periodTemplate',
      version: 1,
      data: DEFAULT_PERIOD_TEMPLATE,
      createdAt: AT1,
      createdBy: null,
    })
    expect(configVersion(db, 'periodTemplate', 3)).toBeNull()
    expect(listConfigVersions(db, 'periodTemplate')).toEqual([
      { version: 2, createdAt: AT2, createdBy: null },
      { version: 1, createdAt: AT1, createdBy: null },
    ])
  })

  it('an identical save is still a new version (the history shows every save)', () => {
    saveConfigVersion(db, 'periodTemplate', DEFAULT_PERIOD_TEMPLATE, { at: AT1, by: null })
    expect(saveConfigVersion(db, 'periodTemplate', DEFAULT_PERIOD_TEMPLATE, { at: AT2, by: null })).toBe(2)
  })

  it('refuses invalid data, naming the kind, and saves nothing', () => {
    saveConfigVersion(db, 'periodTemplate', DEFAULT_PERIOD_TEMPLATE, { at: AT1, by: null })
    const bad = { ...STRICTER, minDwellDays: { ...STRICTER.minDwellDays, detox: -1 } }
    expect(() => saveConfigVersion(db, 'periodTemplate', bad, { at: AT2, by: null })).toThrow(InvalidConfigError)
    expect(() => saveConfigVersion(db, 'periodTemplate', { ...STRICTER, moves: [] }, { at: AT2, by: null })).toThrow(
      /configuration 'periodTemplate' is invalid: moves/,
    )
    expect(count(db, 'config_versions')).toBe(1)
    expect(currentConfigVersion(db, 'periodTemplate')).toBe(1)
  })

  it('refuses a stored version that fails its schema, naming the kind and version, and never skips it', () => {
    saveConfigVersion(db, 'periodTemplate', DEFAULT_PERIOD_TEMPLATE, { at: AT1, by: null })
    insertRaw(2, JSON.stringify({ ...STRICTER, moves: [['detox', 'prison']] }))
    expect(() => currentConfig(db, 'periodTemplate')).toThrow(/configuration 'periodTemplate' version 2 is invalid: moves\.0\.1/)
    expect(() => configVersion(db, 'periodTemplate', 2)).toThrow(InvalidConfigError)
    expect(configVersion(db, 'periodTemplate', 1)?.data).toEqual(DEFAULT_PERIOD_TEMPLATE)
  })

  it('the table refuses a duplicate version, a version 0 and data that is not JSON', () => {
    insertRaw(1, '{}')
    expect(() => insertRaw(1, '{}')).toThrow(/UNIQUE constraint failed: config_versions\.kind, config_versions\.version/)
    expect(() => insertRaw(0, '{}')).toThrow(/CHECK constraint failed/)
    expect(() => insertRaw(2, 'not json')).toThrow(/CHECK constraint failed/)
  })

  it('created_by must be a member of staff', () => {
    expect(() => saveConfigVersion(db, 'periodTemplate', DEFAULT_PERIOD_TEMPLATE, { at: AT1, by: 'nobody' })).toThrow(/FOREIGN KEY/)
  })
})

/** The template version the settings form shows (and a save must name). */
const templateVersion = (world: World) => ok(call(world.dispatch, 'facility:get', {}, world.sessions.admin!)).versions.periodTemplate

describe('the period template as versioned configuration', () => {
  it('before set-up: the built-in default, no version', () => {
    expect(currentPeriodTemplate(db)).toEqual({ version: null, template: DEFAULT_PERIOD_TEMPLATE })
    expect(currentPeriodTemplateVersion(db)).toBeNull()
  })

  it('set-up saves version 1 (the default, by the system); facility:setPeriodTemplate saves version 2 by the admin', () => {
    const world = makeWorld()
    try {
      const admin = world.sessions.admin!
      expect(listConfigVersions(world.db, 'periodTemplate')).toEqual([{ version: 1, createdAt: FIXED_NOW.toISOString(), createdBy: null }])
      expect(currentPeriodTemplate(world.db)).toEqual({ version: 1, template: DEFAULT_PERIOD_TEMPLATE })

      ok(call(world.dispatch, 'facility:setPeriodTemplate', { template: STRICTER, version: templateVersion(world) }, admin))
      expect(currentPeriodTemplateVersion(world.db)).toBe(2)
      const adminId = (world.db.prepare("SELECT id FROM staff WHERE username = 'admin'").get() as { id: string }).id
      expect(currentConfig(world.db, 'periodTemplate')).toMatchObject({ version: 2, data: STRICTER, createdBy: adminId })
      expect(configVersion(world.db, 'periodTemplate', 1)?.data).toEqual(DEFAULT_PERIOD_TEMPLATE)
      expect(ok(call(world.dispatch, 'facility:get', {}, admin)).periodTemplate).toEqual(STRICTER)
      // The template no longer lives in settings.
      expect(world.db.prepare("SELECT key FROM settings WHERE key = 'periods.template'").get()).toBeUndefined()
    } finally {
      world.close()
    }
  })

  it('a refused template (a move to the same period) saves no version', () => {
    const world = makeWorld()
    try {
      const template = { ...STRICTER, moves: [['detox', 'detox']] as PeriodTemplate['moves'] }
      expect(err(call(world.dispatch, 'facility:setPeriodTemplate', { template, version: templateVersion(world) }, world.sessions.admin!)).code).toBe('rule_violation')
      expect(currentPeriodTemplateVersion(world.db)).toBe(1)
    } finally {
      world.close()
    }
  })

  it('each period move records the template version it was checked against (placement, move, correction)', () => {
    const world = makeWorld()
    try {
      const admin = world.sessions.admin!
      const versions = () =>
        world.db.prepare('SELECT to_period AS toPeriod, correction, period_template_version AS v FROM period_moves ORDER BY recorded_at, rowid').all()
      const { id } = ok(call(world.dispatch, 'people:create', personInput(world.wards.a, { period: 'detox' }), admin))
      ok(call(world.dispatch, 'facility:setPeriodTemplate', { template: STRICTER, version: templateVersion(world) }, admin))
      ok(call(world.dispatch, 'people:movePeriod', { id, seen: seenPeriod(world.db, id), to: 'education', effectiveDate: '2026-11-20', note: '评估合格' }, admin))
      expect(versions()).toEqual([
        { toPeriod: 'detox', correction: 0, v: 1 },
        { toPeriod: 'education', correction: 0, v: 2 },
      ])
    } finally {
      world.close()
    }
  })
})
