/**
 * Issue 15, optimistic concurrency on a real database: two administrators (or two staff members) load the same page;
 * the first save wins, the second — naming what its page showed — is refused as a conflict that says who saved last,
 * and the stored value stays the first save's. Covers the settings and person transitions that gained a version/seen.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input, MethodName } from '../../electron/shared/contract'
import { ADMIN, call, err, makeWorld, ok, personInput, seenPeriod, seenWard, type World } from './helpers'

const OTHER = { username: 'admin2', displayName: '管理员乙', password: 'Admin2#2026pw' }

let w: World
/** 管理员甲 (the test world's admin) and 管理员乙, each on their own session. */
let first: string
let second: string

beforeEach(() => {
  w = makeWorld()
  first = w.sessions.admin!
  ok(call(w.dispatch, 'staff:create', { ...OTHER, role: 'admin', wardIds: [] }, first))
  second = w.login(OTHER.username, OTHER.password)
})
afterEach(() => w.close())

interface Case<M extends MethodName> {
  /** What the page loaded: the version a save names. */
  version: () => string
  /** The save with a value that differs for each of the two savers. */
  save: (version: string, which: 'winner' | 'loser') => Input<M>
  /** What is stored now, read back through the read method. */
  stored: () => unknown
}

function staleSave<M extends MethodName>(method: M, c: Case<M>, expectedKey = 'settings.stale') {
  const seen = c.version()
  ok(call(w.dispatch, method, c.save(seen, 'winner'), second))
  const kept = c.stored()
  const refused = err(call(w.dispatch, method, c.save(seen, 'loser'), first))
  expect(refused).toMatchObject({ code: 'conflict', key: expectedKey, changedBy: { by: OTHER.displayName } })
  expect(refused.message).toContain(OTHER.displayName)
  expect(c.stored()).toEqual(kept)
  // Reloading gives the new version, and a save naming it goes through.
  ok(call(w.dispatch, method, c.save(c.version(), 'loser'), first))
  expect(c.stored()).not.toEqual(kept)
}

describe('settings: a save naming an old version is refused with who saved last; the first save stays', () => {
  const facility = () => ok(call(w.dispatch, 'facility:get', {}, first))

  it('facility:update (the facility name)', () => {
    staleSave('facility:update', {
      version: () => facility().versions.name,
      save: (version, which) => ({ name: which === 'winner' ? '第一强制隔离戒毒所' : '第二强制隔离戒毒所', version }),
      stored: () => facility().name,
    })
  })

  it('facility:setPeriodTemplate (each save adds a template version; a stale base is refused)', () => {
    const base = facility().periodTemplate
    staleSave('facility:setPeriodTemplate', {
      version: () => facility().versions.periodTemplate,
      save: (version, which) => ({ template: { ...base, name: which === 'winner' ? '甲省模板' : '乙省模板' }, version }),
      stored: () => facility().periodTemplate.name,
    })
  })

  it('people:setTermWarningDays', () => {
    staleSave('people:setTermWarningDays', {
      version: () => ok(call(w.dispatch, 'people:termSettings', {}, first)).version,
      save: (version, which) => ({ termWarningDays: which === 'winner' ? 45 : 60, version }),
      stored: () => ok(call(w.dispatch, 'people:termSettings', {}, first)).termWarningDays,
    })
  })

  it('backup:updateSettings (folder, keep, daily and encryption as one version)', () => {
    staleSave('backup:updateSettings', {
      version: () => ok(call(w.dispatch, 'backup:list', {}, first)).version,
      save: (version, which) => ({ folder: null, keep: which === 'winner' ? 7 : 30, daily: true, encrypt: false, version }),
      stored: () => ok(call(w.dispatch, 'backup:list', {}, first)).settings,
    })
  })

  it('knowledge:updateSettings', () => {
    const current = () => ok(call(w.dispatch, 'knowledge:settings', {}, first))
    staleSave('knowledge:updateSettings', {
      version: () => current().version,
      save: (version, which) => ({ kioskShowsScore: which === 'winner', version }),
      stored: () => current().kioskShowsScore,
    })
  })

  it('assessment:chooseTemplate', () => {
    const list = () => ok(call(w.dispatch, 'assessment:templates', {}, first))
    const chosen = list().chosenId
    const other = list().templates.find((t) => t.templateId !== chosen)!.templateId
    staleSave('assessment:chooseTemplate', {
      version: () => list().version,
      save: (version, which) => ({ templateId: which === 'winner' ? other : chosen, version }),
      stored: () => list().chosenId,
    })
  })

  it('release:saveSettings (rules and contact card as one version)', () => {
    const current = () => ok(call(w.dispatch, 'release:settings', {}, first))
    const { rules, contactCard } = current()
    staleSave('release:saveSettings', {
      version: () => current().version,
      save: (version, which) => ({ rules: { ...rules, organNoticeDays: which === 'winner' ? 5 : 9 }, contactCard, version }),
      stored: () => current().rules,
    })
  })
})

describe('settings that already refused a stale version now also say who saved last', () => {
  it('facility:setWardScope', () => {
    const { policy, version } = ok(call(w.dispatch, 'facility:wardScope', {}, first))
    const { admin: _admin, ...staffPolicy } = policy
    ok(call(w.dispatch, 'facility:setWardScope', { policy: staffPolicy, version }, second))
    expect(err(call(w.dispatch, 'facility:setWardScope', { policy: staffPolicy, version }, first))).toMatchObject({
      code: 'conflict', key: 'settings.stale', changedBy: { by: OTHER.displayName },
    })
  })
})

describe('person transitions name the period or ward the page showed', () => {
  let id: string
  beforeEach(() => {
    id = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), first)).id
  })
  const file = () => ok(call(w.dispatch, 'people:get', { id }, first))

  it('people:movePeriod: a second move from the same page is not stacked on the first', () => {
    const seen = seenPeriod(w.db, id)
    ok(call(w.dispatch, 'people:movePeriod', { id, seen, to: 'education', effectiveDate: '2026-07-01', note: null }, second))
    // From the old page the move education → rehabilitation would now be allowed and silently add a second step.
    const refused = err(call(w.dispatch, 'people:movePeriod', { id, seen, to: 'education', effectiveDate: '2026-07-02', note: null }, first))
    expect(refused).toMatchObject({ code: 'conflict', key: 'person.stale_period', changedBy: { by: OTHER.displayName } })
    expect(file()).toMatchObject({ period: 'education', periodSince: '2026-07-01' })
    expect(file().periods).toHaveLength(2)
    ok(call(w.dispatch, 'people:movePeriod', { id, seen: seenPeriod(w.db, id), to: 'rehabilitation', effectiveDate: '2026-09-01', note: null }, first))
    expect(file().period).toBe('rehabilitation')
  })

  it('people:correctPeriod: a correction from an old page does not replace another', () => {
    const seen = seenPeriod(w.db, id)
    ok(call(w.dispatch, 'people:correctPeriod', { id, seen, to: 'education', effectiveDate: '2026-06-15', reason: '按原所档案更正' }, second))
    const refused = err(call(w.dispatch, 'people:correctPeriod', { id, seen, to: 'rehabilitation', effectiveDate: '2026-06-20', reason: '按原所档案更正' }, first))
    expect(refused).toMatchObject({ code: 'conflict', key: 'person.stale_period', changedBy: { by: OTHER.displayName } })
    expect(file()).toMatchObject({ period: 'education', periodSince: '2026-06-15' })
  })

  it('people:assignWard: a transfer from an old page does not replace another', () => {
    const wardC = ok(call(w.dispatch, 'wards:create', { name: '三大队', capacity: 50 }, first)).id
    const seen = seenWard(w.db, id)
    ok(call(w.dispatch, 'people:assignWard', { id, seen, wardId: w.wards.b, effectiveDate: '2026-11-01', note: null }, second))
    const refused = err(call(w.dispatch, 'people:assignWard', { id, seen, wardId: wardC, effectiveDate: '2026-11-02', note: null }, first))
    expect(refused).toMatchObject({ code: 'conflict', key: 'person.stale_ward', changedBy: { by: OTHER.displayName } })
    expect(file().wardId).toBe(w.wards.b)
    expect(file().wards).toHaveLength(2)
  })

  it('the conflict message names who changed it and when (zh-CN)', () => {
    const seen = seenWard(w.db, id)
    ok(call(w.dispatch, 'people:assignWard', { id, seen, wardId: w.wards.b, effectiveDate: '2026-11-01', note: null }, second))
    const refused = err(call(w.dispatch, 'people:assignWard', { id, seen, wardId: w.wards.b, effectiveDate: '2026-11-01', note: null }, first))
    expect(refused.message).toContain(OTHER.displayName)
    expect(refused.changedBy?.at).toMatch(/^2026-11-23 \d\d:\d\d$/)
    expect(ADMIN.displayName).not.toBe(OTHER.displayName)
  })
})
