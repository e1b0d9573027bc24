/**
 * Aftercare rows of the bench table: the follow-up cohorts of one release year (target ≤ 20 ms on the benchmark's
 * ~3,000 releases a year; and the last five years by quarter), and the due and overdue follow-ups of today, through the
 * dispatcher. The floor of the cohorts is the plainest SQL for the same rows: the year's releases joined to their
 * outcome rows, counted per status (no as-of cut, no kinds from the setting).
 */
import type { CohortTable, DueFollowUps } from '../../electron/shared/contract/aftercare'
import type { Db } from '../../electron/core/db/open'
import { sameIds, type BenchContext } from './ops'
import type { Bench } from './table'

export function cohortFloor(db: Db, from: string, to: string): Array<{ status: string | null; n: number }> {
  return db
    .prepare(
      `SELECT o.status, count(*) AS n FROM releases r LEFT JOIN followup_outcomes o ON o.release_id = r.id
       WHERE r.status = 'released' AND r.voided_at IS NULL AND r.release_date BETWEEN ? AND ? AND r.kind IN ('on_time', 'early', 'community_conversion')
       GROUP BY 1`,
    )
    .all(from, to) as Array<{ status: string | null; n: number }>
}

export function dueFloor(db: Db, today: string): string[] {
  return (
    db
      .prepare(
        `SELECT s.id FROM followup_slots s LEFT JOIN followup_outcomes o ON o.release_id = s.release_id
         WHERE s.contact_id IS NULL AND s.voided_at IS NULL AND s.window_to >= ? AND s.window_from <= ? AND (o.status IS NULL OR o.status <> 'deceased')`,
      )
      .all(today, today) as Array<{ id: string }>
  ).map((r) => r.id)
}

export function aftercareOps(bench: Bench, c: BenchContext): void {
  const lastYear = Number(c.today.slice(0, 4)) - 1
  const years = [lastYear, lastYear - 3, lastYear - 8].map(String)
  bench.op({
    op: 'aftercare:cohorts',
    target: 20,
    variants: years,
    run: (year) => c.call<CohortTable>('aftercare:cohorts', { by: 'year', from: `${year}-01-01`, to: `${year}-12-31`, asOf: c.today }),
    floor: (year) => cohortFloor(c.db, `${year}-01-01`, `${year}-12-31`),
    describe: (year) => `released in ${year}`,
    same: (ours, floor) => {
      const released = (floor as ReturnType<typeof cohortFloor>).reduce((n, r) => n + r.n, 0)
      sameIds('released', [String((ours as CohortTable).total.released)], [String(released)])
    },
  })
  bench.op({
    op: 'aftercare:cohorts5y',
    // No target in the issue: five years (~16,000 releases) read one row each, ~4 µs a release.
    target: 100,
    variants: ['quarters'],
    run: () => c.call<CohortTable>('aftercare:cohorts', { by: 'quarter', from: `${lastYear - 4}-01-01`, to: c.today, asOf: c.today }),
    floor: () => cohortFloor(c.db, `${lastYear - 4}-01-01`, c.today),
    describe: () => 'five years by quarter',
  })
  bench.op({
    op: 'aftercare:due',
    target: 50,
    variants: ['today'],
    run: () => c.call<DueFollowUps>('aftercare:due', { date: c.today }),
    floor: () => dueFloor(c.db, c.today),
    same: (ours, floor) => sameIds('open slots', (ours as DueFollowUps).rows.map((r) => r.slotId).sort(), [...(floor as string[])].sort()),
  })
}
