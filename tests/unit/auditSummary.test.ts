/**
 * The audit daily summary (审计日报, issue 10 §1): one Beijing calendar day counted by action and by staff member, the
 * day's security events, and the chain's head — the anchor printed and kept outside the computer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, err, makeWorld, ok, personInput, type World } from './helpers'

let w: World
beforeAll(() => {
  w = makeWorld(['trainer'])
  ok(call(w.dispatch, 'people:create', personInput(w.wards.a), w.sessions.admin!))
  err(call(w.dispatch, 'auth:login', { username: 'trainer', password: 'wrong-password' }, null))
  err(call(w.dispatch, 'staff:list', {}, w.sessions.trainer!))
})
afterAll(() => w.close())

describe('audit:dailySummary', () => {
  it('counts the day by action and actor, lists its security events and names the head of the chain', () => {
    const s = ok(call(w.dispatch, 'audit:dailySummary', { date: '2026-11-23' }, w.sessions.admin!))
    const count = (method: string) => s.byMethod.find((m) => m.method === method)?.count ?? 0
    expect(count('people:create')).toBe(1)
    expect(count('setup:initialize')).toBe(1)
    expect(s.securityEvents.map((e) => e.method)).toEqual(['auth:loginFailed', 'security:forbidden'])
    expect(s.rows).toBe(s.byMethod.reduce((n, m) => n + m.count, 0))
    expect(s.byActor.find((a) => a.actorName === 'trainer-staff')?.count).toBe(2)
    const head = w.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string }
    // The summary's own read is the newest row now; the head it printed was the row before it.
    expect(s.head).toEqual(w.db.prepare('SELECT seq, hash FROM audit_log WHERE seq = ?').get(head.seq - 1))
    expect(s.facilityName).toBe('测试强制隔离戒毒所')
  })

  it('an earlier or later Beijing day holds none of these rows', () => {
    for (const date of ['2026-11-22', '2026-11-24']) {
      const s = ok(call(w.dispatch, 'audit:dailySummary', { date }, w.sessions.admin!))
      expect(s.rows).toBe(0)
      expect(s.securityEvents).toEqual([])
    }
  })

  it('is for those who read the audit log', () => {
    expect(err(call(w.dispatch, 'audit:dailySummary', { date: '2026-11-23' }, w.sessions.trainer!)).code).toBe('forbidden')
  })
})
