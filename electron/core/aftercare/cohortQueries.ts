/**
 * Follow-up statistics' SQL: the cohort's statuses (SHAPES14 arithmetic, shared/domain/aftercare/cohort.ts), the people
 * behind one figure, and the due/overdue counts (aftercareStats.ts composes them). Cohorts read releases by date (index releases_date) and
 * each one's outcome row; the contacts are read only for a release whose latest status is dated after `asOf`.
 */
import type { AftercareReleaseKind } from '../../shared/domain/aftercare/settings'
import type { CohortOutcome, CohortPerson, ContactStatus } from '../../shared/contract/aftercare'
import { outcomeIncludes } from '../../shared/domain/aftercare/cohort'
import { readSetting } from '../db/settingsRepo'
import type { Db } from '../db/open'

export interface CohortRange {
  from: string
  to: string
  asOf: string
}

/**
 * A value of the status as of @asOf for release `r` joined with its outcome `o`: the outcome row's own when it is not
 * newer than @asOf, else the latest earlier contact's (the contacts are read only then).
 */
const asOf = (outcomeColumn: 'status' | 'status_on', contactColumn: 'status' | 'contact_on') => /* sql */ `CASE
    WHEN o.status_on IS NULL THEN NULL
    WHEN o.status_on <= @asOf THEN o.${outcomeColumn}
    ELSE (SELECT c.${contactColumn} FROM followup_contacts c
          WHERE c.release_id = r.id AND c.voided_at IS NULL AND c.status IS NOT NULL AND c.contact_on <= @asOf
          ORDER BY c.contact_on DESC, c.recorded_at DESC, c.id DESC LIMIT 1)
  END`

/** The status as of @asOf, and the date of that status (same rule). */
const STATUS_AS_OF = asOf('status', 'status')
const STATUS_ON_AS_OF = asOf('status_on', 'contact_on')

/** The cohort's releases: live, released, a covered kind, dated in [from, min(to, asOf)]. */
function cohortWhere(kinds: readonly string[]): string {
  return `r.status = 'released' AND r.voided_at IS NULL AND r.release_date >= @from AND r.release_date <= @to
    AND r.kind IN (${kinds.map((_k, i) => `@k${i}`).join(', ')})`
}
function cohortParams(range: CohortRange, kinds: readonly string[]) {
  const to = range.to < range.asOf ? range.to : range.asOf
  return { from: range.from, to, asOf: range.asOf, ...Object.fromEntries(kinds.map((k, i) => [`k${i}`, k])) }
}
export const coveredKinds = (db: Db): AftercareReleaseKind[] => readSetting(db, 'aftercare.plan').coveredKinds

/** Released people of the cohort per status as of asOf. */
export function cohortStatusCounts(db: Db, range: CohortRange): Array<{ status: ContactStatus | null; n: number }> {
  const kinds = coveredKinds(db)
  return db
    .prepare(
      `SELECT ${STATUS_AS_OF} AS status, count(*) AS n
       FROM releases r LEFT JOIN followup_outcomes o ON o.release_id = r.id
       WHERE ${cohortWhere(kinds)}
       GROUP BY 1`,
    )
    .all(cohortParams(range, kinds)) as Array<{ status: ContactStatus | null; n: number }>
}

/** Each cohort release's date and status as of asOf (cohort tables split them by year or quarter). */
export function cohortStatuses(db: Db, range: CohortRange): Array<{ releaseDate: string; status: ContactStatus | null; n: number }> {
  const kinds = coveredKinds(db)
  return db
    .prepare(
      `SELECT r.release_date AS releaseDate, ${STATUS_AS_OF} AS status, count(*) AS n
       FROM releases r LEFT JOIN followup_outcomes o ON o.release_id = r.id
       WHERE ${cohortWhere(kinds)}
       GROUP BY 1, 2`,
    )
    .all(cohortParams(range, kinds)) as Array<{ releaseDate: string; status: ContactStatus | null; n: number }>
}

/** The people behind one figure, release date order; `wardIds` (not null) keeps those who left one of these wards. */
export function cohortPeople(db: Db, range: CohortRange, outcome: CohortOutcome, wardIds: readonly string[] | null): CohortPerson[] {
  const kinds = coveredKinds(db)
  const rows = db
    .prepare(
      `SELECT r.person_id AS personId, p.name, r.id AS releaseId, r.release_date AS releaseDate, r.kind, g.name AS stationName, r.from_ward_id AS fromWardId,
         ${STATUS_AS_OF} AS status, ${STATUS_ON_AS_OF} AS statusOn
       FROM releases r JOIN people p ON p.id = r.person_id LEFT JOIN followup_outcomes o ON o.release_id = r.id LEFT JOIN guidance_stations g ON g.id = r.station_id
       WHERE ${cohortWhere(kinds)}
       ORDER BY r.release_date, p.name_pinyin`,
    )
    .all(cohortParams(range, kinds)) as Array<CohortPerson & { fromWardId: string | null }>
  const allowed = wardIds && new Set(wardIds)
  return rows
    .filter((r) => outcomeIncludes(outcome, r.status) && (!allowed || (r.fromWardId !== null && allowed.has(r.fromWardId))))
    .map(({ fromWardId: _w, ...person }) => person)
}

/**
 * Open follow-ups on `today`: due (listed, not yet past their date) and overdue (past their date, window not ended),
 * people whose latest status is deceased left out.
 */
export function followUpDueCounts(db: Db, today: string): { due: number; overdue: number } {
  const row = db
    .prepare(
      `SELECT coalesce(sum(s.due_on >= @today), 0) AS due, coalesce(sum(s.due_on < @today), 0) AS overdue
       FROM followup_slots s INDEXED BY followup_slots_open
       LEFT JOIN followup_outcomes o ON o.release_id = s.release_id
       WHERE s.contact_id IS NULL AND s.voided_at IS NULL AND s.window_to >= @today AND s.window_from <= @today
         AND (o.status IS NULL OR o.status <> 'deceased')`,
    )
    .get({ today }) as { due: number; overdue: number }
  return { due: row.due, overdue: row.overdue }
}
