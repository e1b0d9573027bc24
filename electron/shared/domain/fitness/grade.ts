/**
 * The one grading engine: pure, no per-item code beyond the three kinds of lookup (ascending, descending, bell-shaped
 * by height). A value below the 1-point threshold scores 0 (无分) and then no composite grade is given (the PRD rule of
 * domain-reference §5.2, D8). A person outside the standard's ages or sexes is "not covered", never graded.
 */
import { FITNESS_ITEMS, ITEM_MEASURE, type FitnessItem, type FitnessMeasure, type Measurements, type Sex } from './items'
import type { AgeSpan, BellItemNorm, FitnessItemNorm, FitnessStandard, ThresholdItemNorm } from './schema'

export type FitnessGrade = 'excellent' | 'good' | 'pass' | 'fail'
export const FITNESS_GRADES: readonly FitnessGrade[] = ['excellent', 'good', 'pass', 'fail']
export type GradeWithheld = 'missing' | 'zero' | 'exempt'

export interface FitnessSubject {
  sex: Sex
  /** Whole years on the test date (`ageOn(birthDate, testDate)`). */
  age: number
}

export type FitnessGrading =
  | { covered: false; standardId: string; reason: 'age_outside' | 'sex_outside'; ageRange: { min: number; max: number } }
  | {
      covered: true
      standardId: string
      ageBand: string
      ageGroup: string
      applicable: FitnessItem[]
      /** Points of the scored items, 0–5. */
      items: Partial<Record<FitnessItem, number>>
      total: number
      grade: FitnessGrade | null
      gradeWithheld: null | GradeWithheld
      notApplicable: FitnessItem[]
      missing: FitnessItem[]
      exempt: FitnessItem[]
      zero: FitnessItem[]
      /**
       * Measured, but the standard has no norm for the value's row (a height outside the keyed height-weight rows).
       * Not scored; the grade is withheld as 'missing' because a needed score is missing.
       */
      noNorm: FitnessItem[]
    }

/** Step-test index = duration (s) × 100 ÷ (2 × sum of the three 30-s pulse counts), one decimal, half up. */
export function stepIndex(durationS: number, pulses: [number, number, number]): number {
  const sum = pulses[0] + pulses[1] + pulses[2]
  const raw = (durationS * 100) / (2 * sum)
  // toFixed(9) first, so 66.65 computed as 66.6499999… still rounds up as the written decimal would.
  return Math.round(Number((raw * 10).toFixed(9))) / 10
}

export type MeasureProblem = null | { code: 'implausible'; min: number; max: number } | { code: 'decimals'; decimals: number }

/** Decimal places as typed (1e-7 is not 1 decimal); values are compared as their shortest decimal text. */
function decimalsOf(value: number): number {
  const text = String(value)
  const exp = /e([+-]\d+)$/.exec(text)
  const mantissa = text.replace(/e[+-]\d+$/, '')
  const frac = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, frac - (exp ? Number(exp[1]) : 0))
}

/** Why a typed value is refused: outside the standard's plausible range, or more decimals than the measure takes. */
export function measureProblem(standard: FitnessStandard, measure: FitnessMeasure, value: number): MeasureProblem {
  const p = standard.plausible[measure]
  if (!Number.isFinite(value) || value < p.min || value > p.max) return { code: 'implausible', min: p.min, max: p.max }
  if (decimalsOf(value) > p.decimals) return { code: 'decimals', decimals: p.decimals }
  return null
}

const inSpan = (age: number, span: AgeSpan) => age >= span.min && age <= span.max

export function itemApplies(norm: FitnessItemNorm, subject: FitnessSubject): boolean {
  return norm.applies.some((r) => r.sexes.includes(subject.sex) && inSpan(subject.age, r.ages))
}

/** The items the standard has, in FITNESS_ITEMS order, that this person takes (the columns of a test-day row). */
export function applicableItems(standard: FitnessStandard, subject: FitnessSubject): FitnessItem[] {
  return FITNESS_ITEMS.filter((item) => {
    const norm = standard.items[item]
    return norm !== undefined && itemApplies(norm, subject)
  })
}

const given = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v)

/** The step index as entered, else computed from the duration and all three pulse counts. */
export function stepIndexOf(m: Measurements): number | undefined {
  if (given(m.step_index)) return m.step_index
  const { step_duration_s: d, step_pulse_1: a, step_pulse_2: b, step_pulse_3: c } = m
  if (given(d) && given(a) && given(b) && given(c) && a + b + c > 0) return stepIndex(d, [a, b, c])
  return undefined
}

function thresholdPoints(norm: ThresholdItemNorm, row: { thresholds: number[] }, value: number): number {
  const reached = norm.kind === 'ascending' ? (t: number) => value >= t : (t: number) => value <= t
  let points = 0
  for (const t of row.thresholds) if (reached(t)) points++
  return points
}

/** 1/3/5 by weight within the row of the height's whole centimetre; undefined when the standard has no such row. */
function bellPoints(norm: BellItemNorm, subject: FitnessSubject, heightCm: number, weightKg: number): number | undefined {
  const row = norm.rows.find((r) => r.sex === subject.sex && inSpan(subject.age, r.ages))
  const weights = row?.heights[String(Math.floor(heightCm))]
  if (!weights) return undefined
  const [light1Below, light3Below, normalUpTo, heavy3UpTo] = weights
  if (weightKg < light1Below) return 1
  if (weightKg < light3Below) return 3
  if (weightKg <= normalUpTo) return 5
  if (weightKg <= heavy3UpTo) return 3
  return 1
}

type ItemOutcome = { points: number } | 'missing' | 'no_norm'

function scoreItem(norm: FitnessItemNorm, item: FitnessItem, subject: FitnessSubject, m: Measurements): ItemOutcome {
  if (norm.kind === 'bell_by_height') {
    if (!given(m.height_cm) || !given(m.weight_kg)) return 'missing'
    const points = bellPoints(norm, subject, m.height_cm, m.weight_kg)
    return points === undefined ? 'no_norm' : { points }
  }
  const value = item === 'step_index' ? stepIndexOf(m) : m[ITEM_MEASURE[item]]
  if (!given(value)) return 'missing'
  const row = norm.rows.find((r) => r.sex === subject.sex && inSpan(subject.age, r.ages))
  return row ? { points: thresholdPoints(norm, row, value) } : 'no_norm'
}

export function gradeFitness(
  standard: FitnessStandard,
  subject: FitnessSubject,
  measurements: Measurements,
  options: { exempt?: FitnessItem[] } = {},
): FitnessGrading {
  const { id: standardId, ageRange } = standard
  if (!standard.sexes.includes(subject.sex)) return { covered: false, standardId, reason: 'sex_outside', ageRange }
  const band = Number.isInteger(subject.age) ? standard.ageBands.find((b) => inSpan(subject.age, b)) : undefined
  const group = standard.ageGroups.find((g) => inSpan(subject.age, g.ages))
  if (!band || !group) return { covered: false, standardId, reason: 'age_outside', ageRange }

  const exemptSet = new Set(options.exempt ?? [])
  const result = {
    applicable: [] as FitnessItem[],
    items: {} as Partial<Record<FitnessItem, number>>,
    notApplicable: [] as FitnessItem[],
    missing: [] as FitnessItem[],
    exempt: [] as FitnessItem[],
    zero: [] as FitnessItem[],
    noNorm: [] as FitnessItem[],
  }
  for (const item of FITNESS_ITEMS) {
    const norm = standard.items[item]
    if (!norm) continue
    if (!itemApplies(norm, subject)) {
      result.notApplicable.push(item)
      continue
    }
    result.applicable.push(item)
    if (exemptSet.has(item)) {
      result.exempt.push(item)
      continue
    }
    const outcome = scoreItem(norm, item, subject, measurements)
    if (outcome === 'missing') result.missing.push(item)
    else if (outcome === 'no_norm') result.noNorm.push(item)
    else {
      result.items[item] = outcome.points
      if (outcome.points === 0) result.zero.push(item)
    }
  }
  const total = Object.values(result.items).reduce((s, p) => s + p, 0)
  // Incomplete data first (the staff can finish it), then 无分, then a contraindication.
  const gradeWithheld: GradeWithheld | null =
    result.missing.length > 0 || result.noNorm.length > 0 ? 'missing' : result.zero.length > 0 ? 'zero' : result.exempt.length > 0 ? 'exempt' : null
  const cuts = group.grades
  const grade: FitnessGrade | null =
    gradeWithheld !== null ? null : total >= cuts.excellent ? 'excellent' : total >= cuts.good ? 'good' : total >= cuts.pass ? 'pass' : 'fail'
  return { covered: true, standardId, ageBand: band.id, ageGroup: group.ages.id, ...result, total, grade, gradeWithheld }
}
