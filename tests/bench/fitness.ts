/**
 * Fitness rows of the bench table (issue 11), on the facility's 1,000,000 raw measurements: grading a 100-person test
 * day (the dry-run check, ≤ 10 ms), saving one (≤ 50 ms), a person's history (≤ 5 ms), a ward's grade distribution
 * (≤ 10 ms, fitness:wardSummary's first query) and the whole ward summary.
 */
import { addDays, ageOn } from '../../electron/shared/domain/dates'
import type { FitnessWardSummary, PersonFitnessHistory, TestDayCheck } from '../../electron/shared/contract'
import { activeContraindicationsOn, peopleInWardOn, wardGradeDistribution } from '../../electron/core/fitness/fitnessQueries'
import { MEASURE_ITEM, type FitnessMeasure } from '../../electron/shared/domain/fitness'
import { sameIds, type BenchContext } from './ops'
import type { Bench } from './table'

const STANDARD = 'GTY-2003-adult'

/** Typical values of a man or woman of 20–39 or 40–59 (items that do not apply are left out, as a grid sends them). */
function measurementsOf(sex: 'M' | 'F', age: number, n: number): Record<string, number> {
  const m: Record<string, number> = {
    height_cm: 160 + (n % 20), weight_kg: 55 + (n % 25), vital_capacity_ml: 2500 + 37 * (n % 40), step_duration_s: 180,
    step_pulse_1: 50 + (n % 10), step_pulse_2: 46 + (n % 8), step_pulse_3: 44 + (n % 6), grip_kg: sex === 'M' ? 40 + (n % 12) : 24 + (n % 8),
    sit_and_reach_cm: 2 + (n % 15), choice_reaction_s: (45 + (n % 20)) / 100, single_leg_stand_s: 8 + (n % 30),
  }
  if (age < 40) m.vertical_jump_cm = sex === 'M' ? 32 + (n % 15) : 22 + (n % 10)
  if (age < 40 && sex === 'M') m.push_ups = 15 + (n % 25)
  if (age < 40 && sex === 'F') m.sit_ups = 15 + (n % 25)
  return m
}

interface Day {
  wardId: string
  date: string
  rows: Array<{ personId: string; measurements: Record<string, number> }>
}

/** Up to 100 people of a ward on a date, inside the standard's ages and without a test that day, with typical values. */
function dayOf(c: BenchContext, wardId: string, date: string): Day {
  const tested = new Set((c.db.prepare('SELECT person_id AS id FROM fitness_tests WHERE test_date = ? AND voided_at IS NULL').all(date) as Array<{ id: string }>).map((r) => r.id))
  const people = peopleInWardOn(c.db, wardId, date)
    .map((p) => ({ ...p, age: ageOn(p.birthDate, date) }))
    .filter((p) => !tested.has(p.id) && p.age >= 20 && p.age <= 59 && p.admissionDate <= date)
    .slice(0, 100)
  // Items a contraindication exempts that day are left empty, as the grid leaves them (a value there is refused).
  const contraindications = activeContraindicationsOn(c.db, people.map((p) => p.id), date)
  const rowOf = (p: (typeof people)[number], n: number) => {
    const exempt = new Set((contraindications.get(p.id) ?? []).flatMap((x) => x.items))
    const measurements = Object.fromEntries(Object.entries(measurementsOf(p.sex, p.age, n)).filter(([m]) => !exempt.has(MEASURE_ITEM[m as FitnessMeasure])))
    return { personId: p.id, measurements }
  }
  return { wardId, date, rows: people.map(rowOf) }
}

export function fitnessOps(bench: Bench, c: BenchContext, wardIds: readonly string[]): void {
  const checkDays = wardIds.map((wardId) => dayOf(c, wardId, c.today))
  bench.op({
    op: 'fitness:checkTestDay100',
    target: 10,
    variants: checkDays,
    run: (d) => {
      const check = c.call<TestDayCheck>('fitness:checkTestDay', { ...d, standardId: STANDARD })
      if (!check.ok) throw new Error(`check of ward ${d.wardId.slice(0, 8)}: ${JSON.stringify(check.errors[0])}`)
      return check
    },
    describe: (d) => `ward ${d.wardId.slice(0, 8)} (${d.rows.length} people)`,
  })

  // Each save needs a day not saved yet: ward × date pairs before today, one per run (the bench works on a copy).
  const saveRuns = 60
  const saveDays: Day[] = []
  for (let back = 1; saveDays.length < saveRuns + 20; back++) for (const wardId of wardIds) if (saveDays.length < saveRuns + 20) saveDays.push(dayOf(c, wardId, addDays(c.today, -back)))
  let next = 0
  bench.op({
    op: 'fitness:saveTestDay100',
    target: 50,
    runs: saveRuns,
    variants: [null],
    run: () => {
      const d = saveDays[next++]!
      return c.call<{ testIds: string[] }>('fitness:saveTestDay', { ...d, standardId: STANDARD })
    },
  })

  const historyPeople = historyVariants(c)
  bench.op({
    op: 'fitness:personHistory',
    target: 5,
    variants: historyPeople,
    run: (personId) => c.call<PersonFitnessHistory>('fitness:personHistory', { personId }),
    floor: (personId) => historyFloor(c, personId),
    same: (ours, floor) => sameIds('tests', (ours as PersonFitnessHistory).tests.map((t) => t.id), (floor as { tests: Array<{ id: string }> }).tests.map((t) => t.id)),
    describe: (id) => id.slice(0, 8),
  })

  bench.op({
    op: 'fitness:gradeDistribution',
    target: 10,
    variants: wardIds,
    run: (wardId) => wardGradeDistribution(c.db, wardId),
    floor: (wardId) => distributionFloor(c, wardId),
    same: (ours, floor) => {
      const o = ours as ReturnType<typeof wardGradeDistribution>
      const f = floor as Array<{ grade: string | null; n: number }>
      const total = f.reduce((a, r) => a + r.n, 0)
      if (Object.values(o.counts).reduce((a, b) => a + b, 0) !== total) throw new Error(`distribution counts ${JSON.stringify(o.counts)}, floor ${total}`)
    },
    describe: (id) => `ward ${id.slice(0, 8)}`,
  })

  bench.op({
    op: 'fitness:wardSummary',
    target: 25,
    variants: wardIds,
    run: (wardId) => c.call<FitnessWardSummary>('fitness:wardSummary', { wardId }),
    describe: (id) => `ward ${id.slice(0, 8)}`,
  })
}

/** Ten residents and ten past files with the most tests. */
function historyVariants(c: BenchContext): string[] {
  const most = (where: string) =>
    (c.db
      .prepare(`SELECT t.person_id AS id FROM fitness_tests t JOIN people p ON p.id = t.person_id WHERE ${where} GROUP BY t.person_id ORDER BY count(*) DESC, t.person_id LIMIT 10`)
      .all() as Array<{ id: string }>).map((r) => r.id)
  return [...most('p.ward_id IS NOT NULL'), ...most('p.ward_id IS NULL')]
}

/** The person's tests, their measurements and current gradings: three indexed reads. */
function historyFloor(c: BenchContext, personId: string) {
  const tests = c.db.prepare('SELECT * FROM fitness_tests WHERE person_id = ? ORDER BY test_date, recorded_at').all(personId) as Array<{ id: string }>
  const ids = JSON.stringify(tests.map((t) => t.id))
  const measurements = c.db.prepare('SELECT * FROM fitness_measurements WHERE test_id IN (SELECT value FROM json_each(?))').all(ids)
  const gradings = c.db.prepare('SELECT * FROM fitness_gradings WHERE test_id IN (SELECT value FROM json_each(?)) AND superseded_at IS NULL').all(ids)
  return { tests, measurements, gradings }
}

function distributionFloor(c: BenchContext, wardId: string) {
  const { date } = c.db.prepare('SELECT MAX(test_date) AS date FROM fitness_tests WHERE ward_id = ? AND voided_at IS NULL').get(wardId) as { date: string | null }
  return c.db.prepare('SELECT grade, count(*) AS n FROM fitness_tests WHERE ward_id = ? AND voided_at IS NULL AND test_date = ? GROUP BY grade').all(wardId, date) as Array<{
    grade: string | null
    n: number
  }>
}
