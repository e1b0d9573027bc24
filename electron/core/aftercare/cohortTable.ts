/**
 * The cohort table: the range split into release years or quarters (clipped to from..to), each with its figures, and
 * the total — one query over the range, bucketed here.
 */
import type { CohortRow, CohortTable } from '../../shared/contract/aftercare'
import { countPerson, emptyFigures, withRates } from '../../shared/domain/aftercare/cohort'
import { addDays, addMonths } from '../../shared/domain/dates'
import type { Db } from '../db/open'
import { cohortStatuses, coveredKinds, type CohortRange } from './aftercareStats'

/** The buckets covering [from, to]: calendar years or quarters, the first and last clipped to the range. */
export function cohortBuckets(by: 'year' | 'quarter', from: string, to: string): Array<{ label: string; from: string; to: string }> {
  const buckets: Array<{ label: string; from: string; to: string }> = []
  const year = Number(from.slice(0, 4))
  const month = Number(from.slice(5, 7))
  let start = by === 'year' ? `${year}-01-01` : `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`
  while (start <= to) {
    const next = addMonths(start, by === 'year' ? 12 : 3)
    const end = addDays(next, -1)
    const quarter = Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1
    buckets.push({ label: by === 'year' ? start.slice(0, 4) : `${start.slice(0, 4)}-Q${quarter}`, from: start < from ? from : start, to: end > to ? to : end })
    start = next
  }
  return buckets
}

export function cohortTable(db: Db, by: 'year' | 'quarter', range: CohortRange): CohortTable {
  const buckets = cohortBuckets(by, range.from, range.to)
  const figures = buckets.map(() => emptyFigures())
  const total = emptyFigures()
  for (const row of cohortStatuses(db, range)) {
    // Buckets are in date order and few (≤ 120): a scan per distinct date is cheap.
    const index = buckets.findIndex((b) => row.releaseDate >= b.from && row.releaseDate <= b.to)
    if (index >= 0) countPerson(figures[index]!, row.status, row.n)
    countPerson(total, row.status, row.n)
  }
  const rows: CohortRow[] = buckets.map((b, i) => ({ ...b, figures: withRates(figures[i]!) }))
  return { asOf: range.asOf, by, coveredKinds: coveredKinds(db), rows, total: withRates(total) }
}
