/** Reads for fitness screens: a ward's people on a date, tests with their gradings, contraindications, ward figures. */
import type { ContraindicationKind, ContraindicationView, FitnessGrade, FitnessGradingView, FitnessTestView, GradeWithheld } from '../../shared/contract/fitness'
import type { FitnessItem, FitnessMeasure } from '../../shared/domain/fitness'
import type { Db } from '../db/open'

export interface RosterPerson {
  id: string
  name: string
  sex: 'M' | 'F'
  birthDate: string
  admissionDate: string
}

/**
 * The live people in a ward on a date, from the ward history: an assignment that began on or before the date and had
 * not ended by it (a move on day D ends the old assignment on D and starts the new one on D: D belongs to the new ward).
 */
export function peopleInWardOn(db: Db, wardId: string, date: string): Array<RosterPerson & { idNumber: string }> {
  return db
    .prepare(
      `SELECT p.id, p.name, p.sex, p.birth_date AS birthDate, p.admission_date AS admissionDate, p.id_number AS idNumber
       FROM people p WHERE p.voided_at IS NULL AND p.id IN (
         SELECT a.person_id FROM ward_assignments a WHERE a.ward_id = @wardId AND a.end_date IS NULL AND a.start_date <= @date
         UNION ALL
         SELECT a.person_id FROM ward_assignments a WHERE a.ward_id = @wardId AND a.end_date > @date AND a.start_date <= @date)
       ORDER BY p.name_pinyin, p.id`,
    )
    .all({ wardId, date }) as Array<RosterPerson & { idNumber: string }>
}

/** What the rules need of one person (tests of people not on the roster, history). */
export function personFacts(db: Db, personId: string): (RosterPerson & { voided: boolean }) | undefined {
  const row = db
    .prepare('SELECT id, name, sex, birth_date AS birthDate, admission_date AS admissionDate, voided_at IS NOT NULL AS voided FROM people WHERE id = ?')
    .get(personId) as (RosterPerson & { voided: 0 | 1 }) | undefined
  return row && { ...row, voided: row.voided === 1 }
}

/** Whether the person was in the ward on the date (the same rule as the roster). */
export function wasInWardOn(db: Db, personId: string, wardId: string, date: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM ward_assignments WHERE person_id = ? AND ward_id = ? AND start_date <= ? AND (end_date IS NULL OR end_date > ?) LIMIT 1')
      .get(personId, wardId, date, date) !== undefined
  )
}

interface ContraindicationRow {
  id: string
  personId: string
  kind: ContraindicationKind
  items: string
  reason: string
  from: string
  until: string | null
  recordedAt: string
  recordedBy: string
  revision: number
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

const CONTRAINDICATION_SELECT = `SELECT c.id, c.person_id AS personId, c.kind, c.items, c.reason, c.from_date AS "from", c.until_date AS until,
  c.recorded_at AS recordedAt, s.display_name AS recordedBy, c.revision, c.voided_at AS voidedAt, v.display_name AS voidedBy, c.void_reason AS voidReason
  FROM fitness_contraindications c JOIN staff s ON s.id = c.recorded_by LEFT JOIN staff v ON v.id = c.voided_by`

function contraindicationView(r: ContraindicationRow): ContraindicationView {
  const { voidedAt, voidedBy, voidReason, items, ...rest } = r
  return { ...rest, items: JSON.parse(items) as FitnessItem[], voided: voidedAt ? { at: voidedAt, by: voidedBy ?? '', reason: voidReason ?? '' } : null }
}

/** A person's contraindications, newest first, voided ones included (marked). */
export function contraindicationsOf(db: Db, personId: string): ContraindicationView[] {
  const rows = db.prepare(`${CONTRAINDICATION_SELECT} WHERE c.person_id = ? ORDER BY c.from_date DESC, c.recorded_at DESC`).all(personId) as ContraindicationRow[]
  return rows.map(contraindicationView)
}

/** The live contraindications of these people that apply on a date, per person. */
export function activeContraindicationsOn(db: Db, personIds: readonly string[], date: string): Map<string, ContraindicationView[]> {
  const rows = db
    .prepare(
      `${CONTRAINDICATION_SELECT} WHERE c.person_id IN (SELECT value FROM json_each(?)) AND c.voided_at IS NULL AND c.from_date <= ?
         AND (c.until_date IS NULL OR c.until_date >= ?) ORDER BY c.from_date`,
    )
    .all(JSON.stringify(personIds), date, date) as ContraindicationRow[]
  const byPerson = new Map<string, ContraindicationView[]>()
  for (const row of rows) {
    const list = byPerson.get(row.personId) ?? []
    list.push(contraindicationView(row))
    byPerson.set(row.personId, list)
  }
  return byPerson
}

interface TestRow {
  id: string
  personId: string
  wardId: string
  wardName: string
  date: string
  sex: 'M' | 'F'
  age: number
  standardId: string
  exemptItems: string
  revision: number
  recordedAt: string
  recordedBy: string
  voidedAt: string | null
  voidedBy: string | null
  voidReason: string | null
}

interface GradingRow {
  id: string
  testId: string
  standardId: string
  standardVersion: string
  kind: 'original' | 'regrade'
  covered: 0 | 1
  total: number | null
  grade: FitnessGrade | null
  gradeWithheld: GradeWithheld | null
  result: string
  gradedAt: string
  gradedBy: string
  note: string | null
}

/** The engine's answer as stored (FitnessGradingPreview's list fields), read back from a grading's JSON. */
interface StoredResult {
  ageBand?: string | null
  ageGroup?: string | null
  items?: Partial<Record<FitnessItem, number>>
  applicable?: FitnessItem[]
  notApplicable?: FitnessItem[]
  missing?: FitnessItem[]
  exempt?: FitnessItem[]
  zero?: FitnessItem[]
  noNorm?: FitnessItem[]
}

function gradingView(r: GradingRow): FitnessGradingView {
  const result = JSON.parse(r.result) as StoredResult
  return {
    id: r.id,
    standardId: r.standardId,
    standardVersion: r.standardVersion,
    covered: r.covered === 1,
    ageBand: result.ageBand ?? null,
    ageGroup: result.ageGroup ?? null,
    items: result.items ?? {},
    total: r.total,
    grade: r.grade,
    gradeWithheld: r.gradeWithheld,
    applicable: result.applicable ?? [],
    notApplicable: result.notApplicable ?? [],
    missing: result.missing ?? [],
    exempt: result.exempt ?? [],
    zero: result.zero ?? [],
    noNorm: result.noNorm ?? [],
    kind: r.kind,
    gradedAt: r.gradedAt,
    gradedBy: r.gradedBy,
    note: r.note,
  }
}

const TEST_SELECT = `SELECT t.id, t.person_id AS personId, t.ward_id AS wardId, w.name AS wardName, t.test_date AS date, t.sex, t.age,
  t.standard_id AS standardId, t.exempt_items AS exemptItems, t.revision, t.recorded_at AS recordedAt, s.display_name AS recordedBy,
  t.voided_at AS voidedAt, v.display_name AS voidedBy, t.void_reason AS voidReason
  FROM fitness_tests t JOIN wards w ON w.id = t.ward_id JOIN staff s ON s.id = t.recorded_by LEFT JOIN staff v ON v.id = t.voided_by`

/** Tests with their measurements and current gradings (three queries, whatever the number of tests). */
function testViews(db: Db, rows: TestRow[]): FitnessTestView[] {
  if (rows.length === 0) return []
  const ids = JSON.stringify(rows.map((r) => r.id))
  const measurements = db
    .prepare('SELECT test_id AS testId, measure, value FROM fitness_measurements WHERE test_id IN (SELECT value FROM json_each(?))')
    .all(ids) as Array<{ testId: string; measure: FitnessMeasure; value: number }>
  const gradings = db
    .prepare(
      `SELECT g.id, g.test_id AS testId, g.standard_id AS standardId, g.standard_version AS standardVersion, g.kind, g.covered, g.total, g.grade,
         g.grade_withheld AS gradeWithheld, g.result, g.graded_at AS gradedAt, s.display_name AS gradedBy, g.note
       FROM fitness_gradings g JOIN staff s ON s.id = g.graded_by
       WHERE g.test_id IN (SELECT value FROM json_each(?)) AND g.superseded_at IS NULL ORDER BY g.graded_at DESC, g.rowid DESC`,
    )
    .all(ids) as GradingRow[]
  const measuresOf = new Map<string, Partial<Record<FitnessMeasure, number>>>()
  for (const m of measurements) measuresOf.set(m.testId, { ...measuresOf.get(m.testId), [m.measure]: m.value })
  const gradingsOf = new Map<string, GradingRow[]>()
  for (const g of gradings) gradingsOf.set(g.testId, [...(gradingsOf.get(g.testId) ?? []), g])
  return rows.map((r) => {
    const own = gradingsOf.get(r.id) ?? []
    const original = own.find((g) => g.kind === 'original')
    if (!original) throw new Error(`fitness test ${r.id} has no current original grading`)
    const { exemptItems, voidedAt, voidedBy, voidReason, ...rest } = r
    return {
      ...rest,
      exemptItems: JSON.parse(exemptItems) as FitnessItem[],
      measurements: measuresOf.get(r.id) ?? {},
      grading: gradingView(original),
      regrades: own.filter((g) => g.kind === 'regrade').map(gradingView),
      voided: voidedAt ? { at: voidedAt, by: voidedBy ?? '', reason: voidReason ?? '' } : null,
    }
  })
}

/** A person's tests, oldest first, voided ones included (marked). */
export function personTests(db: Db, personId: string): FitnessTestView[] {
  return testViews(db, db.prepare(`${TEST_SELECT} WHERE t.person_id = ? ORDER BY t.test_date, t.recorded_at`).all(personId) as TestRow[])
}

export function testView(db: Db, testId: string): FitnessTestView | undefined {
  return testViews(db, db.prepare(`${TEST_SELECT} WHERE t.id = ?`).all(testId) as TestRow[])[0]
}

/** The live tests of these people on a date, by person. */
export function liveTestsOn(db: Db, personIds: readonly string[], date: string): Map<string, FitnessTestView> {
  const rows = db
    .prepare(`${TEST_SELECT} WHERE t.person_id IN (SELECT value FROM json_each(?)) AND t.test_date = ? AND t.voided_at IS NULL`)
    .all(JSON.stringify(personIds), date) as TestRow[]
  return new Map(testViews(db, rows).map((t) => [t.personId, t]))
}

/** The open draft of a ward's day, with its rows. */
export function openDraftOf(db: Db, wardId: string, date: string) {
  const row = db
    .prepare(
      `SELECT d.id, d.ward_id AS wardId, d.test_date AS date, d.standard_id AS standardId, d.payload, d.revision, d.updated_at AS updatedAt,
         s.display_name AS updatedBy
       FROM fitness_drafts d JOIN staff s ON s.id = d.updated_by WHERE d.ward_id = ? AND d.test_date = ? AND d.closed_at IS NULL`,
    )
    .get(wardId, date) as
    | { id: string; wardId: string; date: string; standardId: string; payload: string; revision: number; updatedAt: string; updatedBy: string }
    | undefined
  if (!row) return null
  const { payload, ...rest } = row
  return { ...rest, rows: (JSON.parse(payload) as { rows: Array<{ personId: string; measurements: Partial<Record<FitnessMeasure, number>> }> }).rows }
}

/** The ward's latest date with a live test (tests keep the ward of their date) and its grade counts, from the index alone. */
export function wardGradeDistribution(db: Db, wardId: string): { date: string | null; counts: Record<FitnessGrade | 'none', number> } {
  const counts: Record<FitnessGrade | 'none', number> = { excellent: 0, good: 0, pass: 0, fail: 0, none: 0 }
  const latest = db.prepare('SELECT MAX(test_date) AS date FROM fitness_tests WHERE ward_id = ? AND voided_at IS NULL').get(wardId) as { date: string | null }
  if (!latest.date) return { date: null, counts }
  const rows = db
    .prepare('SELECT grade, COUNT(*) AS n FROM fitness_tests WHERE ward_id = ? AND voided_at IS NULL AND test_date = ? GROUP BY grade')
    .all(wardId, latest.date) as Array<{ grade: FitnessGrade | null; n: number }>
  for (const r of rows) counts[r.grade ?? 'none'] += r.n
  return { date: latest.date, counts }
}

/**
 * The live tests since admission of the people now in a ward (date order per person), each with its original grading's
 * points: enough for the mean change per item and who is due for a retest.
 */
export function residentTestDates(db: Db, wardId: string): Array<{ personId: string; testId: string; date: string }> {
  return db
    .prepare(
      `SELECT t.person_id AS personId, t.id AS testId, t.test_date AS date
       FROM people p JOIN fitness_tests t ON t.person_id = p.id
       WHERE p.ward_id = ? AND p.voided_at IS NULL AND t.voided_at IS NULL AND t.test_date >= p.admission_date
       ORDER BY t.person_id, t.test_date`,
    )
    .all(wardId) as Array<{ personId: string; testId: string; date: string }>
}

/** Points per item of these tests' current original gradings. */
export function originalPoints(db: Db, testIds: readonly string[]): Map<string, Partial<Record<FitnessItem, number>>> {
  if (testIds.length === 0) return new Map()
  const rows = db
    .prepare(
      `SELECT test_id AS testId, json_extract(result, '$.items') AS items FROM fitness_gradings
       WHERE test_id IN (SELECT value FROM json_each(?)) AND superseded_at IS NULL AND kind = 'original'`,
    )
    .all(JSON.stringify(testIds)) as Array<{ testId: string; items: string | null }>
  return new Map(rows.map((r) => [r.testId, r.items ? (JSON.parse(r.items) as Partial<Record<FitnessItem, number>>) : {}]))
}
