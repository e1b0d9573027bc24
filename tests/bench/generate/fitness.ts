/**
 * The benchmark facility's fitness tests (issue 11): a test about every three months over each stay (the first a few
 * weeks after admission), residents' in full and past stays' sampled until the raw measurements reach the total asked
 * for (1,000,000 in the full facility), each graded by the real engine and stored as the test-day save stores it; the
 * step test left out for a few residents with a contraindication recorded.
 */
import { addDays, ageOn } from '../../../electron/shared/domain/dates'
import type { FitnessItem, Measurements } from '../../../electron/shared/domain/fitness'
import type { Db } from '../../../electron/core/db/open'
import { fitnessRepo } from '../../../electron/core/fitness/fitnessRepo'
import { gradePreview } from '../../../electron/core/fitness/grading'
import { timeOrderedId } from '../../../electron/core/fitness/timeOrderedId'
import { DEFAULT_STANDARD_ID, getFitnessStandard } from '../../../electron/core/fitness/norms'
import type { Stay } from './people'
import type { Random } from './random'

/** The ward a stay was in on a day (a move on day D: D belongs to the new ward, as the ward history reads). */
const wardOn = (stay: Stay, on: string) => (stay.wards.find((w) => w.start <= on && (w.end === null || on < w.end)) ?? stay.wards[stay.wards.length - 1]!).wardId

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals
const around = (r: Random, mean: number, spread: number) => mean + (r.next() + r.next() + r.next() - 1.5) * spread

/** Plausible raw values for an adult of this sex and age, a little better with each test of the stay (training). */
function measurementsFor(r: Random, sex: 'M' | 'F', age: number, round_: number, stepExempt: boolean): Measurements {
  const men = sex === 'M'
  const gain = Math.min(round_, 6) * 0.03
  const older = Math.max(0, age - 30) / 30
  const height = around(r, men ? 170 : 159, 12)
  const m: Measurements = {
    height_cm: round(height, 1),
    weight_kg: round(around(r, (height - 105) * (men ? 1.05 : 1), 14), 1),
    vital_capacity_ml: Math.round(around(r, (men ? 3600 : 2500) * (1 + gain - 0.2 * older), 1400)),
    grip_kg: round(around(r, (men ? 42 : 26) * (1 + gain - 0.15 * older), 14), 1),
    sit_and_reach_cm: round(around(r, 6 + 10 * gain, 14), 1),
    choice_reaction_s: round(Math.max(0.3, around(r, 0.55 + 0.1 * older - 0.1 * gain, 0.2)), 2),
    single_leg_stand_s: Math.max(1, Math.round(around(r, 20 * (1 + gain - 0.4 * older), 22))),
  }
  if (!stepExempt) {
    if (r.chance(0.5)) {
      m.step_duration_s = r.chance(0.9) ? 180 : r.int(90, 179)
      m.step_pulse_1 = r.int(45, 70)
      m.step_pulse_2 = r.int(40, 62)
      m.step_pulse_3 = r.int(38, 58)
    } else m.step_index = round(around(r, 56 * (1 + gain), 22), 1)
  }
  if (age < 40) m.vertical_jump_cm = round(around(r, (men ? 38 : 26) * (1 + gain), 16), 1)
  if (age < 40 && men) m.push_ups = Math.max(0, Math.round(around(r, 22 * (1 + 2 * gain), 24)))
  if (age < 40 && !men) m.sit_ups = Math.max(0, Math.round(around(r, 24 * (1 + 2 * gain), 24)))
  // Now and then an item is not taken that day (absent from the station): no grade for that test.
  if (r.chance(0.04)) delete m.grip_kg
  return m
}

interface PlannedTest {
  stay: number
  on: string
  round: number
}

export interface FitnessOptions {
  db: Db
  r: Random
  today: string
  stays: Stay[]
  trainer: string
  /** Raw measurements to write (tests are added until they reach it). */
  measurements: number
  /** Tests written so far, of the tests chosen. */
  onProgress: (done: number, total: number) => void
}

/** Writes fitness tests until `measurements` raw values are stored (fewer only when the stays cannot hold them). */
export function writeFitness(o: FitnessOptions): { tests: number; measurements: number; contraindications: number } {
  const { db, r, today, stays, trainer } = o
  const standard = getFitnessStandard(DEFAULT_STANDARD_ID)
  if (!standard) throw new Error(`bench: no standard ${DEFAULT_STANDARD_ID}`)
  const people = new Map(
    (db.prepare('SELECT id, sex, birth_date AS birthDate FROM people').all() as Array<{ id: string; sex: 'M' | 'F'; birthDate: string }>).map((p) => [p.id, p]),
  )
  const residents: PlannedTest[] = []
  const past: PlannedTest[] = []
  stays.forEach((stay, i) => {
    const end = stay.releaseDate ?? today
    let on = addDays(stay.admissionDate, r.int(14, 40))
    for (let n = 0; on <= end; n++) {
      ;(stay.current ? residents : past).push({ stay: i, on, round: n })
      // One resident in ten is overdue for a retest (due on the ward summary).
      on = addDays(on, r.int(80, 100) + (stay.current && r.chance(0.1) ? 60 : 0))
    }
  })
  // Past tests in a seeded shuffled order, taken until the measurements are written.
  for (let i = past.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1))
    ;[past[i], past[j]] = [past[j]!, past[i]!]
  }
  const exemptStays = new Set(stays.flatMap((s, i) => (s.current && r.chance(0.02) ? [i] : [])))
  const at = `${today}T02:00:00.000Z`
  let contraindications = 0
  for (const i of exemptStays) {
    const stay = stays[i]!
    fitnessRepo.insertContraindication(db, {
      id: r.uuid(), personId: stay.personId, kind: 'cardiovascular', items: ['step_index'], reason: '高血压，医嘱禁做台阶试验', from: stay.admissionDate, until: null, at, by: trainer,
    })
    contraindications++
  }
  // Residents' tests first, then the shuffled past ones, until the measurements are reached; then written in date order,
  // as a facility records them over the years (their time-ordered ids append to the indexes).
  const chosen: Array<{ t: PlannedTest; age: number; sex: 'M' | 'F'; exempt: FitnessItem[]; measurements: Measurements }> = []
  let written = 0
  for (const t of [...residents, ...past]) {
    if (written >= o.measurements) break
    const person = people.get(stays[t.stay]!.personId)!
    const age = ageOn(person.birthDate, t.on)
    // A test day refuses people outside the standard's ages (a few of 19 or past 59): none is stored.
    if (age < standard.ageRange.min || age > standard.ageRange.max) continue
    const exempt: FitnessItem[] = exemptStays.has(t.stay) ? ['step_index'] : []
    const measurements = measurementsFor(r, person.sex, age, t.round, exempt.length > 0)
    chosen.push({ t, age, sex: person.sex, exempt, measurements })
    written += Object.keys(measurements).length
  }
  chosen.sort((a, b) => (a.t.on < b.t.on ? -1 : a.t.on > b.t.on ? 1 : a.t.stay - b.t.stay))
  const seededBytes = () => Buffer.from(Array.from({ length: 10 }, () => Math.floor(r.next() * 256)))
  let tests = 0
  for (const { t, age, sex, exempt, measurements } of chosen) {
    const stay = stays[t.stay]!
    const preview = gradePreview(standard, { sex, age }, measurements, exempt)
    const when = `${t.on}T03:00:00.000Z`
    const id = timeOrderedId(new Date(when), seededBytes)
    fitnessRepo.insertTest(db, { id, personId: stay.personId, wardId: wardOn(stay, t.on), date: t.on, sex, age, standardId: standard.id, exemptItems: exempt, total: preview.total, grade: preview.grade, at: when, by: trainer }, measurements)
    fitnessRepo.insertGrading(db, {
      id: timeOrderedId(new Date(when), seededBytes), testId: id, standardId: standard.id, standardVersion: standard.version, kind: 'original', covered: preview.covered,
      total: preview.total, grade: preview.grade, gradeWithheld: preview.gradeWithheld, result: preview, at: when, by: trainer, note: null,
    })
    tests++
    if (tests % 20_000 === 0) o.onProgress(tests, chosen.length)
  }
  return { tests, measurements: written, contraindications }
}
