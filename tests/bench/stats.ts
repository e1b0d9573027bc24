/**
 * The facility dashboard (issue 14): `stats:dashboard` for the administrator over the whole facility (3,000 current and
 * 50,000 past files), in the core through the dispatcher, target 100 ms; and one drill-down (`stats:people`, the
 * admissions of the window, first page). The floor is the simplest raw SQL for the same figures — each group counted
 * straight from its table, no reach, no mapping — with the due and follow-up counts read through the same exported
 * functions (duework's and aftercare's own benches hold those to their floors).
 */
import type { Db } from '../../electron/core/db/open'
import { cohortFigures, followUpDueCounts } from '../../electron/core/aftercare/aftercareStats'
import { facilityDueCounts } from '../../electron/core/duework/dueworkCounts'
import { addMonths } from '../../electron/shared/domain/dates'
import type { DashboardPeoplePage, StatsDashboard } from '../../electron/shared/contract'
import { sameIds, type BenchContext } from './ops'
import type { Bench } from './table'

const SCREENING = JSON.stringify(['scl90', 'phq9', 'gad7', 'zung_sds', 'zung_sas'])

/** The window of `months` months ending with today's month. */
export function statsWindow(today: string, months = 12): { from: string; to: string } {
  return { from: addMonths(`${today.slice(0, 7)}-01`, -(months - 1)), to: today }
}

/** Every figure group of the dashboard by plain SQL over its table. */
export function statsFloor(db: Db, today: string): { current: number } {
  const { from, to } = statsWindow(today)
  const all = (sql: string, params: Record<string, unknown> = {}) => db.prepare(sql).all(params)
  const current = all("SELECT ward_id, period, count(*) AS n FROM people WHERE ward_id IS NOT NULL AND voided_at IS NULL GROUP BY ward_id, period") as Array<{ n: number }>
  all('SELECT substr(admission_date, 1, 7), count(*) FROM people WHERE voided_at IS NULL AND admission_date BETWEEN @from AND @to GROUP BY 1', { from, to })
  all("SELECT substr(release_date, 1, 7), kind, count(*) FROM releases WHERE status = 'released' AND voided_at IS NULL AND release_date BETWEEN @from AND @to GROUP BY 1, 2", { from, to })
  all("SELECT count(*) FROM psych_tasks WHERE status = 'open'")
  all("SELECT count(*) FROM crises WHERE status = 'open'")
  all(
    `SELECT count(*) FROM people p WHERE p.ward_id IS NOT NULL AND p.voided_at IS NULL AND (SELECT json_array_length(a.result, '$.flags') FROM assessments a
       WHERE a.person_id = p.id AND a.voided_at IS NULL AND a.incomplete_reason IS NULL AND a.instrument_id IN (SELECT value FROM json_each(@i))
       ORDER BY a.administered_on DESC LIMIT 1) > 0`,
    { i: SCREENING },
  )
  all(`SELECT (SELECT grade FROM fitness_tests f WHERE f.person_id = p.id AND f.voided_at IS NULL ORDER BY f.test_date DESC LIMIT 1) AS g, count(*)
       FROM people p WHERE p.ward_id IS NOT NULL AND p.voided_at IS NULL GROUP BY 1`)
  all("SELECT count(*), sum(fp.best >= 1), sum(fp.best = 2), sum(fp.certified) FROM courses c JOIN course_figure_pairs fp ON fp.course_id = c.id WHERE c.kind = 'vocational' AND c.start_date BETWEEN @from AND @to", { from, to })
  facilityDueCounts(db, today, null)
  cohortFigures(db, { from, to, asOf: today })
  followUpDueCounts(db, today)
  return { current: current.reduce((s, r) => s + r.n, 0) }
}

export function statsOps(bench: Bench, c: BenchContext): void {
  bench.op({
    op: 'stats:dashboard',
    target: 100,
    variants: ['facility'],
    runs: 60,
    run: () => c.call<StatsDashboard>('stats:dashboard', { asOf: c.today, months: 12 }),
    floor: () => statsFloor(c.db, c.today),
    describe: () => 'admin, 12 months',
    same: (ours, floor) => sameIds('current files', [String((ours as StatsDashboard).current.total.value)], [String((floor as ReturnType<typeof statsFloor>).current)]),
  })
  const { from, to } = statsWindow(c.today)
  bench.op({
    op: 'stats:people',
    target: 50,
    variants: ['admissions'],
    runs: 60,
    run: () => c.call<DashboardPeoplePage>('stats:people', { figure: { kind: 'admissions', month: from.slice(0, 7), toMonth: to.slice(0, 7) }, limit: 50 }),
    floor: () => c.db.prepare('SELECT id FROM people WHERE voided_at IS NULL AND admission_date BETWEEN ? AND ? ORDER BY name_pinyin LIMIT 50').all(from, to),
    describe: () => 'admissions of 12 months, first page',
  })
}
