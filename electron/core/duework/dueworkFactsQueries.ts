/**
 * The due-work facts of a set of people read from the sources, one query per source over all of them: never a query
 * per person. Each query walks the people (json_each) and seeks each one's rows by an index that starts with
 * person_id; tests/unit/queryPlans.test.ts holds the plans. One person's full list (and an exemption's check) reads
 * these; a ward's day, the facility and the dashboard counts read the due-work summary instead (migration 022,
 * dueworkSummaryQueries.ts), and tests/unit/dueworkSummary.test.ts holds the two to the same answers.
 */
import type { Period } from '../../shared/domain/periods'
import type { Db } from '../db/open'

/** People, as `@people` (a JSON array of ids). */
const PEOPLE = 'json_each(@people) p'

export interface PersonRow {
  id: string
  name: string
  idNumber: string
  wardId: string | null
  admissionDate: string
  period: Period | null
  periodSince: string | null
  lastDay: string | null
  decisionDate: string
  earlyReleaseBar: string | null
}

const PERSON_COLUMNS = `id, name, id_number AS idNumber, ward_id AS wardId, admission_date AS admissionDate, period, period_since AS periodSince,
  last_day AS lastDay, decision_date AS decisionDate, early_release_bar AS earlyReleaseBar`

export const DUE_SQL = {
  wardPeople: `SELECT ${PERSON_COLUMNS} FROM people INDEXED BY people_ward WHERE ward_id = @wardId AND voided_at IS NULL ORDER BY name_pinyin, id`,
  /** Every current stay (a live file in a ward). */
  currentPeople: `SELECT ${PERSON_COLUMNS} FROM people INDEXED BY people_ward WHERE ward_id IS NOT NULL AND voided_at IS NULL`,
  person: `SELECT ${PERSON_COLUMNS} FROM people WHERE id = @personId AND voided_at IS NULL`,
  termEvents: `SELECT e.person_id AS personId, e.kind, e.months, e.from_date AS fromDate, e.to_date AS toDate
    FROM ${PEOPLE} JOIN term_events e ON e.person_id = p.value WHERE e.voided_at IS NULL ORDER BY e.person_id, coalesce(e.from_date, e.recorded_at), e.recorded_at`,
  periodEntries: `SELECT m.person_id AS personId, m.to_period AS period, max(m.effective_date) AS "on"
    FROM ${PEOPLE} JOIN period_moves m INDEXED BY period_moves_person_entry ON m.person_id = p.value GROUP BY m.person_id, m.to_period`,
  /** The first complete live screening and the latest two (a screening: one of the configured instruments). */
  screenings: `
    SELECT p.value AS personId, 'first' AS which, a.id, a.administered_on AS "on" FROM ${PEOPLE}
      JOIN assessments a ON a.rowid = (SELECT c.rowid FROM assessments c INDEXED BY assessments_person_complete
        WHERE c.person_id = p.value AND c.voided_at IS NULL AND c.incomplete_reason IS NULL AND c.instrument_id IN (SELECT value FROM json_each(@instruments))
        ORDER BY c.administered_on, c.recorded_at LIMIT 1)
    UNION ALL
    SELECT p.value, 'latest', a.id, a.administered_on FROM ${PEOPLE}
      JOIN assessments a ON a.rowid IN (SELECT c.rowid FROM assessments c INDEXED BY assessments_person_complete
        WHERE c.person_id = p.value AND c.voided_at IS NULL AND c.incomplete_reason IS NULL AND c.instrument_id IN (SELECT value FROM json_each(@instruments))
        ORDER BY c.administered_on DESC, c.recorded_at DESC LIMIT 2)`,
  fitnessTests: `
    SELECT p.value AS personId, 'first' AS which, t.id, t.test_date AS "on" FROM ${PEOPLE}
      JOIN fitness_tests t ON t.rowid = (SELECT c.rowid FROM fitness_tests c INDEXED BY fitness_tests_person_date
        WHERE c.person_id = p.value AND c.voided_at IS NULL ORDER BY c.test_date LIMIT 1)
    UNION ALL
    SELECT p.value, 'latest', t.id, t.test_date FROM ${PEOPLE}
      JOIN fitness_tests t ON t.rowid IN (SELECT c.rowid FROM fitness_tests c INDEXED BY fitness_tests_person_date
        WHERE c.person_id = p.value AND c.voided_at IS NULL ORDER BY c.test_date DESC LIMIT 2)`,
  /** Tasks raised by an assessment flag: open ones, and those handled since @handledSince. */
  flagTasks: `SELECT t.person_id AS personId, t.id, t.created_at AS createdAt, t.status, t.handled_at AS handledAt
    FROM ${PEOPLE} JOIN psych_tasks t INDEXED BY psych_tasks_person_status ON t.person_id = p.value
    WHERE t.assessment_id IS NOT NULL AND (t.status = 'open' OR (t.status IN ('done', 'dismissed') AND t.handled_at >= @handledSince))`,
  /** Open crises with their latest two events (none: one row with null event columns). */
  openCrises: `SELECT c.person_id AS personId, c.id, c.raised_on AS raisedOn, e.id AS eventId, e.event_on AS eventOn
    FROM ${PEOPLE} JOIN crises c INDEXED BY crises_person ON c.person_id = p.value AND c.status = 'open'
    LEFT JOIN crisis_events e ON e.rowid IN (SELECT x.rowid FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2)
    ORDER BY c.person_id, c.raised_on, c.id, e.event_on DESC, e.recorded_at DESC`,
  diagAssessments: `SELECT d.person_id AS personId, d.id, d.point, d.stage_period AS stagePeriod, d.assessed_on AS "on", d.status
    FROM ${PEOPLE} JOIN diag_assessments d INDEXED BY diag_assessments_person_due ON d.person_id = p.value WHERE d.voided_at IS NULL`,
  openEvidenceRequests: `SELECT r.person_id AS personId, r.id, r.assessment_id AS assessmentId, r.requested_on AS requestedOn
    FROM ${PEOPLE} JOIN diag_evidence_requests r INDEXED BY diag_evidence_requests_open ON r.person_id = p.value WHERE r.closed_at IS NULL`,
  /** Planned talks, admission and release talks done, and talks done from a plan since @doneSince. */
  talks: `SELECT t.person_id AS personId, t.id, t.kind, t.status, t.planned_on AS plannedOn, t.done_on AS doneOn
    FROM ${PEOPLE} JOIN ward_talks t INDEXED BY ward_talks_person_due ON t.person_id = p.value
    WHERE t.voided_at IS NULL AND (t.status = 'planned'
      OR (t.status = 'done' AND (t.kind IN ('admission', 'release') OR (t.planned_on IS NOT NULL AND t.done_on >= @doneSince))))`,
  watchMeasures: `SELECT m.person_id AS personId, m.id, m.review_on AS reviewOn
    FROM ${PEOPLE} JOIN watch_measures m INDEXED BY watch_measures_person ON m.person_id = p.value
    WHERE m.voided_at IS NULL AND m.review_on IS NOT NULL AND (m.end_on IS NULL OR m.end_on > @today)`,
  exemptions: `SELECT e.person_id AS personId, e.id, e.rule, e.occurrence, e.reason, e.created_by AS "by", s.display_name AS byName,
      e.created_at AS "at", e.revision
    FROM ${PEOPLE} JOIN due_exemptions e INDEXED BY due_exemptions_live ON e.person_id = p.value AND e.voided_at IS NULL
    JOIN staff s ON s.id = e.created_by`,
  /** Open tasks of any kind and open crises per person (the ward's day shows both counts). */
  openWork: `SELECT
      (SELECT count(*) FROM ${PEOPLE} JOIN psych_tasks t INDEXED BY psych_tasks_person_status ON t.person_id = p.value AND t.status = 'open') AS openTasks,
      (SELECT count(*) FROM ${PEOPLE} JOIN crises c INDEXED BY crises_person ON c.person_id = p.value AND c.status = 'open') AS openCrises`,
} as const

export type DueSqlName = keyof typeof DUE_SQL

export interface SourceParams {
  people: string
  instruments: string
  handledSince: string
  doneSince: string
  today: string
}

/** Runs one source query over the people; each statement is prepared once per database. */
export function runSource<T>(db: Db, name: Exclude<DueSqlName, 'wardPeople' | 'currentPeople' | 'person'>, params: SourceParams): T[] {
  const sql = DUE_SQL[name]
  const used = Object.fromEntries(Object.entries(params).filter(([key]) => sql.includes(`@${key}`)))
  return db.prepare(sql).all(used) as T[]
}

export function wardPeople(db: Db, wardId: string): PersonRow[] {
  return db.prepare(DUE_SQL.wardPeople).all({ wardId }) as PersonRow[]
}

export function currentPeople(db: Db): PersonRow[] {
  return db.prepare(DUE_SQL.currentPeople).all() as PersonRow[]
}

export function personRow(db: Db, personId: string): PersonRow | undefined {
  return db.prepare(DUE_SQL.person).get({ personId }) as PersonRow | undefined
}
