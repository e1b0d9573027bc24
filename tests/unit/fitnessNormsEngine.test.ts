/**
 * The grading engine's rules apart from the tables: who is covered, not applicable vs missing vs exempt, the step
 * index, the plausibility check, and invariants over any input (fast-check).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getFitnessStandard } from '../../electron/core/fitness/norms'
import {
  applicableItems,
  FITNESS_ITEMS,
  gradeFitness,
  ITEM_MEASURE,
  measureProblem,
  stepIndex,
  type FitnessItem,
  type Measurements,
} from '../../electron/shared/domain/fitness'

const standard = getFitnessStandard('GTY-2003-adult')!

/** A man of 25 with every item at 3 points (height-weight 5). */
const MAN_25: Measurements = {
  height_cm: 170,
  weight_kg: 60,
  vital_capacity_ml: 3460,
  step_index: 52.0,
  grip_kg: 44.9,
  push_ups: 18,
  vertical_jump_cm: 31.4,
  sit_and_reach_cm: 7.9,
  choice_reaction_s: 0.51,
  single_leg_stand_s: 15,
}

const covered = (g: ReturnType<typeof gradeFitness>) => {
  if (!g.covered) throw new Error('covered expected')
  return g
}

describe('who the standard covers', () => {
  it.each([19, 60, 75, 0, 25.5])('age %s → not covered, never a grade', (age) => {
    expect(gradeFitness(standard, { sex: 'M', age }, MAN_25)).toEqual({
      covered: false,
      standardId: 'GTY-2003-adult',
      reason: 'age_outside',
      ageRange: { min: 20, max: 59 },
    })
  })

  it('covers 20 and 59, with their band and group', () => {
    expect(covered(gradeFitness(standard, { sex: 'F', age: 20 }, {}))).toMatchObject({ ageBand: '20-24', ageGroup: '20-39' })
    expect(covered(gradeFitness(standard, { sex: 'F', age: 59 }, {}))).toMatchObject({ ageBand: '55-59', ageGroup: '40-59' })
    expect(covered(gradeFitness(standard, { sex: 'M', age: 39 }, {}))).toMatchObject({ ageBand: '35-39', ageGroup: '20-39' })
    expect(covered(gradeFitness(standard, { sex: 'M', age: 40 }, {}))).toMatchObject({ ageBand: '40-44', ageGroup: '40-59' })
  })
})

describe('not applicable, missing, exempt and 无分 are kept apart', () => {
  it('grades a complete man of 25: 5 + 8 × 3 = 29, pass', () => {
    const g = covered(gradeFitness(standard, { sex: 'M', age: 25 }, MAN_25))
    expect(g).toMatchObject({ total: 29, grade: 'pass', gradeWithheld: null, notApplicable: ['sit_ups'], missing: [], exempt: [], zero: [] })
    expect(Object.keys(g.items)).toEqual(g.applicable)
  })

  it('push-ups are not applicable to a woman: not missing, not scored even if typed', () => {
    const g = covered(gradeFitness(standard, { sex: 'F', age: 25 }, { push_ups: 30 }))
    expect(g.notApplicable).toEqual(['push_ups'])
    expect(g.missing).not.toContain('push_ups')
    expect(g.items.push_ups).toBeUndefined()
    expect(g.missing).toContain('sit_ups')
  })

  it('at 40–59 push-ups, sit-ups and vertical jump are not applicable; the other 7 are', () => {
    const g = covered(gradeFitness(standard, { sex: 'M', age: 45 }, {}))
    expect(g.notApplicable).toEqual(['push_ups', 'sit_ups', 'vertical_jump'])
    expect(g.missing).toEqual(g.applicable)
    expect(g.applicable).toEqual(applicableItems(standard, { sex: 'M', age: 45 }))
    expect(g).toMatchObject({ total: 0, grade: null, gradeWithheld: 'missing' })
  })

  it('a missing item withholds the grade as missing; the scored items still show', () => {
    const { grip_kg: _grip, ...rest } = MAN_25
    const g = covered(gradeFitness(standard, { sex: 'M', age: 25 }, rest))
    expect(g).toMatchObject({ missing: ['grip'], grade: null, gradeWithheld: 'missing', total: 26 })
  })

  it('height-weight needs both height and weight', () => {
    const { weight_kg: _w, ...rest } = MAN_25
    expect(covered(gradeFitness(standard, { sex: 'M', age: 25 }, rest)).missing).toEqual(['height_weight'])
  })

  it('an exempt item (contraindication) is shown as exempt, not missing, and withholds the grade', () => {
    const { step_index: _s, ...rest } = MAN_25
    const g = covered(gradeFitness(standard, { sex: 'M', age: 25 }, rest, { exempt: ['step_index'] }))
    expect(g).toMatchObject({ exempt: ['step_index'], missing: [], grade: null, gradeWithheld: 'exempt', total: 26 })
    expect(g.items.step_index).toBeUndefined()
  })

  it('exempting an item the person does not take changes nothing', () => {
    const g = covered(gradeFitness(standard, { sex: 'M', age: 25 }, MAN_25, { exempt: ['sit_ups'] }))
    expect(g).toMatchObject({ exempt: [], grade: 'pass', notApplicable: ['sit_ups'] })
  })

  it('a value short of the 1-point threshold scores 0 (无分): no grade', () => {
    const g = covered(gradeFitness(standard, { sex: 'M', age: 25 }, { ...MAN_25, vital_capacity_ml: 2325 }))
    expect(g).toMatchObject({ zero: ['vital_capacity'], grade: null, gradeWithheld: 'zero', total: 26 })
    expect(g.items.vital_capacity).toBe(0)
  })

  it('missing is reported before 无分, and 无分 before exempt', () => {
    const { grip_kg: _g, ...rest } = MAN_25
    const both = covered(gradeFitness(standard, { sex: 'M', age: 25 }, { ...rest, push_ups: 0 }, { exempt: ['step_index'] }))
    expect(both).toMatchObject({ missing: ['grip'], zero: ['push_ups'], exempt: ['step_index'], gradeWithheld: 'missing' })
    const zeroAndExempt = covered(gradeFitness(standard, { sex: 'M', age: 25 }, { ...MAN_25, push_ups: 0 }, { exempt: ['step_index'] }))
    expect(zeroAndExempt.gradeWithheld).toBe('zero')
  })

  it('treats a non-finite number as not measured', () => {
    expect(covered(gradeFitness(standard, { sex: 'M', age: 25 }, { ...MAN_25, grip_kg: Number.NaN })).missing).toEqual(['grip'])
  })
})

describe('step index = duration × 100 ÷ (2 × sum of three pulse counts), one decimal', () => {
  it.each([
    [180, [50, 45, 40], 66.7], // 18000 / 270 = 66.67
    [180, [48, 48, 48], 62.5], // 18000 / 288, exact
    [180, [55, 54, 51], 56.3], // 18000 / 320 = 56.25, half up
    [150, [60, 55, 50], 45.5], // a stop at 150 s: 15000 / 330 = 45.45…
    [180, [30, 30, 30], 100],
  ] as const)('%i s, pulses %j → %d', (duration, pulses, index) => {
    expect(stepIndex(duration, [...pulses])).toBe(index)
  })

  it('grades from the duration and pulses when no index is typed, and the typed index wins', () => {
    const { step_index: _s, ...rest } = MAN_25
    const fromPulses = covered(gradeFitness(standard, { sex: 'M', age: 22 }, { ...rest, step_duration_s: 180, step_pulse_1: 46, step_pulse_2: 44, step_pulse_3: 40 }))
    expect(fromPulses.items.step_index).toBe(5) // 18000 / 260 = 69.2; 20–24 M: 5 pts from 67.7
    const direct = covered(gradeFitness(standard, { sex: 'M', age: 22 }, { ...rest, step_index: 69.2 }))
    expect(fromPulses.items.step_index).toBe(direct.items.step_index)
    const both = covered(gradeFitness(standard, { sex: 'M', age: 22 }, { ...rest, step_index: 42.0, step_duration_s: 180, step_pulse_1: 46, step_pulse_2: 44, step_pulse_3: 40 }))
    expect(both.items.step_index).toBe(0)
    const twoPulses = covered(gradeFitness(standard, { sex: 'M', age: 22 }, { ...rest, step_duration_s: 180, step_pulse_1: 46, step_pulse_2: 44 }))
    expect(twoPulses.missing).toEqual(['step_index'])
  })

  it('with the factor 2 the index of a full test spans the bands (20–24 M: 5 pts > 67.6); without it every plausible test would score 5', () => {
    // Three 30-s counts after a 3-min test of 35–60 beats each (heart rate 70–120): sums 105–180.
    const row = (standard.items.step_index as { rows: Array<{ ages: { id: string }; sex: string; thresholds: number[] }> }).rows.find(
      (r) => r.ages.id === '20-24' && r.sex === 'M',
    )!
    const indices = [105, 130, 150, 180].map((sum) => stepIndex(180, [sum / 3, sum / 3, sum / 3]))
    expect(indices).toEqual([85.7, 69.2, 60, 50])
    expect(indices[0]).toBeGreaterThan(67.6) // a fast recovery reaches 5 points
    expect(indices[3]).toBeLessThan(row.thresholds[3]!) // a slow one does not reach 4
    const withoutFactor2 = [105, 180].map((sum) => (180 * 100) / sum)
    for (const i of withoutFactor2) expect(i).toBeGreaterThan(row.thresholds[4]! + 30)
  })
})

describe('plausible values (the product’s sanity bounds, not the standard)', () => {
  it.each([
    ['vital_capacity_ml', 40000, { code: 'implausible', min: 300, max: 9000 }],
    ['choice_reaction_s', 12, { code: 'implausible', min: 0.15, max: 3 }],
    ['height_cm', 17.5, { code: 'implausible', min: 120, max: 230 }],
    ['grip_kg', Number.NaN, { code: 'implausible', min: 1, max: 120 }],
    ['grip_kg', 45.25, { code: 'decimals', decimals: 1 }],
    ['push_ups', 20.5, { code: 'decimals', decimals: 0 }],
    ['choice_reaction_s', 0.456, { code: 'decimals', decimals: 2 }],
    ['grip_kg', 45.2, null],
    ['sit_and_reach_cm', -11.2, null],
    ['vital_capacity_ml', 9000, null],
    ['vital_capacity_ml', 300, null],
  ] as const)('%s %d → %j', (measure, value, problem) => {
    expect(measureProblem(standard, measure, value)).toEqual(problem)
  })
})

describe('invariants (fast-check)', () => {
  const subject = fc.record({ sex: fc.constantFrom('M' as const, 'F' as const), age: fc.integer({ min: 20, max: 59 }) })
  const scored = FITNESS_ITEMS.filter((i): i is Exclude<FitnessItem, 'height_weight'> => i !== 'height_weight')
  const value = fc.double({ min: -50, max: 10000, noNaN: true })

  it('points are whole numbers 0–5, height-weight only 1, 3 or 5; the total is their sum; a grade only when nothing is withheld', () => {
    const measurements = fc.record(
      Object.fromEntries([...scored.map((i) => [ITEM_MEASURE[i], value]), ['height_cm', fc.double({ min: 150, max: 180, noNaN: true })], ['weight_kg', fc.double({ min: 30, max: 120, noNaN: true })]]),
      { requiredKeys: [] },
    ) as fc.Arbitrary<Measurements>
    fc.assert(
      fc.property(subject, measurements, fc.subarray([...FITNESS_ITEMS]), (who, m, exempt) => {
        const g = covered(gradeFitness(standard, who, m, { exempt }))
        for (const [item, p] of Object.entries(g.items)) {
          expect(Number.isInteger(p) && p >= 0 && p <= 5).toBe(true)
          if (item === 'height_weight') expect([1, 3, 5]).toContain(p)
        }
        expect(g.total).toBe(Object.values(g.items).reduce((s, p) => s + p, 0))
        expect(g.grade === null).toBe(g.gradeWithheld !== null)
        // Every item the standard has is in exactly one place.
        const placed = [...g.notApplicable, ...g.missing, ...g.exempt, ...g.noNorm, ...Object.keys(g.items)]
        expect(placed.sort()).toEqual([...FITNESS_ITEMS].sort())
      }),
      { numRuns: 300 },
    )
  })

  it('more is never fewer points for ascending items, and a slower reaction never more', () => {
    fc.assert(
      fc.property(subject, fc.constantFrom(...scored), value, value, (who, item, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        const points = (v: number) => covered(gradeFitness(standard, who, { [ITEM_MEASURE[item]]: v })).items[item]
        if (points(lo) === undefined) return // not applicable to this person
        if (item === 'choice_reaction') expect(points(lo)!).toBeGreaterThanOrEqual(points(hi)!)
        else expect(points(hi)!).toBeGreaterThanOrEqual(points(lo)!)
      }),
      { numRuns: 500 },
    )
  })
})
