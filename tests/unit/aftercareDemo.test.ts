/**
 * The demo's released people (electron/core/demo/aftercare.ts): besides the current files, a fifth as many released
 * over the last three years with plans and contacts, so the cohorts, the due screen and the stations are filled in.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../electron/core/demo/generate'
import { openDatabase } from '../../electron/core/db/open'
import type { CohortTable, DueFollowUps, StationView } from '../../electron/shared/contract/aftercare'
import { count, fixedClock, signedInCaller, TODAY } from './helpers'

describe('demo released people', () => {
  const db = openDatabase(':memory:')
  generateDemo(db, { people: 100, seed: 4, clock: fixedClock })
  const call = signedInCaller(db)
  afterAll(() => db.close())

  it('adds 20 released files off the rosters, each with a plan, beside the 100 current ones', () => {
    expect((db.prepare('SELECT count(*) AS n FROM people WHERE ward_id IS NOT NULL').get() as { n: number }).n).toBe(100)
    const released = db.prepare("SELECT r.person_id, p.ward_id FROM releases r JOIN people p ON p.id = r.person_id WHERE r.status = 'released'").all() as Array<{ ward_id: string | null }>
    expect(released).toHaveLength(20)
    expect(released.every((r) => r.ward_id === null)).toBe(true)
    expect(count(db, 'followup_outcomes')).toBe(20)
    expect(count(db, 'followup_contacts')).toBeGreaterThan(60)
  })

  it('fills the cohorts of the last three years, the due screen and the stations', () => {
    const table = call<CohortTable>('aftercare:cohorts', { by: 'year', from: '2023-01-01', to: TODAY })
    expect(table.total.released).toBe(20)
    expect(table.total.abstinent).toBeGreaterThan(0)
    expect(table.total.abstinenceRateReached).not.toBeNull()
    const due = call<DueFollowUps>('aftercare:due', {})
    expect(due.rows.length).toBeGreaterThan(0)
    const stations = call<StationView[]>('aftercare:stations', {})
    expect(stations).toHaveLength(5)
    expect(stations.reduce((n, s) => n + s.releasedPeople, 0)).toBeGreaterThan(10)
  })
})
