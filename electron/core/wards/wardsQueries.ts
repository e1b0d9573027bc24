import type { WardSummary } from '../../shared/contract'
import { PERIODS, type Period } from '../../shared/domain/periods'
import type { Db } from '../db/open'
import { liveCountsByWardAndPeriod } from '../people/peopleQueries'
import { wardsInOrder } from './wardsRepo'

/** The ward list: each ward with its live occupancy, split by period (the counts come from the people domain). */
export function wardSummaries(db: Db): WardSummary[] {
  const countsByWard = new Map<string, Array<{ period: Period | null; n: number }>>()
  for (const c of liveCountsByWardAndPeriod(db)) countsByWard.set(c.wardId, [...(countsByWard.get(c.wardId) ?? []), c])
  return wardsInOrder(db).map((w) => {
    const byPeriod = Object.fromEntries(PERIODS.map((p) => [p, 0])) as Record<Period, number>
    let occupancy = 0
    for (const c of countsByWard.get(w.id) ?? []) {
      occupancy += c.n
      if (c.period) byPeriod[c.period] += c.n
    }
    return { id: w.id, name: w.name, capacity: w.capacity, note: w.note, occupancy, byPeriod, active: w.active === 1 }
  })
}
