/**
 * Issue 15, the dispatcher's side of the facility server: 'changed' events after committed writes (live updates),
 * stale edits naming who saved last and when, the session limits as a setting, the health screen's figures and
 * ending sessions ("logout everywhere").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { handleOf, SessionStore } from '../../electron/core/auth/sessions'
import { openBackend, sessionLimitsOf } from '../../electron/core/backend'
import { createDispatcher, type Dispatcher } from '../../electron/core/dispatch'
import type { BackendEvent } from '../../electron/shared/events'
import { join } from 'node:path'
import type { ApiResult } from '../../electron/shared/contract'
import { ADMIN, call, err, makeWorld, ok, personInput, STAFF_PASSWORD, tempDir, type World } from './helpers'

let w: World
let now: number
let events: BackendEvent[]
let d: Dispatcher
const login = (username: string, password = STAFF_PASSWORD) => ok(call(d, 'auth:login', { username, password }, null)).sessionId
const MINUTE = 60_000

beforeEach(() => {
  w = makeWorld(['counsellor', 'ward_officer', 'trainer'])
  now = Date.parse('2026-11-23T02:00:00Z')
  events = []
  d = createDispatcher({ db: w.db, clock: { now: () => new Date(now) }, onEvent: (e) => events.push(e), sessions: new SessionStore(() => sessionLimitsOf(w.db)) })
})
afterEach(() => w.close())

describe('live updates: a committed write tells every window what changed', () => {
  it('one changed event per committed write, none for reads, refused writes or sign-ins', () => {
    const admin = login(ADMIN.username, ADMIN.password)
    expect(events).toEqual([])
    const person = ok(call(d, 'people:create', personInput(w.wards.a), admin))
    ok(call(d, 'people:get', { id: person.id }, admin))
    err(call(d, 'people:create', personInput(w.wards.a), admin)) // the same ID number again: refused
    expect(events).toEqual([{ type: 'changed', method: 'people:create', at: new Date(now).toISOString() }])
  })
})

describe('progress belongs to the session that started the job', () => {
  it('a backup run by the administrator reports progress carrying that session’s handle', async () => {
    const { dir, cleanup } = tempDir()
    const seen: BackendEvent[] = []
    const backend = openBackend({ file: join(dir, 'x.db'), clock: { now: () => new Date(now) }, onEvent: (e) => seen.push(e), dailyBackups: false })
    try {
      ok(backend.dispatch('setup:initialize', { facilityName: '测试所', wards: [{ name: '一大队', capacity: 10 }], admin: ADMIN }, null) as ApiResult<unknown>)
      const sid = ok(backend.dispatch('auth:login', { username: ADMIN.username, password: ADMIN.password }, null) as ApiResult<{ sessionId: string }>).sessionId
      ok(backend.dispatch('backup:run', {}, sid) as ApiResult<unknown>)
      await expect.poll(() => seen.filter((e) => e.type === 'progress').length, { timeout: 10_000 }).toBeGreaterThan(0)
      const progress = seen.filter((e) => e.type === 'progress')
      expect(new Set(progress.map((e) => e.session))).toEqual(new Set([handleOf(sid)]))
      expect(handleOf(sid)).not.toContain(sid.slice(0, 12))
      await expect.poll(() => progress.length && seen.some((e) => e.type === 'progress' && e.label === 'backup.progress.done'), { timeout: 10_000 }).toBe(true)
    } finally {
      backend.close()
      cleanup()
    }
  })
})

describe('a stale edit says who saved last and when', () => {
  it('the second of two edits from the same version is refused with the first saver’s name; nothing overwritten', () => {
    const admin = login(ADMIN.username, ADMIN.password)
    const officer = login('ward_officer')
    const person = ok(call(d, 'people:create', personInput(w.wards.a), admin))
    const { revision } = ok(call(d, 'people:get', { id: person.id }, officer))
    const { wardId: _ward, ...identity } = personInput(w.wards.a)
    const edit = (name: string) => ({ ...identity, id: person.id, revision, name })
    ok(call(d, 'people:update', edit('李四'), admin))
    const conflict = err(call(d, 'people:update', edit('王五'), officer))
    expect(conflict.code).toBe('conflict')
    expect(conflict.changedBy?.by).toBe(ADMIN.displayName)
    expect(conflict.changedBy?.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(conflict.message).toContain(ADMIN.displayName)
    expect(ok(call(d, 'people:get', { id: person.id }, admin)).identity.name).toBe('李四')
  })
})

describe('session limits (setting server.sessions)', () => {
  it('30 minutes idle by default: 29 min later the session lives, 31 min after the last call it has ended', () => {
    const sid = login('counsellor')
    now += 29 * MINUTE
    expect(ok(call(d, 'auth:me', {}, sid))?.username).toBe('counsellor')
    now += 31 * MINUTE
    expect(ok(call(d, 'auth:me', {}, sid))).toBeNull()
    expect(err(call(d, 'people:list', {}, sid)).code).toBe('unauthenticated')
  })

  it('auth:touch counts as activity, auth:me (event streams, the reconnect ping) does not', () => {
    const sid = login('counsellor')
    now += 20 * MINUTE
    expect(ok(call(d, 'auth:me', {}, sid))?.username).toBe('counsellor')
    now += 20 * MINUTE // 40 min after the sign-in, 20 after a check that was no activity
    expect(ok(call(d, 'auth:me', {}, sid))).toBeNull()
    const other = login('counsellor')
    now += 20 * MINUTE
    expect(ok(call(d, 'auth:touch', {}, other)).username).toBe('counsellor')
    now += 20 * MINUTE
    expect(ok(call(d, 'auth:me', {}, other))?.username).toBe('counsellor')
    expect(err(call(d, 'auth:touch', {}, 'no-such-session')).code).toBe('unauthenticated')
  })

  it('an administrator changes the limits (version-checked); they apply at once', () => {
    const admin = login(ADMIN.username, ADMIN.password)
    const sid = login('counsellor')
    const read = ok(call(d, 'server:sessionLimits', {}, admin))
    expect(read.limits).toEqual({ idleMinutes: 30, absoluteHours: 12 })
    ok(call(d, 'server:setSessionLimits', { idleMinutes: 10, absoluteHours: 8, version: read.version }, admin))
    expect(err(call(d, 'server:setSessionLimits', { idleMinutes: 60, absoluteHours: 8, version: read.version }, admin)).code).toBe('conflict')
    now += 11 * MINUTE
    expect(ok(call(d, 'auth:me', {}, sid))).toBeNull()
  })

  it.each([
    [4, 12, 'idleMinutes'],
    [1441, 12, 'idleMinutes'],
    [30, 0, 'absoluteHours'],
    [30, 73, 'absoluteHours'],
  ])('idle %i min / absolute %i h is refused on %s', (idleMinutes, absoluteHours, field) => {
    const admin = login(ADMIN.username, ADMIN.password)
    const { version } = ok(call(d, 'server:sessionLimits', {}, admin))
    expect(Object.keys(err(call(d, 'server:setSessionLimits', { idleMinutes, absoluteHours, version }, admin)).fields ?? {})).toEqual([field])
    expect(ok(call(d, 'server:sessionLimits', {}, admin)).limits).toEqual({ idleMinutes: 30, absoluteHours: 12 })
  })

  it.each([
    [5, 12],
    [1440, 72],
  ])('idle %i min / absolute %i h is accepted', (idleMinutes, absoluteHours) => {
    const admin = login(ADMIN.username, ADMIN.password)
    const { version } = ok(call(d, 'server:sessionLimits', {}, admin))
    expect(ok(call(d, 'server:setSessionLimits', { idleMinutes, absoluteHours, version }, admin)).limits).toEqual({ idleMinutes, absoluteHours })
  })
})

describe('health and ending sessions (administrators only)', () => {
  it('lists who is signed in, the caller’s own session marked; others may not look', () => {
    const admin = login(ADMIN.username, ADMIN.password)
    login('counsellor')
    const health = ok(call(d, 'server:health', {}, admin))
    expect(health.mode).toBe('embedded')
    expect(health.limits).toEqual({ idleMinutes: 30, absoluteHours: 12 })
    expect(health.sessions.map((s) => [s.displayName, s.current])).toEqual([[ADMIN.displayName, true], ['counsellor-staff', false]])
    expect(health.sessions.every((s) => s.handle.length === 12 && !JSON.stringify(health).includes(admin))).toBe(true)
    expect(err(call(d, 'server:health', {}, login('ward_officer'))).code).toBe('forbidden')
  })

  it('ends one staff member’s sessions, or everyone’s but the caller’s', () => {
    const admin = login(ADMIN.username, ADMIN.password)
    const c1 = login('counsellor')
    const c2 = login('counsellor')
    const officer = login('ward_officer')
    expect(ok(call(d, 'server:endSessions', { staffId: w.staffIds.counsellor! }, admin))).toEqual({ ended: 2 })
    expect(ok(call(d, 'auth:me', {}, c1))).toBeNull()
    expect(ok(call(d, 'auth:me', {}, c2))).toBeNull()
    expect(ok(call(d, 'auth:me', {}, officer))?.username).toBe('ward_officer')
    const trainer = login('trainer')
    expect(ok(call(d, 'server:endSessions', {}, admin))).toEqual({ ended: 2 })
    expect(ok(call(d, 'auth:me', {}, officer))).toBeNull()
    expect(ok(call(d, 'auth:me', {}, trainer))).toBeNull()
    expect(ok(call(d, 'auth:me', {}, admin))?.username).toBe(ADMIN.username)
  })

  it('a deactivated staff member’s open session ends at once', () => {
    const admin = login(ADMIN.username, ADMIN.password)
    const sid = login('counsellor')
    expect(ok(call(d, 'auth:me', {}, sid))?.username).toBe('counsellor')
    const staff = ok(call(d, 'staff:list', {}, admin)).find((s) => s.username === 'counsellor')!
    ok(call(d, 'staff:update', { id: staff.id, revision: staff.revision, displayName: staff.displayName, role: staff.role, wardIds: staff.wards.map((x) => x.id), active: false }, admin))
    expect(err(call(d, 'people:list', {}, sid)).code).toBe('unauthenticated')
  })
})
