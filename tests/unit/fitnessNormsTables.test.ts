/**
 * GTY-2003-adult against the reference tables: the file equals the reference rows (a second keying, copied verbatim),
 * and every threshold of every band, sex and item is graded on both sides — at the threshold (k points) and one step
 * of the printed precision short of it (k − 1; short of the 1-point threshold is 0, 无分). Hand-written cases from the
 * reference's cross-check text (§5.4) and the grade cut-offs of §5.2 follow.
 */
import { describe, expect, it } from 'vitest'
import { getFitnessStandard } from '../../electron/core/fitness/norms'
import { gradeFitness, ITEM_MEASURE, parseFitnessStandard, type FitnessItem, type Measurements, type Sex } from '../../electron/shared/domain/fitness'
import { REFERENCE_HEIGHT_ROWS, REFERENCE_ROWS, shift, stepOf } from './fixtures/fitness/referenceRows'

const standard = getFitnessStandard('GTY-2003-adult')!
const AGES_OF_BAND: Record<string, number[]> = {
  '20-24': [20, 24],
  '25-29': [25, 29],
  '30-34': [30, 34],
  '35-39': [35, 39],
  '40-44': [40, 44],
  '45-49': [45, 49],
  '50-54': [50, 54],
  '55-59': [55, 59],
}

const pointsOf = (item: FitnessItem, sex: Sex, age: number, m: Measurements) => {
  const g = gradeFitness(standard, { sex, age }, m)
  if (!g.covered) throw new Error('not covered')
  return g.items[item]
}

describe('GTY-2003-adult equals the reference tables', () => {
  it('has every reference row, value for value, and no other', () => {
    expect(REFERENCE_ROWS).toHaveLength(112)
    for (const ref of REFERENCE_ROWS) {
      const norm = standard.items[ref.item]!
      if (norm.kind === 'bell_by_height') throw new Error('threshold item expected')
      const rows = norm.rows.filter((r) => r.ages.id === ref.ages && r.sex === ref.sex)
      expect(rows.map((r) => r.thresholds), `${ref.item} ${ref.ages} ${ref.sex}`).toEqual([ref.cells.map(Number)])
    }
    const keyed = Object.values(standard.items).reduce((n, norm) => n + (norm.kind === 'bell_by_height' ? 0 : norm.rows.length), 0)
    expect(keyed).toBe(REFERENCE_ROWS.length)
  })

  it('has the reference height-standard-weight rows and no other', () => {
    expect(REFERENCE_HEIGHT_ROWS).toHaveLength(22)
    const hw = standard.items.height_weight!
    if (hw.kind !== 'bell_by_height') throw new Error('bell expected')
    for (const ref of REFERENCE_HEIGHT_ROWS) {
      const row = hw.rows.find((r) => r.ages.id === ref.ages && r.sex === ref.sex)!
      // The fifth printed column is "> the fourth": the same number, not a fifth threshold.
      expect(ref.cells[4]).toBe(`> ${ref.cells[3]}`)
      expect(row.heights[String(ref.cm)], `${ref.sex} ${ref.ages} ${ref.cm}`).toEqual(ref.cells.slice(0, 4).map(Number))
    }
    expect(hw.rows.reduce((n, r) => n + Object.keys(r.heights).length, 0)).toBe(REFERENCE_HEIGHT_ROWS.length)
  })

  it('takes 9 items at 20–39 and 7 at 40–59 (§5.1), push-ups for men and sit-ups for women 20–39 only', () => {
    const applicable = (sex: Sex, age: number) => {
      const g = gradeFitness(standard, { sex, age }, {})
      return g.covered ? g.applicable : []
    }
    const all9 = ['height_weight', 'vital_capacity', 'step_index', 'grip', 'vertical_jump', 'sit_and_reach', 'choice_reaction', 'single_leg_stand']
    expect(applicable('M', 39)).toEqual(expect.arrayContaining([...all9, 'push_ups']))
    expect(applicable('M', 39)).toHaveLength(9)
    expect(applicable('F', 20)).toEqual(expect.arrayContaining([...all9, 'sit_ups']))
    expect(applicable('F', 20)).toHaveLength(9)
    for (const sex of ['M', 'F'] as const) {
      expect(applicable(sex, 40)).toHaveLength(7)
      expect(applicable(sex, 59)).not.toContain('vertical_jump')
    }
  })
})

describe('every threshold of every item, band and sex, on both sides', () => {
  const cases = REFERENCE_ROWS.flatMap((ref) =>
    ref.cells.flatMap((cell, k) =>
      AGES_OF_BAND[ref.ages]!.map((age) => {
        const descending = ref.item === 'choice_reaction'
        const short = shift(cell, descending ? stepOf(cell) : -stepOf(cell))
        return { ...ref, age, k: k + 1, at: Number(cell), short }
      }),
    ),
  )
  it.each(cases)('$item $sex age $age: $at → $k points, $short → one less', ({ item, sex, age, k, at, short }) => {
    const measure = ITEM_MEASURE[item]
    expect(pointsOf(item, sex, age, { [measure]: at })).toBe(k)
    expect(pointsOf(item, sex, age, { [measure]: short })).toBe(k - 1)
  })
})

describe('hand-written cases from the reference text (§5.4 cross-checks)', () => {
  it.each([
    // "20–24 M: 1 pt 42.1–46.1, 2 pt 46.2–52.0, 3 pt 52.1–58.0, 4 pt 58.1–67.6, 5 pt >67.6"
    ['M', 22, [[42.0, 0], [42.1, 1], [46.1, 1], [46.2, 2], [52.0, 2], [52.1, 3], [58.0, 3], [58.1, 4], [67.6, 4], [67.7, 5]]],
    // "25–29 M: 42.1–46.1 / 46.2–51.9 / 52.0–58.3 / 58.4–68.1 / >68.1"
    ['M', 27, [[46.1, 1], [46.2, 2], [51.9, 2], [52.0, 3], [58.3, 3], [58.4, 4], [68.1, 4], [68.2, 5]]],
    // "30–34 F: 39.5–47.0 / 47.1–53.7 / 53.8–59.9 / 60.0–69.1 / >69.1"
    ['F', 30, [[39.4, 0], [39.5, 1], [47.0, 1], [47.1, 2], [53.7, 2], [53.8, 3], [59.9, 3], [60.0, 4], [69.1, 4], [69.2, 5]]],
  ] as const)('step index %s %i', (sex, age, pairs) => {
    for (const [value, points] of pairs) expect(pointsOf('step_index', sex, age, { step_index: value }), `${value}`).toBe(points)
  })

  it('push-ups men 20–24: >40 excellent, 28–40, 20–27, 13–19, 7–12', () => {
    const expected: Array<[number, number]> = [[41, 5], [40, 4], [28, 4], [27, 3], [20, 3], [19, 2], [13, 2], [12, 1], [7, 1], [6, 0], [0, 0]]
    for (const [reps, points] of expected) expect(pointsOf('push_ups', 'M', 21, { push_ups: reps }), `${reps}`).toBe(points)
  })

  it('sit-ups women 20–24: >36, 26–36, 16–25, 6–15, 1–5', () => {
    const expected: Array<[number, number]> = [[37, 5], [36, 4], [26, 4], [25, 3], [16, 3], [15, 2], [6, 2], [5, 1], [1, 1], [0, 0]]
    for (const [reps, points] of expected) expect(pointsOf('sit_ups', 'F', 24, { sit_ups: reps }), `${reps}`).toBe(points)
  })

  it('keeps the errata decisions: vertical jump F 20–24 5 pts at 30.1, sit-and-reach F 50–54 2 pts from −0.5, reaction F 25–29 2 pts up to 0.68', () => {
    expect(pointsOf('vertical_jump', 'F', 20, { vertical_jump_cm: 30.1 })).toBe(5)
    expect(pointsOf('vertical_jump', 'F', 20, { vertical_jump_cm: 30.0 })).toBe(4)
    expect(pointsOf('sit_and_reach', 'F', 52, { sit_and_reach_cm: -0.5 })).toBe(2)
    expect(pointsOf('sit_and_reach', 'F', 52, { sit_and_reach_cm: -0.6 })).toBe(1)
    expect(pointsOf('choice_reaction', 'F', 26, { choice_reaction_s: 0.68 })).toBe(2)
    expect(pointsOf('choice_reaction', 'F', 26, { choice_reaction_s: 0.69 })).toBe(1)
    expect(pointsOf('choice_reaction', 'F', 26, { choice_reaction_s: 0.83 })).toBe(0)
  })
})

describe('height-standard-weight: bell-shaped 1/3/5 by weight within the height row', () => {
  const cases = REFERENCE_HEIGHT_ROWS.flatMap((row) => {
    const [a, b, c, d] = row.cells as [string, string, string, string]
    const heights = [row.cm, row.cm + 0.9] // 165.0–165.9 is the 165 row
    return heights.map((height) => ({
      ...row,
      height,
      weights: [[shift(a, -0.1), 1], [Number(a), 3], [shift(b, -0.1), 3], [Number(b), 5], [Number(c), 5], [shift(c, 0.1), 3], [Number(d), 3], [shift(d, 0.1), 1]] as const,
    }))
  })
  it.each(cases)('$sex $ages height $height', ({ sex, height, weights }) => {
    for (const age of [20, 29]) {
      for (const [weight, points] of weights) expect(pointsOf('height_weight', sex, age, { height_cm: height, weight_kg: weight }), `${weight} kg`).toBe(points)
    }
  })

  it('has no norm for a height the reference does not list, or a band it does not give: not scored, no grade', () => {
    for (const [sex, age, height] of [['M', 25, 176], ['M', 25, 164.9], ['F', 22, 166], ['M', 30, 170], ['F', 45, 160]] as const) {
      const g = gradeFitness(standard, { sex, age }, { height_cm: height, weight_kg: 60 })
      if (!g.covered) throw new Error('covered expected')
      expect(g.items.height_weight).toBeUndefined()
      expect(g.noNorm).toEqual(['height_weight'])
      expect(g.missing).not.toContain('height_weight')
      expect(g.grade).toBeNull()
      expect(g.gradeWithheld).toBe('missing')
    }
  })
})

/** Values that give each item exactly `points` (height-weight only 5: 60 kg at 170 cm for men, 55 kg at 160 cm for women). */
function measurementsFor(sex: Sex, age: number, points: Partial<Record<FitnessItem, number>>): Measurements {
  const band = Object.entries(AGES_OF_BAND).find(([, [lo, hi]]) => age >= lo! && age <= hi!)![0]
  const m: Measurements = {}
  for (const [item, p] of Object.entries(points) as Array<[FitnessItem, number]>) {
    if (item === 'height_weight') {
      if (p !== 5) throw new Error('only 5 height-weight points are built here')
      Object.assign(m, sex === 'M' ? { height_cm: 170, weight_kg: 60 } : { height_cm: 160, weight_kg: 55 })
      continue
    }
    const ref = REFERENCE_ROWS.find((r) => r.item === item && r.ages === band && r.sex === sex)!
    m[ITEM_MEASURE[item]] = p === 0 ? shift(ref.cells[0]!, item === 'choice_reaction' ? 0.5 : -stepOf(ref.cells[0]!)) : Number(ref.cells[p - 1])
  }
  return m
}

/** Points per applicable item adding up to `total` (each 1…5, height-weight 5). */
function spread(items: FitnessItem[], total: number): Partial<Record<FitnessItem, number>> {
  const points: Partial<Record<FitnessItem, number>> = { height_weight: 5 }
  let left = total - 5
  const others = items.filter((i) => i !== 'height_weight')
  others.forEach((item, i) => {
    const p = Math.min(5, Math.max(1, left - (others.length - i - 1)))
    points[item] = p
    left -= p
  })
  if (left !== 0) throw new Error(`cannot spread ${total}`)
  return points
}

/** The parsed standard back in file shape (age spans as "20-24"). */
const asFile = (s: unknown) =>
  JSON.parse(JSON.stringify(s, (_k, v: unknown) => (v && typeof v === 'object' && 'id' in v && 'min' in v && 'max' in v ? (v as { id: string }).id : v))) as {
    items: { height_weight: { rows: Array<{ ages: string; heights: Record<string, number[]> }> } }
  }

describe('composite grade cut-offs (§5.2)', () => {
  // The shipped file has height-weight rows for 20–29 only; a test-only copy adds 160 and 170 cm rows
  // ([50, 55, 70, 75]: 55 and 60 kg → 5) to the other bands, so the cut-offs of 30–39 and 40–59 are graded too.
  const file = asFile(standard)
  for (const row of file.items.height_weight.rows) {
    if (row.ages !== '20-29') row.heights = { 160: [50, 55, 70, 75], 170: [50, 55, 70, 75] }
  }
  const filled = parseFitnessStandard(file, 'test copy with height rows in every band')

  it.each([
    ['M', 22, 22, 'fail'], ['M', 22, 23, 'pass'], ['M', 22, 29, 'pass'], ['M', 22, 30, 'good'], ['M', 22, 33, 'good'], ['M', 22, 34, 'excellent'], ['M', 22, 45, 'excellent'],
    ['F', 37, 22, 'fail'], ['F', 37, 23, 'pass'], ['F', 37, 29, 'pass'], ['F', 37, 30, 'good'], ['F', 37, 33, 'good'], ['F', 37, 34, 'excellent'],
    ['M', 40, 17, 'fail'], ['M', 40, 18, 'pass'], ['M', 40, 23, 'pass'], ['M', 40, 24, 'good'], ['M', 40, 26, 'good'], ['M', 40, 27, 'excellent'], ['M', 40, 35, 'excellent'],
    ['F', 59, 17, 'fail'], ['F', 59, 18, 'pass'], ['F', 59, 23, 'pass'], ['F', 59, 24, 'good'], ['F', 59, 26, 'good'], ['F', 59, 27, 'excellent'],
  ] as const)('%s age %i total %i → %s', (sex, age, total, grade) => {
    const g0 = gradeFitness(filled, { sex, age }, {})
    if (!g0.covered) throw new Error('covered expected')
    const g = gradeFitness(filled, { sex, age }, measurementsFor(sex, age, spread(g0.applicable, total)))
    if (!g.covered) throw new Error('covered expected')
    expect(g.total).toBe(total)
    expect(g.gradeWithheld).toBeNull()
    expect(g.grade).toBe(grade)
    expect(g.ageGroup).toBe(age < 40 ? '20-39' : '40-59')
  })

  it('grades the shipped file itself where its height rows reach (men and women 20–29)', () => {
    for (const [sex, total, grade] of [['M', 23, 'pass'], ['M', 22, 'fail'], ['F', 34, 'excellent'], ['F', 33, 'good']] as const) {
      const applicable = (gradeFitness(standard, { sex, age: 25 }, {}) as { applicable: FitnessItem[] }).applicable
      const g = gradeFitness(standard, { sex, age: 25 }, measurementsFor(sex, 25, spread(applicable, total)))
      expect(g).toMatchObject({ covered: true, total, grade, gradeWithheld: null })
    }
  })

  it('gives no grade when an item scores 0 (无分), whatever the total', () => {
    const applicable = (gradeFitness(standard, { sex: 'M', age: 25 }, {}) as { applicable: FitnessItem[] }).applicable
    const points = { ...spread(applicable, 40), grip: 0 }
    const g = gradeFitness(standard, { sex: 'M', age: 25 }, measurementsFor('M', 25, points))
    expect(g).toMatchObject({ covered: true, total: 40 - 5, grade: null, gradeWithheld: 'zero', zero: ['grip'] })
    if (g.covered) expect(g.items.grip).toBe(0)
  })
})
