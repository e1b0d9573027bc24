/**
 * The generic scoring engine against the shipped definitions (domain-reference §4). Every expected number is worked out
 * by hand from the reference, with the arithmetic beside it; the engine is never used to make an expectation.
 *
 *   PHQ-9: total 0–27; 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe; item 9 > 0 flags.
 *   GAD-7: total 0–21; 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe (D10).
 *   SDS:   20 items 1–4, reverse 2 5 6 11 12 14 16 17 18 20; standard = raw × 1.25, truncated (default) or rounded (D6);
 *          SDS_CN_53 <53 / 53–62 / 63–72 / ≥73; SDS_ZUNG_50 <50 / 50–59 / 60–69 / ≥70 (D5).
 *   SAS:   20 items 1–4, reverse 5 9 13 17 19; SAS_CN_50 <50 / 50–59 / 60–69 / ≥70.
 *   SCL-90: 1–5; total, GSI = total / 90, positive items = count ≥ 2, positive-symptom mean = (total − negatives) /
 *          positives; factor = mean of its items; screen positive if total > 160 or positives > 43 or a factor ≥ 2 (D3).
 */
import { describe, expect, it } from 'vitest'
import { getInstrument } from '../../electron/core/psych/instruments'
import { parseInstrument, scoreInstrument, ScoringInputError, type Instrument, type InstrumentInput, type RoundingMode } from '../../electron/shared/domain/instruments'

function instrument(id: string): Instrument {
  const found = getInstrument(id)
  if (!found) throw new Error(`no instrument ${id}`)
  return found
}
const PHQ9 = instrument('phq9')
const GAD7 = instrument('gad7')
const SCL90 = instrument('scl90')
const SDS = instrument('zung_sds')
const SAS = instrument('zung_sas')

const SDS_REVERSE = [2, 5, 6, 11, 12, 14, 16, 17, 18, 20]
const SAS_REVERSE = [5, 9, 13, 17, 19]

const flagIds = (r: { flags: Array<{ id: string }> }) => r.flags.map((f) => f.id)

describe('PHQ-9', () => {
  it.each([
    // answers, total (sum written out), band, fired flags
    [[0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 'minimal', []], // 0
    [[1, 1, 1, 1, 0, 0, 0, 0, 0], 4, 'minimal', []], // 1+1+1+1
    [[1, 1, 1, 1, 1, 0, 0, 0, 0], 5, 'mild', []], // 5 × 1
    [[2, 1, 1, 1, 1, 1, 1, 1, 0], 9, 'mild', []], // 2 + 7 × 1
    [[2, 2, 1, 1, 1, 1, 1, 1, 0], 10, 'moderate', []], // 2+2 + 6 × 1
    [[2, 2, 2, 2, 2, 2, 1, 1, 0], 14, 'moderate', []], // 6 × 2 + 2 × 1
    [[2, 2, 2, 2, 2, 2, 2, 1, 0], 15, 'moderately_severe', ['severe_band']], // 7 × 2 + 1
    [[3, 3, 3, 2, 2, 2, 2, 2, 0], 19, 'moderately_severe', ['severe_band']], // 3 × 3 + 5 × 2
    [[3, 3, 3, 3, 2, 2, 2, 2, 0], 20, 'severe', ['severe_band']], // 4 × 3 + 4 × 2
    [[3, 3, 3, 3, 3, 3, 3, 3, 3], 27, 'severe', ['suicide_item', 'severe_band']], // 9 × 3; item 9 = 3 > 0
  ])('%j → total %i, %s, flags %j', (answers, total, band, flags) => {
    const r = scoreInstrument(PHQ9, answers)
    expect(r.scores).toEqual({ total })
    expect(r.band?.id).toBe(band)
    expect(flagIds(r)).toEqual(flags)
    expect(r.cutoffSetId).toBe('PHQ9_STANDARD')
  })

  it('item 9 > 0 flags a clinician task even when the total is 1 (minimal)', () => {
    const r = scoreInstrument(PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, 1]) // total 1
    expect(r.scores.total).toBe(1)
    expect(r.band).toMatchObject({ id: 'minimal', severity: 0 })
    expect(r.flags).toEqual([{ id: 'suicide_item', label: expect.objectContaining({ zh: expect.any(String), en: expect.any(String) }), createsTask: true }])
  })

  it('item 9 = 0 raises no item flag whatever the total', () => {
    const r = scoreInstrument(PHQ9, [3, 3, 3, 3, 3, 3, 3, 3, 0]) // 8 × 3 = 24 → severe
    expect(r.band?.id).toBe('severe')
    expect(flagIds(r)).toEqual(['severe_band'])
  })

  it('a severe band carries a bilingual interpretation that recommends clinician follow-up', () => {
    const r = scoreInstrument(PHQ9, [3, 3, 3, 3, 3, 3, 3, 3, 0])
    expect(r.band?.severity).toBe(4)
    expect(r.band?.interpretation.en).toMatch(/not a diagnosis/)
    expect(r.band?.interpretation.en).toMatch(/clinician/)
    expect(r.band?.interpretation.zh).toMatch(/不是诊断/)
  })
})

describe('GAD-7', () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0], 0, 'minimal', []],
    [[1, 1, 1, 1, 0, 0, 0], 4, 'minimal', []], // 4 × 1
    [[1, 1, 1, 1, 1, 0, 0], 5, 'mild', []], // 5 × 1
    [[2, 2, 2, 1, 1, 1, 0], 9, 'mild', []], // 3 × 2 + 3 × 1
    [[2, 2, 2, 1, 1, 1, 1], 10, 'moderate', []], // 3 × 2 + 4 × 1
    [[2, 2, 2, 2, 2, 2, 2], 14, 'moderate', []], // 7 × 2
    [[3, 2, 2, 2, 2, 2, 2], 15, 'severe', ['severe_band']], // 3 + 6 × 2: 15 is severe, not ">15" (D10)
    [[3, 3, 3, 3, 3, 3, 3], 21, 'severe', ['severe_band']], // 7 × 3
  ])('%j → total %i, %s', (answers, total, band, flags) => {
    const r = scoreInstrument(GAD7, answers)
    expect(r.scores).toEqual({ total })
    expect(r.band?.id).toBe(band)
    expect(flagIds(r)).toEqual(flags)
  })
})

/**
 * Answers (as circled) giving the wanted raw score: scored values start at 1 on every item (raw 20) and are raised to at
 * most 4 from item 1 on; a reverse item's circled answer is then 5 − scored.
 */
function zungAnswers(reverse: number[], raw: number): number[] {
  let extra = raw - 20
  return Array.from({ length: 20 }, (_, i) => {
    const add = Math.min(3, extra)
    extra -= add
    const scored = 1 + add
    return reverse.includes(i + 1) ? 5 - scored : scored
  })
}

describe('Zung SDS', () => {
  it('all answers 1: raw = 10 × 1 (forward) + 10 × 4 (reversed) = 50; 50 × 1.25 = 62.5 → 62; CN_53 mild', () => {
    const r = scoreInstrument(SDS, Array(20).fill(1))
    expect(r.scored).toEqual(Array.from({ length: 20 }, (_, i) => (SDS_REVERSE.includes(i + 1) ? 4 : 1)))
    expect(r.scores).toEqual({ raw: 50, standardScore: 62 })
    expect(r.band?.id).toBe('mild')
    expect(r.cutoffSetId).toBe('SDS_CN_53')
    expect(r.rounding).toBe('truncate')
  })

  it('all answers 4: raw = 10 × 4 + 10 × 1 = 50 as well', () => {
    expect(scoreInstrument(SDS, Array(20).fill(4)).scores.raw).toBe(50)
  })

  it('reverse items map v → 5 − v: answer 2 on item 2 scores 3, answer 2 on item 1 scores 2', () => {
    const answers = Array(20).fill(1)
    answers[0] = 2
    answers[1] = 2
    const r = scoreInstrument(SDS, answers)
    expect(r.scored.slice(0, 2)).toEqual([2, 3])
    expect(r.answers).toEqual(answers) // as given
    expect(r.scores.raw).toBe(50) // all-1 gives 50; item 1 scores +1 (1 → 2), item 2 scores −1 (4 → 3)
  })

  it.each([
    // raw, cut-off set, rounding, standard score (raw × 1.25 → truncate / round half up), band
    [20, 'SDS_CN_53', 'truncate', 25, 'normal'], // 25.00
    [42, 'SDS_CN_53', 'truncate', 52, 'normal'], // 52.5 → 52
    [42, 'SDS_CN_53', 'round_half_up', 53, 'mild'], // 52.5 → 53
    [43, 'SDS_CN_53', 'truncate', 53, 'mild'], // 53.75 → 53
    [43, 'SDS_CN_53', 'round_half_up', 54, 'mild'], // 53.75 → 54
    [50, 'SDS_CN_53', 'truncate', 62, 'mild'], // 62.5 → 62
    [50, 'SDS_CN_53', 'round_half_up', 63, 'moderate'], // 62.5 → 63
    [51, 'SDS_CN_53', 'truncate', 63, 'moderate'], // 63.75 → 63
    [58, 'SDS_CN_53', 'truncate', 72, 'moderate'], // 72.5 → 72
    [58, 'SDS_CN_53', 'round_half_up', 73, 'severe'], // 72.5 → 73
    [59, 'SDS_CN_53', 'truncate', 73, 'severe'], // 73.75 → 73
    [80, 'SDS_CN_53', 'truncate', 100, 'severe'], // 100
    [39, 'SDS_ZUNG_50', 'truncate', 48, 'normal'], // 48.75 → 48
    [39, 'SDS_ZUNG_50', 'round_half_up', 49, 'normal'], // 48.75 → 49
    [40, 'SDS_ZUNG_50', 'truncate', 50, 'mild'], // 50.00
    [40, 'SDS_ZUNG_50', 'round_half_up', 50, 'mild'],
    [42, 'SDS_ZUNG_50', 'truncate', 52, 'mild'], // 52.5 → 52 (normal under CN_53)
    [47, 'SDS_ZUNG_50', 'truncate', 58, 'mild'], // 58.75 → 58
    [47, 'SDS_ZUNG_50', 'round_half_up', 59, 'mild'], // 58.75 → 59
    [48, 'SDS_ZUNG_50', 'truncate', 60, 'moderate'], // 60.00
    [55, 'SDS_ZUNG_50', 'truncate', 68, 'moderate'], // 68.75 → 68
    [55, 'SDS_ZUNG_50', 'round_half_up', 69, 'moderate'], // 68.75 → 69
    [56, 'SDS_ZUNG_50', 'truncate', 70, 'severe'], // 70.00
    [56, 'SDS_ZUNG_50', 'round_half_up', 70, 'severe'],
    [80, 'SDS_ZUNG_50', 'round_half_up', 100, 'severe'],
  ] as const)('raw %i under %s (%s) → standard %i, %s', (raw, cutoffSetId, rounding, standardScore, band) => {
    const r = scoreInstrument(SDS, zungAnswers(SDS_REVERSE, raw), { cutoffSetId, rounding })
    expect(r.scores).toEqual({ raw, standardScore })
    expect(r.band?.id).toBe(band)
    expect(r.cutoffSetId).toBe(cutoffSetId)
    expect(r.rounding).toBe(rounding)
    expect(flagIds(r)).toEqual(band === 'severe' ? ['severe_band'] : [])
  })

  it('the severe band recommends clinician follow-up', () => {
    const r = scoreInstrument(SDS, zungAnswers(SDS_REVERSE, 80))
    expect(r.band?.interpretation.en).toMatch(/clinician follow-up/)
    expect(r.flags[0]).toMatchObject({ id: 'severe_band', createsTask: true })
  })
})

describe('Zung SAS', () => {
  it.each([
    // raw, rounding, standard, band under SAS_CN_50 (the only set, the default)
    [20, 'truncate', 25, 'normal'], // 25.00
    [39, 'truncate', 48, 'normal'], // 48.75 → 48
    [39, 'round_half_up', 49, 'normal'], // 48.75 → 49
    [40, 'truncate', 50, 'mild'], // 50.00
    [47, 'truncate', 58, 'mild'], // 58.75 → 58
    [47, 'round_half_up', 59, 'mild'], // 58.75 → 59
    [48, 'truncate', 60, 'moderate'], // 60.00
    [55, 'truncate', 68, 'moderate'], // 68.75 → 68
    [55, 'round_half_up', 69, 'moderate'], // 68.75 → 69
    [56, 'truncate', 70, 'severe'], // 70.00
    [80, 'truncate', 100, 'severe'], // 100
  ] as const)('raw %i (%s) → standard %i, %s', (raw, rounding, standardScore, band) => {
    const r = scoreInstrument(SAS, zungAnswers(SAS_REVERSE, raw), { rounding })
    expect(r.scores).toEqual({ raw, standardScore })
    expect(r.band?.id).toBe(band)
    expect(r.cutoffSetId).toBe('SAS_CN_50')
    expect(flagIds(r)).toEqual(band === 'severe' ? ['severe_band'] : [])
  })

  it('all answers 1: raw = 15 × 1 + 5 × 4 = 35; 43.75 → 43, normal', () => {
    const r = scoreInstrument(SAS, Array(20).fill(1))
    expect(r.scored).toEqual(Array.from({ length: 20 }, (_, i) => (SAS_REVERSE.includes(i + 1) ? 4 : 1)))
    expect(r.scores).toEqual({ raw: 35, standardScore: 43 })
    expect(r.band?.id).toBe('normal')
  })
})

/** 90 answers of 1 with the given items changed. */
function scl(changes: Record<number, number> = {}): number[] {
  const answers = Array<number>(90).fill(1)
  for (const [item, value] of Object.entries(changes)) answers[Number(item) - 1] = value
  return answers
}
const setAll = (items: number[], value: number) => Object.fromEntries(items.map((k) => [k, value]))

const ALL_ONES_FACTORS = {
  somatization: 1,
  obsessive_compulsive: 1,
  interpersonal_sensitivity: 1,
  depression: 1,
  anxiety: 1,
  hostility: 1,
  phobic_anxiety: 1,
  paranoid_ideation: 1,
  psychoticism: 1,
  additional: 1,
}

/**
 * Total 170 with every factor just under 2 and 25 positive items: in each factor, items raised by n − 1 in all.
 *   somatization 1→5, 4→5, 12→4 (+11 → 23/12 = 1.9167 → 1.92)   obsessive 3→5, 9→5, 10→2 (+9 → 19/10 = 1.90)
 *   interpersonal 6→5, 21→5 (+8 → 17/9 = 1.889 → 1.89)          depression 5→5, 14→5, 15→5 (+12 → 25/13 = 1.923 → 1.92)
 *   anxiety 2→5, 17→5, 23→2 (+9 → 1.90)                          hostility 11→5, 24→2 (+5 → 11/6 = 1.833 → 1.83)
 *   phobic 13→5, 25→3 (+6 → 13/7 = 1.857 → 1.86)                paranoid 8→5, 18→2 (+5 → 11/6 → 1.83)
 *   psychoticism 7→5, 16→5, 35→2 (+9 → 1.90)                    additional 19→5, 44→3 (+6 → 13/7 → 1.86)
 * Extra 11+9+8+12+9+5+6+5+9+6 = 80 → total 90 + 80 = 170.
 */
const TOTAL_170 = {
  1: 5, 4: 5, 12: 4, 3: 5, 9: 5, 10: 2, 6: 5, 21: 5, 5: 5, 14: 5, 15: 5, 2: 5, 17: 5, 23: 2,
  11: 5, 24: 2, 13: 5, 25: 3, 8: 5, 18: 2, 7: 5, 16: 5, 35: 2, 19: 5, 44: 3,
}
/** TOTAL_170 less 10: item 12 → 1 (−3), 15 → 1 (−4), 10 → 1 (−1), 24 → 1 (−1), 18 → 1 (−1): total 160, 20 positives. */
const TOTAL_160 = { ...TOTAL_170, 12: 1, 15: 1, 10: 1, 24: 1, 18: 1 }
/** TOTAL_160 with item 10 back to 2: total 161; obsessive back to 19/10 = 1.90. */
const TOTAL_161 = { ...TOTAL_160, 10: 2 }

/**
 * 43 items at 2, never all items of a factor (so every factor stays below 2): the first k items of each factor,
 * k = 5 somatization, 5 obsessive, 4 interpersonal, 6 depression, 5 anxiety, 3 hostility, 3 phobic, 3 paranoid,
 * 5 psychoticism, 4 additional = 43. Total 90 + 43 = 133.
 */
const POSITIVE_43 = setAll(
  [
    ...[1, 4, 12, 27, 40],
    ...[3, 9, 10, 28, 38],
    ...[6, 21, 34, 36],
    ...[5, 14, 15, 20, 22, 26],
    ...[2, 17, 23, 33, 39],
    ...[11, 24, 63],
    ...[13, 25, 47],
    ...[8, 18, 43],
    ...[7, 16, 35, 62, 77],
    ...[19, 44, 59, 60],
  ],
  2,
)
/** Plus depression item 29: 44 positives, total 134, depression (13 + 7) / 13 = 20/13 = 1.538 → 1.54. */
const POSITIVE_44 = { ...POSITIVE_43, 29: 2 }

describe('SCL-90', () => {
  it('all answers 1: total 90, GSI 1.00, no positive items, positive-symptom mean 0, factors 1.00, not positive', () => {
    const r = scoreInstrument(SCL90, scl())
    expect(r.scores).toEqual({ total: 90, gsi: 1, positiveItems: 0, negativeItems: 90, positiveSymptomMean: 0 })
    expect(r.factors).toEqual(ALL_ONES_FACTORS)
    expect(r.band).toBeNull()
    expect(r.cutoffSetId).toBeNull()
    expect(r.flags).toEqual([])
  })

  it('each factor takes its own items from the §4.1 table (not consecutive blocks)', () => {
    // Every item gets a value set by its factor: 躯体化 2, 强迫 3, 人际 4, 抑郁 5, 焦虑 1, 敌对 2, 恐怖 3, 偏执 4, 精神病性 5, 其他 1.
    const answers = scl({
      ...setAll([1, 4, 12, 27, 40, 42, 48, 49, 52, 53, 56, 58], 2),
      ...setAll([3, 9, 10, 28, 38, 45, 46, 51, 55, 65], 3),
      ...setAll([6, 21, 34, 36, 37, 41, 61, 69, 73], 4),
      ...setAll([5, 14, 15, 20, 22, 26, 29, 30, 31, 32, 54, 71, 79], 5),
      ...setAll([2, 17, 23, 33, 39, 57, 72, 78, 80, 86], 1),
      ...setAll([11, 24, 63, 67, 74, 81], 2),
      ...setAll([13, 25, 47, 50, 70, 75, 82], 3),
      ...setAll([8, 18, 43, 68, 76, 83], 4),
      ...setAll([7, 16, 35, 62, 77, 84, 85, 87, 88, 90], 5),
      ...setAll([19, 44, 59, 60, 64, 66, 89], 1),
    })
    const r = scoreInstrument(SCL90, answers)
    expect(r.factors).toEqual({
      somatization: 2,
      obsessive_compulsive: 3,
      interpersonal_sensitivity: 4,
      depression: 5,
      anxiety: 1,
      hostility: 2,
      phobic_anxiety: 3,
      paranoid_ideation: 4,
      psychoticism: 5,
      additional: 1,
    })
    // total = 12×2 + 10×3 + 9×4 + 13×5 + 10×1 + 6×2 + 7×3 + 6×4 + 10×5 + 7×1 = 24+30+36+65+10+12+21+24+50+7 = 279
    // GSI = 279 / 90 = 3.10; negatives = 10 + 7 = 17; positives = 73; PSDI = (279 − 17) / 73 = 262/73 = 3.589 → 3.59
    expect(r.scores).toEqual({ total: 279, gsi: 3.1, positiveItems: 73, negativeItems: 17, positiveSymptomMean: 3.59 })
    expect(flagIds(r)).toEqual(['screen_positive'])
  })

  it('fractional factor scores, GSI and positive-symptom mean are rounded to 2 decimals', () => {
    const r = scoreInstrument(SCL90, scl(TOTAL_170))
    expect(r.factors).toEqual({
      somatization: 1.92,
      obsessive_compulsive: 1.9,
      interpersonal_sensitivity: 1.89,
      depression: 1.92,
      anxiety: 1.9,
      hostility: 1.83,
      phobic_anxiety: 1.86,
      paranoid_ideation: 1.83,
      psychoticism: 1.9,
      additional: 1.86,
    })
    // GSI 170/90 = 1.889 → 1.89. Positives: 17 fives (85) + one 4 + five 2s (10) + two 3s (6) = 25 items, 105;
    // PSDI = (170 − 65) / 25 = 105/25 = 4.20.
    expect(r.scores).toEqual({ total: 170, gsi: 1.89, positiveItems: 25, negativeItems: 65, positiveSymptomMean: 4.2 })
  })

  it('rounds half up: positive-symptom mean 17/8 = 2.125 → 2.13', () => {
    // Seven items at 2 and one at 3 (all in different factors): positives 8, sum 17; total 90 + 7 + 2 = 99.
    const r = scoreInstrument(SCL90, scl({ 1: 2, 3: 2, 6: 2, 5: 2, 2: 2, 11: 2, 13: 2, 8: 3 }))
    expect(r.scores).toMatchObject({ total: 99, positiveItems: 8, positiveSymptomMean: 2.13 })
    // GSI 99/90 = 1.10; paranoid (5 + 3) / 6 = 8/6 = 1.333 → 1.33; somatization 13/12 = 1.083 → 1.08
    expect(r.scores.gsi).toBe(1.1)
    expect(r.factors.paranoid_ideation).toBe(1.33)
    expect(r.factors.somatization).toBe(1.08)
  })

  describe('screening rule (total > 160, positives > 43, any factor ≥ 2)', () => {
    it('total exactly 160 is not positive', () => {
      const r = scoreInstrument(SCL90, scl(TOTAL_160))
      expect(r.scores.total).toBe(160)
      expect(r.scores.positiveItems).toBe(20)
      expect(Math.max(...Object.values(r.factors))).toBeLessThan(2)
      expect(r.flags).toEqual([])
    })

    it('total 161 is positive by the total rule alone', () => {
      const r = scoreInstrument(SCL90, scl(TOTAL_161))
      expect(r.scores.total).toBe(161)
      expect(r.scores.positiveItems).toBe(21) // ≤ 43
      expect(Math.max(...Object.values(r.factors))).toBeLessThan(2) // no factor rule
      expect(r.flags).toEqual([{ id: 'screen_positive', label: expect.anything(), createsTask: true }])
    })

    it('exactly 43 positive items is not positive', () => {
      const r = scoreInstrument(SCL90, scl(POSITIVE_43))
      expect(r.scores).toMatchObject({ total: 133, positiveItems: 43 })
      expect(Math.max(...Object.values(r.factors))).toBeLessThan(2)
      expect(r.flags).toEqual([])
    })

    it('44 positive items is positive by the positive-items rule alone', () => {
      const r = scoreInstrument(SCL90, scl(POSITIVE_44))
      expect(r.scores).toMatchObject({ total: 134, positiveItems: 44, positiveSymptomMean: 2 }) // (134 − 46) / 44 = 2.00
      expect(r.factors.depression).toBe(1.54)
      expect(Math.max(...Object.values(r.factors))).toBeLessThan(2)
      expect(flagIds(r)).toEqual(['screen_positive'])
    })

    // Hostility items 11, 24, 63 at 3 and 67, 74, 81 at 1: (9 + 3) / 6 = 2.00; total 90 + 3 × 2 = 96, 3 positives.
    const HOSTILITY_2 = scl({ 11: 3, 24: 3, 63: 3 })

    it('a factor of exactly 2.00 is positive under the default "≥ 2"', () => {
      const r = scoreInstrument(SCL90, HOSTILITY_2)
      expect(r.factors.hostility).toBe(2)
      expect(r.scores).toMatchObject({ total: 96, positiveItems: 3 })
      expect(flagIds(r)).toEqual(['screen_positive'])
    })

    const STRICT_FACTOR = {
      any: [
        { score: 'total', op: '>' as const, value: 160 },
        { score: 'positiveItems', op: '>' as const, value: 43 },
        { anyFactor: true as const, op: '>' as const, value: 2 },
      ],
    }

    it('… and not positive under a facility override "> 2" (D3)', () => {
      const r = scoreInstrument(SCL90, HOSTILITY_2, { flagOverrides: { screen_positive: STRICT_FACTOR } })
      expect(r.flags).toEqual([])
    })

    it('under the "> 2" override a factor of 2.17 is positive: hostility (10 + 3) / 6 = 2.167 → 2.17', () => {
      const r = scoreInstrument(SCL90, scl({ 11: 3, 24: 3, 63: 3, 67: 2 }), { flagOverrides: { screen_positive: STRICT_FACTOR } })
      expect(r.factors.hostility).toBe(2.17)
      expect(flagIds(r)).toEqual(['screen_positive'])
    })

    it('an override can change the totals too (total > 200 only): total 170 then does not fire', () => {
      const override = { screen_positive: { score: 'total', op: '>' as const, value: 200 } }
      expect(flagIds(scoreInstrument(SCL90, scl(TOTAL_170)))).toEqual(['screen_positive'])
      expect(scoreInstrument(SCL90, scl(TOTAL_170), { flagOverrides: override }).flags).toEqual([])
    })

    it('an override must name an existing flag and refer to existing scores', () => {
      expect(() => scoreInstrument(SCL90, scl(), { flagOverrides: { suicide_item: { item: 9, op: '>', value: 0 } } })).toThrow(
        /flag override "suicide_item": scl90 has no such flag/,
      )
      expect(() => scoreInstrument(SCL90, scl(), { flagOverrides: { screen_positive: { score: 'totl', op: '>', value: 1 } } })).toThrow(
        /unknown score "totl"/,
      )
      expect(() => scoreInstrument(SCL90, scl(), { flagOverrides: { screen_positive: { factor: 'sleep', op: '>', value: 1 } } })).toThrow(
        /unknown factor "sleep"/,
      )
    })
  })
})

describe('input checks (ScoringInputError, naming the item)', () => {
  it.each([
    [PHQ9, [0, 0, 0, 0, 0, 0, 0, 0], 'expected 9 answers, got 8', undefined],
    [PHQ9, [0, 0, 0, 7, 0, 0, 0, 0, 0], 'item 4: 7 is outside 0–3', 4],
    [PHQ9, [-1, 0, 0, 0, 0, 0, 0, 0, 0], 'item 1: -1 is outside 0–3', 1],
    [PHQ9, [0, 1.5, 0, 0, 0, 0, 0, 0, 0], 'item 2: 1.5 is not a whole number', 2],
    [PHQ9, [0, 0, 0, 0, 0, 0, 0, 0, Number.NaN], 'item 9: NaN is not a whole number', 9],
    [GAD7, [0, 0, 0, 0, 0, 0, 0, 0], 'expected 7 answers, got 8', undefined],
    [SCL90, Array(90).fill(0), 'item 1: 0 is outside 1–5', 1],
    [SDS, [...Array(19).fill(1), 5], 'item 20: 5 is outside 1–4', 20],
  ] as const)('%#: %s', (inst, answers, message, item) => {
    let caught: unknown
    try {
      scoreInstrument(inst, answers as number[])
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ScoringInputError)
    expect((caught as ScoringInputError).message).toBe(message)
    expect((caught as ScoringInputError).item).toBe(item)
  })

  it('an unknown cut-off set is refused, naming the known ones', () => {
    expect(() => scoreInstrument(SDS, Array(20).fill(1), { cutoffSetId: 'SDS_CN_54' })).toThrow(
      new ScoringInputError('unknown cut-off set "SDS_CN_54" for zung_sds (one of SDS_CN_53, SDS_ZUNG_50)'),
    )
    expect(() => scoreInstrument(SCL90, scl(), { cutoffSetId: 'ANY' })).toThrow(/unknown cut-off set "ANY" for scl90 \(it has none\)/)
  })

  it('an unknown rounding mode is refused', () => {
    expect(() => scoreInstrument(SDS, Array(20).fill(1), { rounding: 'banker' as RoundingMode })).toThrow(ScoringInputError)
  })
})

describe('result shape', () => {
  it('records what was used and copies the answers as given', () => {
    const answers = [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4]
    const r = scoreInstrument(SDS, answers, { cutoffSetId: 'SDS_ZUNG_50', rounding: 'round_half_up' })
    // scored: reverse items 2 5 6 11 12 14 16 17 18 20 become 5 − v
    // items:   1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20
    // answers: 1 2 3 4 1 2 3 4 1 2  3  4  1  2  3  4  1  2  3  4
    // scored:  1 3 3 4 4 3 3 4 1 2  2  1  1  3  3  1  4  3  3  1   → sum 50; 62.5 → 63 (round) → moderate under Zung 50
    expect(r).toEqual({
      instrumentId: 'zung_sds',
      version: SDS.version,
      cutoffSetId: 'SDS_ZUNG_50',
      rounding: 'round_half_up',
      answers,
      scored: [1, 3, 3, 4, 4, 3, 3, 4, 1, 2, 2, 1, 1, 3, 3, 1, 4, 3, 3, 1],
      scores: { raw: 50, standardScore: 63 },
      factors: {},
      band: { id: 'moderate', label: expect.anything(), severity: 2, interpretation: expect.anything() },
      flags: [],
    })
    expect(r.answers).not.toBe(answers)
  })
})

describe('generic features (a small made-up definition)', () => {
  const bi = (s: string) => ({ zh: s, en: s })
  const band = (id: string, severity: number, min: number, max?: number) => ({ id, label: bi(id), severity, min, ...(max === undefined ? {} : { max }), interpretation: bi(id) })
  const DEMO: InstrumentInput = {
    id: 'demo',
    version: 't1',
    name: bi('demo'),
    shortName: 'DEMO',
    licence: { note: bi('test'), itemTextsShipped: false },
    recallPeriod: bi('today'),
    responseOptions: [0, 1, 2].map((value) => ({ value, label: bi(String(value)) })),
    scoringBase: 0,
    items: [{ number: 1 }, { number: 2, reverse: true }, { number: 3 }, { number: 4 }],
    factors: [
      { id: 'a', name: bi('a'), items: [1, 2] },
      { id: 'b', name: bi('b'), items: [3, 4] },
    ],
    scores: [
      { id: 'total', kind: 'sum' },
      { id: 'firstTwo', kind: 'sum', items: [1, 2] },
      { id: 'lows', kind: 'count', where: { lte: 0 } },
      { id: 'mean', kind: 'mean' },
      { id: 'third', kind: 'transform', of: 'total', multiply: 1 / 3, rounding: 'none' },
      { id: 'shifted', kind: 'transform', of: 'total', multiply: 1.5, add: 10, rounding: 'round_half_up' },
    ],
    bandScore: 'total',
    cutoffSets: [{ id: 'DEMO_A', name: bi('A'), default: true, bands: [band('low', 0, 0, 3), band('high', 2, 4)] }],
    flags: [
      { id: 'both', label: bi('both'), createsTask: false, when: { all: [{ factor: 'a', op: '==', value: 2 }, { item: 3, op: '<', value: 1 }] } },
      { id: 'lowBand', label: bi('low'), createsTask: false, when: { bandIn: ['low'] } },
      { id: 'tiny', label: bi('tiny'), createsTask: true, when: { score: 'mean', op: '<=', value: 0.25 } },
    ],
  }
  const demo = parseInstrument(DEMO, 'demo')

  it('sums a subset, counts with lte, means, transforms with add and with no rounding (2 decimals)', () => {
    // answers 2 0 0 1 → scored 2 (2 − 0 =) 2 0 1: total 5; items 1–2: 4; zeros: 1; mean 5/4 = 1.25;
    // third 5/3 = 1.667 → 1.67; shifted 5 × 1.5 + 10 = 17.5 → 18; factor a (2+2)/2 = 2, b (0+1)/2 = 0.5
    const r = scoreInstrument(demo, [2, 0, 0, 1])
    expect(r.scored).toEqual([2, 2, 0, 1])
    expect(r.scores).toEqual({ total: 5, firstTwo: 4, lows: 1, mean: 1.25, third: 1.67, shifted: 18 })
    expect(r.factors).toEqual({ a: 2, b: 0.5 })
    expect(r.band?.id).toBe('high') // 5 ≥ 4, open-ended top band
    expect(flagIds(r)).toEqual(['both']) // a == 2 and item 3 (0) < 1
  })

  it('band and score conditions', () => {
    // answers 0 2 0 0 → scored 0 0 0 0: total 0 → low; mean 0 ≤ 0.25
    const r = scoreInstrument(demo, [0, 2, 0, 0])
    expect(r.band?.id).toBe('low')
    expect(flagIds(r)).toEqual(['lowBand', 'tiny'])
    expect(r.flags[1]).toEqual({ id: 'tiny', label: bi('tiny'), createsTask: true })
  })
})

describe('speed', () => {
  it('scores an SCL-90 in well under 0.2 ms', () => {
    const answers = scl(TOTAL_170)
    for (let i = 0; i < 2_000; i++) scoreInstrument(SCL90, answers) // warm-up
    const n = 20_000
    const t0 = performance.now()
    for (let i = 0; i < n; i++) scoreInstrument(SCL90, answers)
    const perScoring = (performance.now() - t0) / n
    expect(perScoring).toBeLessThan(0.2)
  })
})
