/**
 * The benchmark generator's releases and follow-ups (tests/bench/generate/aftercare.ts) at a tiny size: every past file
 * a real release from its last ward on its release date, plans as the default setting makes them, contacts inside the
 * release's life and their slots' windows, outcome rows equal to a fresh computation; and the bench ops' floors
 * answer the same rows as the operations.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../electron/core/db/open'
import { cohortFigures } from '../../electron/core/aftercare/aftercareStats'
import type { CohortTable, ContactStatus, DueFollowUps } from '../../electron/shared/contract/aftercare'
import { latestStatus } from '../../electron/shared/domain/aftercare/cohort'
import { generateBenchFacility, type FacilitySize } from '../bench/facility'
import { cohortFloor, dueFloor } from '../bench/aftercare'
import { signedInCaller, TODAY } from './helpers'

const TINY: FacilitySize = { wards: 2, residentsPerWard: 10, past: 400, assessments: 200 }

describe('bench releases and follow-ups', () => {
  const db = openDatabase(':memory:')
  generateBenchFacility(db, { seed: 5, today: TODAY, size: TINY })
  const call = signedInCaller(db)
  afterAll(() => db.close())
  const all = <T>(sql: string) => db.prepare(sql).all() as T[]

  it('every past file has one live release on its last day out, from its last ward; no current file has one', () => {
    const rows = all<{ kind: string; ok: number }>(
      `SELECT r.kind, (r.release_date = (SELECT max(end_date) FROM ward_assignments a WHERE a.person_id = p.id)
         AND r.from_ward_id = (SELECT ward_id FROM ward_assignments a WHERE a.person_id = p.id ORDER BY end_date DESC LIMIT 1)) AS ok
       FROM people p JOIN releases r ON r.person_id = p.id AND r.voided_at IS NULL WHERE p.ward_id IS NULL`,
    )
    expect(rows).toHaveLength(400)
    expect(rows.every((r) => r.ok === 1)).toBe(true)
    expect(rows.filter((r) => r.kind === 'on_time' || r.kind === 'early').length).toBeGreaterThan(360)
    expect(all('SELECT 1 FROM releases r JOIN people p ON p.id = r.person_id WHERE p.ward_id IS NOT NULL')).toHaveLength(0)
  })

  it('plans of 14 slots for covered kinds; contacts within the release, today and their slot\'s window', () => {
    const plans = all<{ n: number }>('SELECT count(*) AS n FROM followup_slots GROUP BY release_id')
    expect(plans.every((p) => p.n === 14)).toBe(true)
    const bad = all(
      `SELECT c.id FROM followup_contacts c JOIN releases r ON r.id = c.release_id LEFT JOIN followup_slots s ON s.id = c.slot_id
       WHERE c.contact_on < r.release_date OR c.contact_on > '${TODAY}' OR s.id IS NULL OR s.contact_id <> c.id OR c.contact_on < s.window_from`,
    )
    expect(bad).toEqual([])
    const contacts = all<{ n: number }>('SELECT count(*) AS n FROM followup_contacts')[0]!.n
    expect(contacts).toBeGreaterThan(400 * 3)
  })

  it('each outcome row equals a fresh computation from the release\'s contacts', () => {
    const contacts = all<{ releaseId: string; id: string; contactOn: string; recordedAt: string; status: ContactStatus | null }>(
      'SELECT release_id AS releaseId, id, contact_on AS contactOn, recorded_at AS recordedAt, status FROM followup_contacts WHERE voided_at IS NULL',
    )
    const byRelease = new Map<string, typeof contacts>()
    for (const c of contacts) byRelease.set(c.releaseId, [...(byRelease.get(c.releaseId) ?? []), c])
    for (const o of all<{ releaseId: string; status: string | null; statusOn: string | null; contacts: number }>('SELECT release_id AS releaseId, status, status_on AS statusOn, contacts FROM followup_outcomes')) {
      const mine = byRelease.get(o.releaseId) ?? []
      const fresh = latestStatus(mine, '9999-12-31')
      expect({ status: o.status, on: o.statusOn, n: o.contacts }).toEqual({ status: fresh?.status ?? null, on: fresh?.on ?? null, n: mine.length })
    }
  })

  it('the cohort figures a realistic mix; the bench floors answer the operations\' rows', () => {
    const f = cohortFigures(db, { from: '2010-01-01', to: TODAY, asOf: TODAY })
    expect(f.released).toBeGreaterThan(380)
    expect(f.abstinent).toBeGreaterThan(f.relapsed)
    expect(f.lost).toBeGreaterThan(0)
    expect(f.abstinenceRateReached).toBeGreaterThan(0.4)
    const year = '2024'
    const table = call<CohortTable>('aftercare:cohorts', { by: 'year', from: `${year}-01-01`, to: `${year}-12-31`, asOf: TODAY })
    expect(table.total.released).toBe(cohortFloor(db, `${year}-01-01`, `${year}-12-31`).reduce((n, r) => n + r.n, 0))
    const due = call<DueFollowUps>('aftercare:due', { date: TODAY })
    expect(due.rows.map((r) => r.slotId).sort()).toEqual(dueFloor(db, TODAY).sort())
  })
})
