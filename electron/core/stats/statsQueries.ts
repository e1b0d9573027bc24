/**
 * The dashboard's figures in SQL: one set-based query per figure group, each reading an index that covers it (see
 * migration 023 and tests/unit/queryPlans.test.ts). A figure and its people list are written from the same predicate
 * (`statsPeople.ts` reads `FIGURE_SQL`-style bases built here), so a list names exactly the rows its number counts.
 *
 * Reach: `wards` null = every ward (and past files); otherwise the caller's wards. A current file is in reach by its
 * ward; a released file by the ward it left from (releases.from_ward_id).
 */
import type { StatsFitnessGrade, StatsPeriodKey, StatsReleaseKind } from '../../shared/contract/stats'
import { UNAVOIDABLE_WITHDRAWALS } from '../../shared/domain/vocational'
import type { Db } from '../db/open'

export type Wards = readonly string[] | null

/** The SQL condition "this ward column is in reach" (null reach: any ward, i.e. a current file). */
export function inReach(column: string, wards: Wards): string {
  return wards === null ? `${column} IS NOT NULL` : `${column} IN (SELECT value FROM json_each(@wards))`
}
export const reachParams = (wards: Wards): Record<string, string> => (wards === null ? {} : { wards: JSON.stringify(wards) })

/** Live current files in reach (the base of ward × period, psychology and fitness figures). */
export const currentInReach = (wards: Wards) => `p.voided_at IS NULL AND ${inReach('p.ward_id', wards)}`

/** A file admitted in the window, in reach: every live file, or for a ward reader its current or left-from ward. */
export function admittedInReach(wards: Wards): string {
  if (wards === null) return 'p.voided_at IS NULL'
  return `p.voided_at IS NULL AND (${inReach('p.ward_id', wards)} OR EXISTS (SELECT 1 FROM releases r INDEXED BY releases_person_live
    WHERE r.person_id = p.id AND r.voided_at IS NULL AND r.status = 'released' AND ${inReach('r.from_ward_id', wards)}))`
}

/** Confirmed, live releases of live files, in reach by the ward they left from. */
export const releasedInReach = (wards: Wards) =>
  `r.status = 'released' AND r.voided_at IS NULL AND p.voided_at IS NULL${wards === null ? '' : ` AND ${inReach('r.from_ward_id', wards)}`}`

export function wardPeriodCounts(db: Db, wards: Wards): Array<{ wardId: string; period: StatsPeriodKey; n: number }> {
  return db
    .prepare(
      `SELECT p.ward_id AS wardId, coalesce(p.period, 'none') AS period, count(*) AS n FROM people p INDEXED BY people_ward_period
       WHERE ${currentInReach(wards)} GROUP BY p.ward_id, p.period`,
    )
    .all(reachParams(wards)) as Array<{ wardId: string; period: StatsPeriodKey; n: number }>
}

export function admissionsByMonth(db: Db, wards: Wards, from: string, to: string): Array<{ month: string; n: number }> {
  return db
    .prepare(
      `SELECT substr(p.admission_date, 1, 7) AS month, count(*) AS n FROM people p INDEXED BY people_live_admission
       WHERE p.admission_date >= @from AND p.admission_date <= @to AND ${admittedInReach(wards)} GROUP BY month`,
    )
    .all({ from, to, ...reachParams(wards) }) as Array<{ month: string; n: number }>
}

export function releasesByMonth(db: Db, wards: Wards, from: string, to: string): Array<{ month: string; kind: StatsReleaseKind; n: number }> {
  return db
    .prepare(
      `SELECT substr(r.release_date, 1, 7) AS month, r.kind AS kind, count(*) AS n
       FROM releases r INDEXED BY releases_date JOIN people p ON p.id = r.person_id
       WHERE r.release_date >= @from AND r.release_date <= @to AND ${releasedInReach(wards)} GROUP BY month, r.kind`,
    )
    .all({ from, to, ...reachParams(wards) }) as Array<{ month: string; kind: StatsReleaseKind; n: number }>
}

/** The latest complete live screening of a current person (any of the configured screening instruments). */
export const LATEST_SCREENING = `(SELECT a.rowid FROM assessments a INDEXED BY assessments_person_complete
    WHERE a.person_id = p.id AND a.voided_at IS NULL AND a.incomplete_reason IS NULL AND a.instrument_id IN (SELECT value FROM json_each(@instruments))
    ORDER BY a.administered_on DESC, a.recorded_at DESC LIMIT 1)`
export const FLAGGED = `coalesce(json_array_length(s.result, '$.flags'), 0) > 0`

export function psychCounts(db: Db, wards: Wards, instruments: readonly string[]): { openTasks: number; openCrises: number; flagged: number } {
  const params = { ...reachParams(wards), instruments: JSON.stringify(instruments) }
  const one = (sql: string) => (db.prepare(sql).get(params) as { n: number }).n
  return {
    openTasks: one(`SELECT count(*) AS n FROM psych_tasks t INDEXED BY psych_tasks_open JOIN people p ON p.id = t.person_id WHERE t.status = 'open' AND ${currentInReach(wards)}`),
    openCrises: one(`SELECT count(*) AS n FROM crises c INDEXED BY crises_status JOIN people p ON p.id = c.person_id WHERE c.status = 'open' AND ${currentInReach(wards)}`),
    flagged: one(`SELECT count(*) AS n FROM people p INDEXED BY people_ward_period JOIN assessments s ON s.rowid = ${LATEST_SCREENING}
      WHERE ${currentInReach(wards)} AND ${FLAGGED}`),
  }
}

/** The latest live fitness test of a current person. */
export const LATEST_TEST = `(SELECT f.rowid FROM fitness_tests f INDEXED BY fitness_tests_person_latest
    WHERE f.person_id = p.id AND f.voided_at IS NULL ORDER BY f.test_date DESC LIMIT 1)`
export const GRADE_OF = `CASE WHEN t.rowid IS NULL THEN 'untested' ELSE coalesce(t.grade, 'ungraded') END`

export function fitnessGradeCounts(db: Db, wards: Wards): Array<{ grade: StatsFitnessGrade; n: number }> {
  return db
    .prepare(
      `SELECT ${GRADE_OF} AS grade, count(*) AS n FROM people p INDEXED BY people_ward_period LEFT JOIN fitness_tests t ON t.rowid = ${LATEST_TEST}
       WHERE ${currentInReach(wards)} GROUP BY 1`,
    )
    .all(reachParams(wards)) as Array<{ grade: StatsFitnessGrade; n: number }>
}

/** Person-course pairs of the vocational courses started in the window, of live files in reach (past files too for a facility reader). */
export function vocationalPairsWhere(wards: Wards): string {
  return `c.kind = 'vocational' AND c.voided_at IS NULL AND c.start_date >= @from AND c.start_date <= @to AND p.voided_at IS NULL${
    wards === null ? '' : ` AND ${inReach('p.ward_id', wards)}`
  }`
}
export const VOCATIONAL_FROM = `courses c INDEXED BY courses_start JOIN course_figure_pairs fp ON fp.course_id = c.id JOIN people p ON p.id = fp.person_id`
export const UNAVOIDABLE = JSON.stringify(UNAVOIDABLE_WITHDRAWALS)

export interface VocationalCounts {
  enrolled: number
  unavoidableWithdrawn: number
  withdrawn: number
  completed: number
  sat: number
  passed: number
  failed: number
  certified: number
}

export function vocationalCounts(db: Db, wards: Wards, from: string, to: string): VocationalCounts {
  return db
    .prepare(
      `SELECT count(*) AS enrolled, coalesce(sum(fp.status = 'withdrawn'), 0) AS withdrawn,
         coalesce(sum(fp.status = 'withdrawn' AND fp.withdraw_reason IN (SELECT value FROM json_each(@unavoidable))), 0) AS unavoidableWithdrawn,
         coalesce(sum(fp.status = 'completed'), 0) AS completed, coalesce(sum(fp.best >= 1), 0) AS sat,
         coalesce(sum(fp.best = 2), 0) AS passed, coalesce(sum(fp.best = 1), 0) AS failed, coalesce(sum(fp.certified), 0) AS certified
       FROM ${VOCATIONAL_FROM} WHERE ${vocationalPairsWhere(wards)}`,
    )
    .get({ from, to, unavoidable: UNAVOIDABLE, ...reachParams(wards) }) as VocationalCounts
}
