/**
 * Training statistics in SQL, read from the 012 tables only. Every course figure is counted from one row per enrolled
 * person and course ("pairs": status, withdrawal reason, best live exam result, live certificate of the course) — the
 * facts `courseFigures` counts (shared/domain/vocational.ts); the property test holds the two to the same numbers, and
 * the drill-down lists read the same pairs, so a list always names exactly the people a figure counts.
 *
 * Each pair's exam result and certificate are looked up through an index (exam_attempts_live on course and person,
 * certificates_person), so the cost grows with the enrolments of the courses asked for, not with the whole tables.
 */
import { UNAVOIDABLE_WITHDRAWALS, type CourseKind, type EnrolmentStatus, type ExamResult, type WithdrawReason } from '../../shared/domain/vocational'
import type { StatsGrouping, StatsPeopleFigure, StatsPersonRow } from '../../shared/contract/vocationalStats'
import type { Db } from '../db/open'

/** Best live result of a pair: 2 passed any sitting, 1 sat (failed) without passing, 0 only absent, null never examined. */
const BEST_RESULT = /* sql */ `(SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
    WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL)`
const HAS_CERTIFICATE = /* sql */ `EXISTS (SELECT 1 FROM certificates x
    WHERE x.person_id = e.person_id AND x.course_id = e.course_id AND x.voided_at IS NULL)`

/** Which courses a pairs query covers: every course of the kind and years, one course, or one trade's. */
export type PairsFilter = { by: 'all' } | { by: 'course'; id: string } | { by: 'trade'; id: string }

export interface YearSpan {
  kind: CourseKind
  /** First and last start date covered (a year range as dates). */
  from: string
  to: string
}

function pairsSql(filter: PairsFilter): string {
  const narrow = filter.by === 'course' ? 'AND c.id = @key' : filter.by === 'trade' ? 'AND c.trade_id = @key' : ''
  return /* sql */ `
    SELECT c.id AS courseId, c.name AS courseName, c.trade_id AS tradeId, c.start_date AS startDate,
      substr(c.start_date, 1, 4) AS year, e.person_id AS personId, e.status AS status, e.withdraw_reason AS withdrawReason,
      e.status = 'withdrawn' AND e.withdraw_reason IN (SELECT value FROM json_each(@unavoidable)) AS unavoidable,
      ${BEST_RESULT} AS best, ${HAS_CERTIFICATE} AS certified
    FROM courses c${filter.by === 'all' ? ' INDEXED BY courses_start' : ''} JOIN enrolments e ON e.course_id = c.id
    WHERE c.kind = @kind AND c.voided_at IS NULL AND c.start_date >= @from AND c.start_date <= @to ${narrow}
      AND e.enrolled_on IS NOT NULL`
}

const pairsParams = (span: YearSpan, filter: PairsFilter) => ({
  kind: span.kind,
  from: span.from,
  to: span.to,
  unavoidable: JSON.stringify(UNAVOIDABLE_WITHDRAWALS),
  ...(filter.by === 'all' ? {} : { key: filter.id }),
})

export interface FigureCounts {
  key: string
  enrolled: number
  withdrawn: number
  unavoidableWithdrawn: number
  completed: number
  sat: number
  passed: number
  certified: number
}

/**
 * The counts of every course of a kind started in the span, summed from the per-pair facts the triggers of migration
 * 015 keep (course_figure_pairs: one narrow row per enrolled person and course, read in its key order per course).
 * Looking up each pair's sittings and certificates on every read cost three times as much on the benchmark facility.
 */
export function courseCounts(db: Db, span: YearSpan): FigureCounts[] {
  return db
    .prepare(
      `SELECT p.course_id AS key, count(*) AS enrolled, coalesce(sum(p.status = 'withdrawn'), 0) AS withdrawn,
         coalesce(sum(p.status = 'withdrawn' AND p.withdraw_reason IN (SELECT value FROM json_each(@unavoidable))), 0) AS unavoidableWithdrawn,
         coalesce(sum(p.status = 'completed'), 0) AS completed, coalesce(sum(p.best >= 1), 0) AS sat,
         coalesce(sum(p.best = 2), 0) AS passed, coalesce(sum(p.certified), 0) AS certified
       FROM courses c INDEXED BY courses_start JOIN course_figure_pairs p ON p.course_id = c.id
       WHERE c.kind = @kind AND c.voided_at IS NULL AND c.start_date >= @from AND c.start_date <= @to
       GROUP BY p.course_id`,
    )
    .all({ kind: span.kind, from: span.from, to: span.to, unavoidable: JSON.stringify(UNAVOIDABLE_WITHDRAWALS) }) as FigureCounts[]
}

export interface GroupLabel {
  key: string
  label: string
  trade: string | null
  startDate: string | null
}

/** Every course (or trade, or year) of the span, with or without enrolments, in the order the table shows them. */
export function groupLabels(db: Db, span: YearSpan, groupBy: StatsGrouping): GroupLabel[] {
  const where = 'c.kind = @kind AND c.voided_at IS NULL AND c.start_date >= @from AND c.start_date <= @to'
  const params = { kind: span.kind, from: span.from, to: span.to }
  if (groupBy === 'course') {
    return db
      .prepare(`SELECT c.id AS key, c.name AS label, t.name AS trade, c.start_date AS startDate FROM courses c INDEXED BY courses_start LEFT JOIN trades t ON t.id = c.trade_id WHERE ${where} ORDER BY c.start_date DESC, c.name`)
      .all(params) as GroupLabel[]
  }
  if (groupBy === 'trade') {
    return db
      .prepare(`SELECT t.id AS key, t.name AS label, NULL AS trade, NULL AS startDate FROM trades t WHERE t.id IN (SELECT c.trade_id FROM courses c INDEXED BY courses_start WHERE ${where}) ORDER BY t.name`)
      .all(params) as GroupLabel[]
  }
  return db
    .prepare(`SELECT DISTINCT substr(c.start_date, 1, 4) AS key, substr(c.start_date, 1, 4) AS label, NULL AS trade, NULL AS startDate FROM courses c INDEXED BY courses_start WHERE ${where} ORDER BY key DESC`)
    .all(params) as GroupLabel[]
}

/** Rows of the headline figures that SQL counts; rates are computed by the service. */
export interface HeadlineCounts {
  certifiedPeople: number
  sat: number
  passed: number
  agreements: number
  referrals: number
  jobTaken: number
  jobKnown: number
}

/**
 * Person-courses whose last sitting (not absent) falls in the period, with whether any sitting passed: each enrolled
 * pair counts in exactly one period, so the periods of a course add up to its `sat` and `passed`. Courses started after
 * the period cannot have been examined in it.
 */
const periodExamsSql = /* sql */ `
  SELECT courseId, courseName, personId, lastSat, passed FROM (
    SELECT c.id AS courseId, c.name AS courseName, e.person_id AS personId,
      (SELECT max(a.exam_date) FROM exam_attempts a WHERE a.course_id = e.course_id AND a.person_id = e.person_id
         AND a.voided_at IS NULL AND a.result <> 'absent') AS lastSat,
      (SELECT max(a.result = 'passed') FROM exam_attempts a WHERE a.course_id = e.course_id AND a.person_id = e.person_id
         AND a.voided_at IS NULL) AS passed
    FROM courses c INDEXED BY courses_start JOIN enrolments e ON e.course_id = c.id
    WHERE c.kind = 'vocational' AND c.voided_at IS NULL AND c.start_date <= @to AND e.enrolled_on IS NOT NULL)
  WHERE lastSat >= @from AND lastSat <= @to`

/** Live referrals with an agreement signed in the period (through the partial index of signed agreements). */
const signedSql = /* sql */ `SELECT r.person_id AS personId, r.employer, r.agreement_signed_on AS signedOn, r.job_taken AS jobTaken
  FROM employment_referrals r
  WHERE r.agreement_signed_on IS NOT NULL AND r.agreement_signed_on >= @from AND r.agreement_signed_on <= @to AND r.voided_at IS NULL`

/**
 * Live referrals made in the period. A referral at an event is made on or after the event's day (a rule of
 * employment:refer), so those of the period are found through the events held up to its end; the others through
 * their missing event.
 */
const referredSql = /* sql */ `
  SELECT r.person_id AS personId, r.employer, r.referred_on AS referredOn FROM employment_referrals r
    WHERE r.event_id IS NULL AND r.referred_on >= @from AND r.referred_on <= @to AND r.voided_at IS NULL
  UNION ALL
  SELECT r.person_id, r.employer, r.referred_on FROM employment_events ev JOIN employment_referrals r ON r.event_id = ev.id
    WHERE ev.event_date <= @to AND r.referred_on >= @from AND r.referred_on <= @to AND r.voided_at IS NULL`

const certifiedSql = /* sql */ `SELECT x.person_id AS personId, x.number, x.occupation, x.issued_on AS issuedOn FROM certificates x
  WHERE x.issued_on >= @from AND x.issued_on <= @to AND x.voided_at IS NULL`

export function headlineCounts(db: Db, period: { from: string; to: string }): HeadlineCounts {
  const one = <T>(sql: string) => db.prepare(sql).get(period) as T
  const certified = one<{ n: number }>(`SELECT count(DISTINCT personId) AS n FROM (${certifiedSql})`)
  const exams = one<{ sat: number; passed: number | null }>(`SELECT count(*) AS sat, sum(passed) AS passed FROM (${periodExamsSql})`)
  const signed = one<{ agreements: number; jobTaken: number; jobKnown: number }>(
    `SELECT count(DISTINCT personId) AS agreements,
       count(DISTINCT CASE WHEN jobTaken = 'yes' THEN personId END) AS jobTaken,
       count(DISTINCT CASE WHEN jobTaken IS NOT NULL THEN personId END) AS jobKnown
     FROM (${signedSql})`,
  )
  const referred = one<{ n: number }>(`SELECT count(DISTINCT personId) AS n FROM (${referredSql})`)
  return {
    certifiedPeople: certified.n,
    sat: exams.sat,
    passed: exams.passed ?? 0,
    agreements: signed.agreements,
    referrals: referred.n,
    jobTaken: signed.jobTaken,
    jobKnown: signed.jobKnown,
  }
}

/** The people of one figure: a base query of (personId, details…), one row per counted person (or person-course). */
interface PeopleBase {
  sql: string
  params: Record<string, unknown>
}

const PAIR_PREDICATE: Partial<Record<StatsPeopleFigure, string>> = {
  enrolled: '1',
  withdrawn: "status = 'withdrawn'",
  completed: "status = 'completed'",
  sat: 'coalesce(best, 0) >= 1',
  passed: 'best = 2',
  failed: 'best = 1',
  certified: 'certified = 1',
}

/** A course figure of a group: the pairs it counts, with the details a list shows. */
export function pairsPeopleBase(span: YearSpan, filter: PairsFilter, figure: StatsPeopleFigure): PeopleBase {
  const predicate = PAIR_PREDICATE[figure]
  if (!predicate) throw new Error(`not a course figure: ${figure}`)
  return {
    sql: `SELECT personId, courseId, courseName, status, withdrawReason, best,
        CASE WHEN certified THEN (SELECT x.number FROM certificates x WHERE x.person_id = pairs.personId AND x.course_id = pairs.courseId AND x.voided_at IS NULL ORDER BY x.issued_on DESC LIMIT 1) END AS certificateNumber,
        startDate AS date, NULL AS employer, NULL AS jobTaken
      FROM (${pairsSql(filter)}) AS pairs WHERE ${predicate}`,
    params: pairsParams(span, filter),
  }
}

/** A headline figure of a period: one row per person (or per person-course for the exam figures). */
export function periodPeopleBase(period: { from: string; to: string }, figure: StatsPeopleFigure): PeopleBase {
  const none = 'NULL AS courseId, NULL AS courseName, NULL AS status, NULL AS withdrawReason, NULL AS best'
  const sql: Partial<Record<StatsPeopleFigure, string>> = {
    // The person's newest certificate of the period stands for the row (max() picks its number and occupation).
    certified: `SELECT personId, NULL AS courseId, occupation AS courseName, NULL AS status, NULL AS withdrawReason, NULL AS best,
        number AS certificateNumber, max(issuedOn) AS date, NULL AS employer, NULL AS jobTaken FROM (${certifiedSql}) GROUP BY personId`,
    sat: `SELECT personId, courseId, courseName, NULL AS status, NULL AS withdrawReason, CASE WHEN passed THEN 2 ELSE 1 END AS best,
        NULL AS certificateNumber, lastSat AS date, NULL AS employer, NULL AS jobTaken FROM (${periodExamsSql})`,
    agreements: `SELECT personId, ${none}, NULL AS certificateNumber, max(signedOn) AS date, employer, jobTaken FROM (${signedSql}) GROUP BY personId`,
    referrals: `SELECT personId, ${none}, NULL AS certificateNumber, max(referredOn) AS date, employer, NULL AS jobTaken FROM (${referredSql}) GROUP BY personId`,
    jobTaken: `SELECT personId, ${none}, NULL AS certificateNumber, max(signedOn) AS date, employer, jobTaken FROM (${signedSql}) WHERE jobTaken = 'yes' GROUP BY personId`,
  }
  const base = figure === 'passed' || figure === 'failed' ? `SELECT * FROM (${sql.sat}) WHERE best = ${figure === 'passed' ? 2 : 1}` : sql[figure]
  if (!base) throw new Error(`not a period figure: ${figure}`)
  return { sql: base, params: period }
}

interface PeopleRowDb {
  personId: string
  name: string
  wardName: string | null
  courseId: string | null
  courseName: string | null
  status: EnrolmentStatus | null
  withdrawReason: WithdrawReason | null
  best: number | null
  certificateNumber: string | null
  date: string | null
  employer: string | null
  jobTaken: 'yes' | 'no' | null
}

const RESULT_OF_BEST: Record<number, ExamResult> = { 0: 'absent', 1: 'failed', 2: 'passed' }

/**
 * One page of a figure's people in the caller's wards (null: every ward and past files), by name, and how many the
 * figure counts that the caller cannot read.
 */
export function figurePeople(db: Db, base: PeopleBase, wards: readonly string[] | null, offset: number, limit: number): { rows: StatsPersonRow[]; total: number; hidden: number } {
  const readable = wards === null ? '1' : 'pe.ward_id IN (SELECT value FROM json_each(@wards))'
  const params = { ...base.params, ...(wards === null ? {} : { wards: JSON.stringify(wards) }) }
  const counts = db
    .prepare(`SELECT count(*) AS n, coalesce(sum(${readable}), 0) AS listed FROM (${base.sql}) b JOIN people pe ON pe.id = b.personId`)
    .get(params) as { n: number; listed: number }
  const rows = db
    .prepare(
      `SELECT b.*, pe.name AS name, w.name AS wardName FROM (${base.sql}) b JOIN people pe ON pe.id = b.personId LEFT JOIN wards w ON w.id = pe.ward_id
       WHERE ${readable} ORDER BY pe.name_pinyin, pe.id, b.date LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as PeopleRowDb[]
  return {
    rows: rows.map((r) => ({
      personId: r.personId,
      name: r.name,
      wardName: r.wardName,
      courseId: r.courseId,
      courseName: r.courseName,
      enrolmentStatus: r.status,
      withdrawReason: r.withdrawReason,
      examResult: r.best === null ? null : (RESULT_OF_BEST[r.best] ?? null),
      certificateNumber: r.certificateNumber,
      date: r.date,
      employer: r.employer,
      jobTaken: r.jobTaken,
    })),
    total: counts.listed,
    hidden: counts.n - counts.listed,
  }
}

/** Each course of the span → its trade or its start year (the key of its group). */
export function courseGroups(db: Db, span: YearSpan, groupBy: 'trade' | 'year'): Map<string, string> {
  const key = groupBy === 'trade' ? 'c.trade_id' : 'substr(c.start_date, 1, 4)'
  const rows = db
    .prepare(`SELECT c.id, ${key} AS key FROM courses c INDEXED BY courses_start WHERE c.kind = @kind AND c.voided_at IS NULL AND c.start_date >= @from AND c.start_date <= @to`)
    .all({ kind: span.kind, from: span.from, to: span.to }) as Array<{ id: string; key: string }>
  return new Map(rows.map((r) => [r.id, r.key]))
}
