import type { WardSummary } from '../../shared/contract'
import { PERIODS, type Period } from '../../shared/domain/periods'
import type { Db } from '../db/open'
import { AppError, ruleViolation } from '../errors'

export function wardSummaries(db: Db): WardSummary[] {
  const wards = db.prepare('SELECT id, name, capacity, note, active FROM wards ORDER BY active DESC, name').all() as Array<{
    id: string
    name: string
    capacity: number
    note: string | null
    active: number
  }>
  const counts = db
    .prepare('SELECT ward_id, period, count(*) AS n FROM people WHERE voided_at IS NULL AND ward_id IS NOT NULL GROUP BY ward_id, period')
    .all() as Array<{ ward_id: string; period: Period | null; n: number }>
  return wards.map((w) => {
    const byPeriod = Object.fromEntries(PERIODS.map((p) => [p, 0])) as Record<Period, number>
    let occupancy = 0
    for (const c of counts.filter((c) => c.ward_id === w.id)) {
      occupancy += c.n
      if (c.period) byPeriod[c.period] += c.n
    }
    return { id: w.id, name: w.name, capacity: w.capacity, note: w.note, occupancy, byPeriod, active: w.active === 1 }
  })
}

export function wardOccupancy(db: Db, wardId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM people WHERE ward_id = ? AND voided_at IS NULL').get(wardId) as { n: number }).n
}

/** A person can be placed in the ward: it exists, is active and has room. */
export function assertWardAccepts(db: Db, wardId: string, field: string): void {
  const ward = db.prepare('SELECT capacity, active FROM wards WHERE id = ?').get(wardId) as { capacity: number; active: number } | undefined
  if (!ward) throw new AppError('invalid_input', 'err.not_found', { field })
  if (ward.active !== 1) throw ruleViolation('ward.inactive', field)
  const occupancy = wardOccupancy(db, wardId)
  if (occupancy >= ward.capacity) throw ruleViolation('ward.full', field, { occupancy, capacity: ward.capacity })
}

// Lookups for other domains (psych)

/** The ward's name, or undefined when there is no such ward. */
export function wardName(db: Db, wardId: string): string | undefined {
  return (db.prepare('SELECT name FROM wards WHERE id = ?').get(wardId) as { name: string } | undefined)?.name
}
