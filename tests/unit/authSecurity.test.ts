/**
 * Sign-in and sessions under attack (issue 10 §2, §6, §8): password work off the thread, the rate of failures bounded,
 * security events in the audit chain, sessions with an absolute lifetime, a password change ending other sessions, and
 * failed password changes counted like failed sign-ins.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../electron/core/audit/auditLog'
import { LOGIN_RATE, LoginThrottle } from '../../electron/core/auth/loginThrottle'
import { SESSION_LIMITS, SessionStore } from '../../electron/core/auth/sessions'
import { createDispatcher } from '../../electron/core/dispatch'
import { call, count, err, fixedClock, makeWorld, ok, STAFF_PASSWORD, type World } from './helpers'

let w: World
beforeEach(() => {
  w = makeWorld(['counsellor'])
})
afterEach(() => w.close())

const methodsSince = (seq: number) =>
  (w.db.prepare('SELECT method FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as Array<{ method: string }>).map((r) => r.method)
const headSeq = () => (w.db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s

describe('the sign-in rate', () => {
  it(`after ${LOGIN_RATE.overall.failures} failures in ${LOGIN_RATE.overall.windowMs / 1000} s, attempts are refused without password work`, () => {
    for (let i = 0; i < LOGIN_RATE.overall.failures; i++) {
      expect(err(call(w.dispatch, 'auth:login', { username: `nobody${i}`, password: 'x' }, null)).key).toBe('auth.bad_credentials')
    }
    const seq = headSeq()
    const t0 = performance.now()
    for (let i = 0; i < 200; i++) expect(err(call(w.dispatch, 'auth:login', { username: `flood${i}`, password: 'x' }, null)).key).toBe('auth.throttled')
    // 200 scrypt checks take ~10 s; refused attempts take no password work.
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(methodsSince(seq)).toEqual(Array(200).fill('auth:loginThrottled'))
    // The right password is refused too while the flood lasts (the answer says to wait, nothing about the account).
    expect(err(call(w.dispatch, 'auth:login', { username: 'counsellor', password: STAFF_PASSWORD }, null)).key).toBe('auth.throttled')
    expect(verifyAudit(w.db).ok).toBe(true)
  })

  it('counts failures per username in a sliding window, successes not at all', () => {
    const throttle = new LoginThrottle()
    for (let i = 0; i < LOGIN_RATE.perUsername.failures; i++) throttle.recordFailure('Wang', 1000 + i)
    expect(throttle.blocked('wang', 2000)).toBe(true)
    expect(throttle.blocked('li', 2000)).toBe(false)
    expect(throttle.blocked('wang', 1000 + LOGIN_RATE.perUsername.windowMs + 10)).toBe(false)
  })
})

describe('password work off the thread', () => {
  it('the asynchronous dispatcher signs in with the same answers, and the thread stays free meanwhile', async () => {
    const dispatcher = createDispatcher({ db: w.db, clock: fixedClock })
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    const results = await Promise.all([
      dispatcher.async('auth:login', { username: 'counsellor', password: STAFF_PASSWORD }, null),
      dispatcher.async('auth:login', { username: 'counsellor', password: 'wrong-pass' }, null),
      dispatcher.async('auth:login', { username: 'nobody', password: 'wrong-pass' }, null),
      dispatcher.async('auth:login', { username: 'counsellor', password: STAFF_PASSWORD }, null),
    ])
    clearInterval(timer)
    expect(results.map((r) => (r.ok ? 'ok' : r.error.key))).toEqual(['ok', 'auth.bad_credentials', 'auth.bad_credentials', 'ok'])
    // Four scrypt runs (~200 ms on this thread) left room for the timer to fire.
    expect(ticks).toBeGreaterThan(3)
  })

  it('a password changed between the two steps is checked against the new salt', async () => {
    const dispatcher = createDispatcher({ db: w.db, clock: fixedClock })
    const pending = dispatcher.async('auth:login', { username: 'counsellor', password: STAFF_PASSWORD }, null)
    ok(call(w.dispatch, 'staff:resetPassword', { id: w.staffIds.counsellor!, password: 'Another#2026pw' }, w.sessions.admin!))
    expect((await pending).ok).toBe(false)
  })
})

describe('sessions', () => {
  it(`end after ${SESSION_LIMITS.lifetimeMs / 3_600_000} hours even when in use`, () => {
    const store = new SessionStore()
    const id = store.create('s1', 0)
    for (let t = 0; t <= SESSION_LIMITS.lifetimeMs; t += SESSION_LIMITS.idleMs) expect(store.touch(id, t)).toBe('s1')
    expect(store.touch(id, SESSION_LIMITS.lifetimeMs + 1)).toBeNull()
  })

  it('a password change ends the account’s other sessions, not this one; logout is audited', () => {
    const other = w.login('counsellor', STAFF_PASSWORD)
    const mine = w.sessions.counsellor!
    ok(call(w.dispatch, 'auth:changePassword', { current: STAFF_PASSWORD, next: 'Changed#2026pw' }, mine))
    expect(ok(call(w.dispatch, 'auth:me', {}, other))).toBeNull()
    expect(ok(call(w.dispatch, 'auth:me', {}, mine))?.username).toBe('counsellor')
    const seq = headSeq()
    ok(call(w.dispatch, 'auth:logout', {}, mine))
    expect(methodsSince(seq)).toEqual(['auth:logout'])
  })

  it('wrong current passwords count as failed sign-ins: the fifth locks the account and ends its sessions', () => {
    const mine = w.sessions.counsellor!
    const seq = headSeq()
    for (let i = 0; i < 4; i++) {
      expect(err(call(w.dispatch, 'auth:changePassword', { current: 'guess-' + i, next: 'Changed#2026pw' }, mine)).fields).toEqual({ current: 'auth.wrong_password' })
    }
    expect(call(w.dispatch, 'auth:me', {}, mine).ok).toBe(true)
    err(call(w.dispatch, 'auth:changePassword', { current: 'guess-5', next: 'Changed#2026pw' }, mine))
    expect(err(call(w.dispatch, 'people:list', {}, mine)).code).toBe('unauthenticated')
    expect(methodsSince(seq)).toEqual([...Array(5).fill('auth:changePasswordFailed'), 'auth:locked'])
    expect(err(call(w.dispatch, 'auth:login', { username: 'counsellor', password: STAFF_PASSWORD }, null)).key).toBe('auth.bad_credentials')
    expect(count(w.db, 'audit_log')).toBeGreaterThan(seq)
  })
})
