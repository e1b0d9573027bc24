/** Writes and rule lookups on fitness tests, their measurements and gradings, drafts and contraindications. */
import type { FitnessGrade, GradeWithheld } from '../../shared/contract/fitness'
import type { FitnessItem, FitnessMeasure, Measurements } from '../../shared/domain/fitness'
import type { Db } from '../db/open'

/** What a test records about whom, where and under which standard (as written and as read back). */
interface TestFacts {
  id: string
  personId: string
  wardId: string
  date: string
  sex: 'M' | 'F'
  age: number
  standardId: string
  exemptItems: FitnessItem[]
}

export interface NewTest extends TestFacts {
  /** The original grading's total and grade (copied for ward lists). */
  total: number | null
  grade: FitnessGrade | null
  at: string
  by: string
}

/** A grading row as stored: the engine's answer is kept whole in `result`, its headline fields in columns. */
export interface NewGrading {
  id: string
  testId: string
  standardId: string
  standardVersion: string
  kind: 'original' | 'regrade'
  covered: boolean
  total: number | null
  grade: FitnessGrade | null
  gradeWithheld: GradeWithheld | null
  result: unknown
  at: string
  by: string
  note: string | null
}

export interface StoredTest extends TestFacts {
  revision: number
  voided: boolean
}

export interface StoredDraft {
  id: string
  wardId: string
  date: string
  revision: number
  closed: boolean
}

export interface StoredContraindication {
  id: string
  personId: string
  from: string
  until: string | null
  revision: number
  voided: boolean
}

const TEST_COLUMNS = `id, person_id AS personId, ward_id AS wardId, test_date AS date, sex, age, standard_id AS standardId,
  exempt_items AS exemptItems, revision, voided_at IS NOT NULL AS voided`

export const fitnessRepo = {
  insertTest(db: Db, t: NewTest, measurements: Measurements): void {
    db.prepare(
      `INSERT INTO fitness_tests (id, person_id, ward_id, test_date, sex, age, standard_id, exempt_items, total, grade, recorded_at, recorded_by, updated_at, updated_by)
       VALUES (@id, @personId, @wardId, @date, @sex, @age, @standardId, @exemptItems, @total, @grade, @at, @by, @at, @by)`,
    ).run({ ...t, exemptItems: JSON.stringify(t.exemptItems) })
    fitnessRepo.insertMeasurements(db, t.id, measurements)
  },

  /** One statement per test (a 100-person day inserts ~1,300 rows: one call each would cost more than the rows). */
  insertMeasurements(db: Db, testId: string, measurements: Measurements): void {
    db.prepare('INSERT INTO fitness_measurements (test_id, measure, value) SELECT ?, key, value FROM json_each(?) WHERE value IS NOT NULL').run(
      testId,
      JSON.stringify(measurements),
    )
  },

  measurementsOf(db: Db, testId: string): Measurements {
    const rows = db.prepare('SELECT measure, value FROM fitness_measurements WHERE test_id = ?').all(testId) as Array<{ measure: FitnessMeasure; value: number }>
    return Object.fromEntries(rows.map((r) => [r.measure, r.value]))
  },

  /** Replaces the measurements (an edit): the earlier values stay in fitness_test_revisions. */
  replaceMeasurements(db: Db, testId: string, measurements: Measurements): void {
    db.prepare('DELETE FROM fitness_measurements WHERE test_id = ?').run(testId)
    fitnessRepo.insertMeasurements(db, testId, measurements)
  },

  testById(db: Db, id: string): StoredTest | undefined {
    const row = db.prepare(`SELECT ${TEST_COLUMNS} FROM fitness_tests WHERE id = ?`).get(id) as
      | (Omit<StoredTest, 'voided' | 'exemptItems'> & { voided: 0 | 1; exemptItems: string })
      | undefined
    return row && { ...row, voided: row.voided === 1, exemptItems: JSON.parse(row.exemptItems) as FitnessItem[] }
  },

  /** The live tests of these people on a date (a second test that day is an edit of the first). */
  liveTestIdsOn(db: Db, personIds: readonly string[], date: string): Map<string, string> {
    const rows = db
      .prepare('SELECT person_id AS personId, id FROM fitness_tests WHERE person_id IN (SELECT value FROM json_each(?)) AND test_date = ? AND voided_at IS NULL')
      .all(JSON.stringify(personIds), date) as Array<{ personId: string; id: string }>
    return new Map(rows.map((r) => [r.personId, r.id]))
  },

  /** Stores the test's current original grading on the test row (for ward lists) and bumps nothing else. */
  setTestGrade(db: Db, testId: string, g: { total: number | null; grade: FitnessGrade | null }): void {
    db.prepare('UPDATE fitness_tests SET total = ?, grade = ? WHERE id = ?').run(g.total, g.grade, testId)
  },

  /** Moves a test to the next revision if it is still at `revision`; false when someone changed it meanwhile. */
  bumpTestRevision(db: Db, testId: string, revision: number, at: string, by: string): boolean {
    return db.prepare('UPDATE fitness_tests SET revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ? AND revision = ? AND voided_at IS NULL').run(at, by, testId, revision).changes === 1
  },

  hasRevisions(db: Db, testId: string): boolean {
    return db.prepare('SELECT 1 FROM fitness_test_revisions WHERE test_id = ? LIMIT 1').get(testId) !== undefined
  },

  insertRevision(db: Db, r: { id: string; testId: string; revision: number; measurements: Measurements; at: string; by: string; note: string | null }): void {
    db.prepare(
      `INSERT INTO fitness_test_revisions (id, test_id, revision, measurements, changed_at, changed_by, change_note)
       VALUES (@id, @testId, @revision, @measurements, @at, @by, @note)`,
    ).run({ ...r, measurements: JSON.stringify(r.measurements) })
  },

  /** A test's first stored state (recorded_at/by), for its revision 1 when it is first edited. */
  testRecorded(db: Db, testId: string): { at: string; by: string } {
    return db.prepare('SELECT recorded_at AS at, recorded_by AS by FROM fitness_tests WHERE id = ?').get(testId) as { at: string; by: string }
  },

  insertGrading(db: Db, g: NewGrading): void {
    db.prepare(
      `INSERT INTO fitness_gradings (id, test_id, standard_id, standard_version, kind, covered, total, grade, grade_withheld, result, graded_at, graded_by, note)
       VALUES (@id, @testId, @standardId, @standardVersion, @kind, @covered, @total, @grade, @gradeWithheld, @result, @at, @by, @note)`,
    ).run({ ...g, covered: g.covered ? 1 : 0, result: JSON.stringify(g.result) })
  },

  /** The standards of a test's current re-gradings (an edit grades each of them again). */
  currentRegradeStandards(db: Db, testId: string): Array<{ standardId: string; note: string | null }> {
    return db
      .prepare("SELECT standard_id AS standardId, note FROM fitness_gradings WHERE test_id = ? AND superseded_at IS NULL AND kind = 'regrade' ORDER BY graded_at")
      .all(testId) as Array<{ standardId: string; note: string | null }>
  },

  supersedeGradings(db: Db, testId: string, at: string): void {
    db.prepare('UPDATE fitness_gradings SET superseded_at = ? WHERE test_id = ? AND superseded_at IS NULL').run(at, testId)
  },

  openDraft(db: Db, wardId: string, date: string): StoredDraft | undefined {
    const row = db
      .prepare('SELECT id, ward_id AS wardId, test_date AS date, revision, 0 AS closed FROM fitness_drafts WHERE ward_id = ? AND test_date = ? AND closed_at IS NULL')
      .get(wardId, date) as (Omit<StoredDraft, 'closed'> & { closed: 0 }) | undefined
    return row && { ...row, closed: false }
  },

  draftById(db: Db, id: string): StoredDraft | undefined {
    const row = db
      .prepare('SELECT id, ward_id AS wardId, test_date AS date, revision, closed_at IS NOT NULL AS closed FROM fitness_drafts WHERE id = ?')
      .get(id) as (Omit<StoredDraft, 'closed'> & { closed: 0 | 1 }) | undefined
    return row && { ...row, closed: row.closed === 1 }
  },

  insertDraft(db: Db, d: { id: string; wardId: string; date: string; standardId: string; payload: unknown; at: string; by: string }): void {
    db.prepare(
      `INSERT INTO fitness_drafts (id, ward_id, test_date, standard_id, payload, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @wardId, @date, @standardId, @payload, @at, @by, @at, @by)`,
    ).run({ ...d, payload: JSON.stringify(d.payload) })
  },

  /** Updates an open draft still at `revision`; false when it moved on or was closed meanwhile. */
  updateDraft(db: Db, d: { id: string; revision: number; standardId: string; payload: unknown; at: string; by: string }): boolean {
    return (
      db
        .prepare(
          `UPDATE fitness_drafts SET payload = @payload, standard_id = @standardId, revision = revision + 1, updated_at = @at, updated_by = @by
           WHERE id = @id AND revision = @revision AND closed_at IS NULL`,
        )
        .run({ ...d, payload: JSON.stringify(d.payload) }).changes === 1
    )
  },

  closeDraft(db: Db, id: string, revision: number, reason: 'saved' | 'discarded', at: string, by: string): boolean {
    return (
      db
        .prepare('UPDATE fitness_drafts SET closed_at = ?, closed_by = ?, close_reason = ? WHERE id = ? AND revision = ? AND closed_at IS NULL')
        .run(at, by, reason, id, revision).changes === 1
    )
  },

  insertContraindication(
    db: Db,
    c: { id: string; personId: string; kind: string; items: FitnessItem[]; reason: string; from: string; until: string | null; at: string; by: string },
  ): void {
    db.prepare(
      `INSERT INTO fitness_contraindications (id, person_id, kind, items, reason, from_date, until_date, recorded_at, recorded_by, updated_at, updated_by)
       VALUES (@id, @personId, @kind, @items, @reason, @from, @until, @at, @by, @at, @by)`,
    ).run({ ...c, items: JSON.stringify(c.items) })
  },

  contraindicationById(db: Db, id: string): StoredContraindication | undefined {
    const row = db
      .prepare(
        `SELECT id, person_id AS personId, from_date AS "from", until_date AS until, revision, voided_at IS NOT NULL AS voided
         FROM fitness_contraindications WHERE id = ?`,
      )
      .get(id) as (Omit<StoredContraindication, 'voided'> & { voided: 0 | 1 }) | undefined
    return row && { ...row, voided: row.voided === 1 }
  },

  endContraindication(db: Db, id: string, revision: number, until: string, at: string, by: string): boolean {
    return (
      db
        .prepare('UPDATE fitness_contraindications SET until_date = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ? AND revision = ? AND voided_at IS NULL')
        .run(until, at, by, id, revision).changes === 1
    )
  },
}
