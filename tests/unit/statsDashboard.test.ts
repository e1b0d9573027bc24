/** The facility dashboard's figures on a hand-checked fixture (statsFixture.ts), ward scoping, and every drill-down. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DashboardFigure, FigureRef, StatsDashboard } from '../../electron/shared/contract/stats'
import { call, err, ok, TODAY } from './helpers'
import { statsWorld, type StatsWorld } from './statsFixture'

let w: StatsWorld
beforeEach(() => {
  w = statsWorld()
})
afterEach(() => w.close())

const dashboard = (session: string, months = 6) => ok(call(w.dispatch, 'stats:dashboard', { asOf: TODAY, months }, session))
const month = (d: StatsDashboard, m: string) => d.perMonth.find((r) => r.month === m)!

/** Every figure of a dashboard, walked generically (any object with value and ref). */
function figuresOf(value: unknown, out: DashboardFigure[] = []): DashboardFigure[] {
  if (value && typeof value === 'object') {
    if ('ref' in value && 'value' in value) out.push(value as DashboardFigure)
    else for (const v of Object.values(value)) figuresOf(v, out)
  }
  return out
}

describe('stats:dashboard figures (admin)', () => {
  it('counts current files by ward and period, without released or voided files', () => {
    const d = dashboard(w.sessions.admin!)
    expect(d.limitedToWards).toBe(false)
    expect(d.current.total.value).toBe(3)
    const a = d.current.wards.find((r) => r.wardId === w.wards.a)!
    const b = d.current.wards.find((r) => r.wardId === w.wards.b)!
    expect([a.total.value, a.byPeriod.detox.value, a.byPeriod.education.value, a.byPeriod.none.value]).toEqual([2, 1, 1, 0])
    expect([b.total.value, b.byPeriod.none.value]).toEqual([1, 1])
  })

  it('counts admissions and releases per month on both sides of the window and month boundaries', () => {
    const d = dashboard(w.sessions.admin!)
    expect(d.from).toBe('2026-06-01')
    expect(d.perMonth.map((r) => r.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
    // p2 (05-31) before the window; p1 on its first day; p6 voided; p3 on asOf.
    expect(d.perMonth.map((r) => r.admissions.value)).toEqual([1, 1, 1, 0, 0, 1])
    // p4 on 09-30 (last day of September), p5 on 10-01; p1's planned release counts nowhere.
    expect(d.perMonth.map((r) => r.releases.value)).toEqual([0, 0, 0, 1, 1, 0])
    expect(month(d, '2026-09').releasesByKind.on_time.value).toBe(1)
    expect(month(d, '2026-10').releasesByKind.early.value).toBe(1)
    expect(month(d, '2026-10').releasesByKind.on_time.value).toBe(0)
  })

  it('counts psychology flags of current files only', () => {
    const d = dashboard(w.sessions.admin!)
    expect(d.psych.openTasks.value).toBe(1)
    expect(d.psych.openCrises.value).toBe(1)
    // p1's latest is flagged; p2's latest live one is not; p3's latest is incomplete; p6 voided.
    expect(d.psych.flaggedScreening.value).toBe(1)
  })

  it('counts each current person by the grade of their latest live test, 未测 apart', () => {
    const g = dashboard(w.sessions.admin!).fitness.grades
    expect(Object.fromEntries(Object.entries(g).map(([k, f]) => [k, f.value]))).toEqual({ excellent: 0, good: 1, pass: 0, fail: 0, ungraded: 1, untested: 1 })
  })

  it('follows up the releases of the window with aftercare’s cohort arithmetic', () => {
    const f = dashboard(w.sessions.admin!).followUp!
    expect([f.cohort.released.value, f.cohort.notReached.value, f.cohort.reached.value]).toEqual([2, 2, 0])
    expect(f.abstinenceRateReached).toBeNull()
    expect(f.abstinenceRateAll).toBe(0)
    // A trainer may not read aftercare: no follow-up figures, and their lists are refused.
    expect(dashboard(w.sessions.trainer!).followUp).toBeNull()
    expect(err(call(w.dispatch, 'stats:people', { figure: f.cohort.released.ref }, w.sessions.trainer!)).code).toBe('forbidden')
  })

  it('an as-of date after today is refused on its field; today itself is accepted', () => {
    const e = err(call(w.dispatch, 'stats:dashboard', { asOf: '2026-11-24' }, w.sessions.admin!))
    expect(e.code).toBe('rule_violation')
    expect(e.fields?.asOf).toContain('stats.as_of_future')
    expect(e.fields?.asOf).toContain('2026-11-23')
    expect(dashboard(w.sessions.admin!).asOf).toBe(TODAY)
  })

  it('a months value outside 6–36 is refused with its limits', () => {
    for (const months of [5, 37]) {
      const e = err(call(w.dispatch, 'stats:dashboard', { months }, w.sessions.admin!))
      expect(e.code).toBe('invalid_input')
      expect(e.fields?.months).toContain('"min":6')
    }
    for (const months of [6, 36]) expect(dashboard(w.sessions.admin!, months).perMonth).toHaveLength(months)
  })
})

describe('ward scoping', () => {
  it("a ward officer's figures cover their own ward (current ward, or the ward a released person left)", () => {
    const d = dashboard(w.sessions.ward_officer!)
    expect(d.limitedToWards).toBe(true)
    expect(d.wards.map((x) => x.id)).toEqual([w.wards.a])
    expect(d.current.total.value).toBe(2)
    expect(d.perMonth.map((r) => r.admissions.value)).toEqual([1, 1, 0, 0, 0, 0])
    expect(d.perMonth.map((r) => r.releases.value)).toEqual([0, 0, 0, 1, 0, 0])
    expect(d.psych.openCrises.value).toBe(0)
    expect(d.psych.openTasks.value).toBe(1)
    // p2's only test is voided: 未测.
    expect(d.fitness.grades.untested.value).toBe(1)
    expect(d.fitness.grades.good.value).toBe(1)
    expect(d.followUp!.cohort.released.value).toBe(1)
  })

  it('a drill-down into another ward lists nobody', () => {
    const page = ok(call(w.dispatch, 'stats:people', { figure: { kind: 'ward_total', wardId: w.wards.b } }, w.sessions.ward_officer!))
    expect(page).toEqual({ rows: [], total: 0 })
  })
})

describe('stats:people', () => {
  it('lists exactly as many rows as every figure counts (admin, officer, counsellor)', () => {
    for (const role of ['admin', 'ward_officer', 'counsellor'] as const) {
      const d = dashboard(w.sessions[role]!)
      const figures = figuresOf(d)
      expect(figures.length).toBeGreaterThan(60)
      for (const f of figures) {
        const page = ok(call(w.dispatch, 'stats:people', { figure: f.ref, limit: 500 }, w.sessions[role]!))
        expect({ ref: f.ref, n: page.total }).toEqual({ ref: f.ref, n: f.value })
        expect(page.rows).toHaveLength(f.value)
      }
    }
  })

  it('names the people with a masked ID tail, ward, period and the figure column', () => {
    const list = (figure: FigureRef) => ok(call(w.dispatch, 'stats:people', { figure }, w.sessions.admin!)).rows
    const released = list({ kind: 'releases', month: '2026-09' })
    expect(released).toEqual([expect.objectContaining({ personId: w.people.p4, name: '丁四', wardName: '一大队', past: true, period: null, detail: 'on_time', date: '2026-09-30' })])
    expect(released[0]!.idTail).toHaveLength(4)
    expect(list({ kind: 'fitness_grade', grade: 'good' })).toEqual([expect.objectContaining({ personId: w.people.p1, detail: 'good', date: '2026-10-01', period: 'detox', past: false })])
    expect(list({ kind: 'psych_flagged_screening' }).map((r) => r.personId)).toEqual([w.people.p1])
    expect(list({ kind: 'admissions', month: '2026-06' }).map((r) => r.date)).toEqual(['2026-06-01'])
  })

  it('refuses a malformed figure with a field message', () => {
    const e = err(call(w.dispatch, 'stats:people', { figure: { kind: 'admissions', month: '2026-13' } }, w.sessions.admin!))
    expect(e.code).toBe('invalid_input')
  })
})
