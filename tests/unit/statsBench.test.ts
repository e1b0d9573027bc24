/**
 * The dashboard on a tiny benchmark facility (the bench generator's data: past files with real releases and follow-ups):
 * the bench op's floor agrees with the dashboard, and every figure's list has exactly as many rows as its number.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/core/db/open'
import type { DashboardFigure, DashboardPeoplePage, StatsDashboard } from '../../electron/shared/contract/stats'
import { generateBenchFacility } from '../bench/facility'
import { statsFloor } from '../bench/stats'
import { signedInCaller, TODAY } from './helpers'

function figuresOf(value: unknown, out: DashboardFigure[] = []): DashboardFigure[] {
  if (value && typeof value === 'object') {
    if ('ref' in value && 'value' in value) out.push(value as DashboardFigure)
    else for (const v of Object.values(value)) figuresOf(v, out)
  }
  return out
}

describe('the dashboard on a tiny benchmark facility', () => {
  const db = openDatabase(':memory:')
  generateBenchFacility(db, { seed: 11, today: TODAY, size: { wards: 2, residentsPerWard: 20, past: 300, assessments: 1500 } })
  const call = signedInCaller(db)
  afterAll(() => db.close())

  it('counts what the floor counts and lists every figure’s rows', () => {
    const d = call<StatsDashboard>('stats:dashboard', { asOf: TODAY, months: 36 })
    expect(d.current.total.value).toBe(statsFloor(db, TODAY).current)
    expect(d.current.total.value).toBe(40)
    expect(d.windowTotals.releases.value).toBeGreaterThan(0)
    for (const f of figuresOf(d)) {
      const page = call<DashboardPeoplePage>('stats:people', { figure: f.ref, limit: 500 })
      expect({ ref: f.ref, n: page.total, rows: page.rows.length }).toEqual({ ref: f.ref, n: f.value, rows: Math.min(f.value, 500) })
    }
  })
})
