/**
 * The benchmark facility's fitness tests (tests/bench/generate/fitness.ts) at a small size: the measurements asked for,
 * each test in the ward the person was in that day, inside the standard's ages, graded as the app grades it, the
 * same for the same seed; and the app's own screens read them.
 */
import { createHash } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { gradePreview } from '../../electron/core/fitness/grading'
import { getFitnessStandard } from '../../electron/core/fitness/norms'
import type { FitnessWardSummary, PersonFitnessHistory } from '../../electron/shared/contract'
import type { FitnessItem, Measurements } from '../../electron/shared/domain/fitness'
import { generateBenchFacility, type FacilitySize } from '../bench/facility'
import { signedInCaller, TODAY } from './helpers'

const SMALL: FacilitySize = { wards: 2, residentsPerWard: 20, past: 300, assessments: 300, fitnessMeasurements: 6000 }

function smallFacility(seed: number): Db {
  const db = openDatabase(':memory:')
  generateBenchFacility(db, { seed, today: TODAY, size: SMALL })
  return db
}

const fingerprint = (db: Db) =>
  createHash('sha256')
    // Staff accounts get random ids at set-up: everything but who recorded.
    .update(JSON.stringify(db.prepare('SELECT t.id, t.person_id, t.ward_id, t.test_date, t.sex, t.age, t.exempt_items, t.total, t.grade, g.id, g.result FROM fitness_tests t JOIN fitness_gradings g ON g.test_id = t.id ORDER BY t.id').all()))
    .update(JSON.stringify(db.prepare('SELECT * FROM fitness_measurements ORDER BY test_id, measure').all()))
    .digest('hex')

describe('benchmark facility fitness tests', () => {
  const db = smallFacility(4)
  afterAll(() => db.close())

  it('holds the measurements asked for (within one test), every resident tested over the stay', () => {
    const n = (db.prepare('SELECT count(*) AS n FROM fitness_measurements').get() as { n: number }).n
    expect(n).toBeGreaterThanOrEqual(6000)
    expect(n).toBeLessThan(6000 + 15)
    const untested = db.prepare("SELECT count(*) AS n FROM people p WHERE p.ward_id IS NOT NULL AND p.admission_date < date(?, '-60 days') AND NOT EXISTS (SELECT 1 FROM fitness_tests t WHERE t.person_id = p.id)").get(TODAY) as { n: number }
    expect(untested.n).toBe(0)
  })

  it('dates each test in the ward the person was in that day, within the stay and the standard’s ages', () => {
    const misplaced = db
      .prepare(
        `SELECT count(*) AS n FROM fitness_tests t JOIN people p ON p.id = t.person_id
         WHERE t.test_date < p.admission_date OR t.test_date > ? OR t.age < 20 OR t.age > 59
            OR NOT EXISTS (SELECT 1 FROM ward_assignments a WHERE a.person_id = t.person_id AND a.ward_id = t.ward_id
                           AND a.start_date <= t.test_date AND (a.end_date IS NULL OR a.end_date > t.test_date))`,
      )
      .get(TODAY) as { n: number }
    expect(misplaced.n).toBe(0)
  })

  it('stores the engine’s grading of the stored measurements', () => {
    const standard = getFitnessStandard('GTY-2003-adult')!
    const tests = db.prepare('SELECT t.id, t.sex, t.age, t.exempt_items AS exempt, t.grade, g.result FROM fitness_tests t JOIN fitness_gradings g ON g.test_id = t.id LIMIT 200').all() as Array<{
      id: string; sex: 'M' | 'F'; age: number; exempt: string; grade: string | null; result: string
    }>
    for (const t of tests) {
      const measurements = Object.fromEntries((db.prepare('SELECT measure, value FROM fitness_measurements WHERE test_id = ?').all(t.id) as Array<{ measure: string; value: number }>).map((m) => [m.measure, m.value])) as Measurements
      const preview = gradePreview(standard, { sex: t.sex, age: t.age }, measurements, JSON.parse(t.exempt) as FitnessItem[])
      expect(JSON.parse(t.result)).toEqual(JSON.parse(JSON.stringify(preview)))
      expect(t.grade).toBe(preview.grade)
    }
  })

  it('is the same for the same seed', () => {
    const again = smallFacility(4)
    try {
      expect(fingerprint(again)).toBe(fingerprint(db))
    } finally {
      again.close()
    }
  })

  it('reads through the app: a ward summary and a resident’s history', () => {
    const call = signedInCaller(db)
    const { wardId, personId } = db.prepare('SELECT t.ward_id AS wardId, t.person_id AS personId FROM fitness_tests t JOIN people p ON p.id = t.person_id WHERE p.ward_id = t.ward_id LIMIT 1').get() as { wardId: string; personId: string }
    const summary = call<FitnessWardSummary>('fitness:wardSummary', { wardId })
    expect(summary.latestTestDate).not.toBeNull()
    expect(Object.values(summary.distribution).reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    const history = call<PersonFitnessHistory>('fitness:personHistory', { personId })
    expect(history.tests.length).toBeGreaterThan(0)
    expect(history.tests.map((t) => t.date)).toEqual([...history.tests.map((t) => t.date)].sort())
  })
})
