/**
 * Knowledge tests, the pure rules: right or wrong per item kind, the score out of 100, the pass mark, typed answers,
 * drawing by tag with a seed, and item analysis figures on a fixture computed by hand.
 */
import { describe, expect, it } from 'vitest'
import { analyseItems, groupSizeFor, type AnalysedSitting } from '../../electron/core/knowledge/analysis'
import { drawItems } from '../../electron/core/knowledge/draw'
import { uuidv7 } from '../../electron/core/knowledge/ids'
import { isCorrect, isPassed, maskedName, parseTypedAnswer, scorePercent } from '../../electron/core/knowledge/scoring'

describe('right or wrong (multiple choice: all or nothing)', () => {
  it.each([
    ['single, right', 'single', ['B'], ['B'], true],
    ['single, wrong', 'single', ['A'], ['B'], false],
    ['single, blank', 'single', [], ['B'], false],
    ['single, two keys', 'single', ['A', 'B'], ['B'], false],
    ['multiple, exact', 'multiple', ['A', 'C'], ['A', 'C'], true],
    ['multiple, exact in another order', 'multiple', ['C', 'A'], ['A', 'C'], true],
    ['multiple, subset', 'multiple', ['A'], ['A', 'C'], false],
    ['multiple, superset', 'multiple', ['A', 'B', 'C'], ['A', 'C'], false],
    ['multiple, blank', 'multiple', [], ['A', 'C'], false],
    ['multiple, a key repeated', 'multiple', ['A', 'A', 'C'], ['A', 'C'], false],
  ] as const)('%s', (_label, kind, chosen, answer, expected) => {
    expect(isCorrect(kind, chosen, answer)).toBe(expected)
  })
})

describe('score out of 100, one decimal', () => {
  const items = (correct: number, total: number, points = 1) => Array.from({ length: total }, (_, i) => ({ points, correct: i < correct }))
  it.each([
    [10, 10, 100],
    [0, 10, 0],
    [7, 10, 70],
    [2, 3, 66.7],
    [1, 3, 33.3],
    [1, 6, 16.7],
    [5, 7, 71.4],
    [599, 1000, 59.9],
    [1, 100, 1],
  ])('%i of %i right → %d', (correct, total, expected) => {
    expect(scorePercent(items(correct, total))).toBe(expected)
  })
  it('weighs items by their points', () => {
    expect(scorePercent([{ points: 3, correct: true }, { points: 1, correct: false }])).toBe(75)
  })
  it('every item right is exactly 100 whatever the size', () => {
    for (let n = 1; n <= 100; n++) expect(scorePercent(items(n, n))).toBe(100)
  })
})

describe('pass mark (score ≥ pass mark)', () => {
  it.each([
    [59.9, 60, false],
    [60, 60, true],
    [60.1, 60, true],
    [0, 0, true],
    [99.9, 100, false],
    [100, 100, true],
  ])('%d against %d → %s', (score, mark, passed) => {
    expect(isPassed(score, mark)).toBe(passed)
  })
})

describe('answers typed from a paper sheet', () => {
  it.each([
    ['A', 'single', 4, ['A']],
    ['b', 'single', 4, ['B']],
    ['', 'single', 4, []],
    ['DB', 'multiple', 4, ['B', 'D']],
    ['a, c', 'multiple', 4, ['A', 'C']],
    ['A', 'multiple', 4, ['A']],
  ] as const)('"%s" on a %s item of %i options → %j', (raw, kind, options, chosen) => {
    expect(parseTypedAnswer(raw, kind, options)).toEqual({ ok: true, chosen })
  })
  it.each([
    ['E', 'single', 4, 'knowledge.typed_outside', { found: 'E', last: 'D' }],
    ['C', 'single', 2, 'knowledge.typed_outside', { found: 'C', last: 'B' }],
    ['1', 'single', 4, 'knowledge.typed_outside', { found: '1', last: 'D' }],
    ['AB', 'single', 4, 'knowledge.typed_single', undefined],
    ['AA', 'multiple', 4, 'knowledge.typed_duplicate', { found: 'A' }],
  ] as const)('"%s" on a %s item of %i options is refused (%s)', (raw, kind, options, key, params) => {
    expect(parseTypedAnswer(raw, kind, options)).toEqual({ ok: false, key, params })
  })
})

describe('drawing by tag: reproducible with the seed', () => {
  const bank: Record<string, string[]> = {
    禁毒知识: Array.from({ length: 12 }, (_, i) => `d${String(i).padStart(2, '0')}`),
    法律常识: ['l1', 'l2', 'l3', 'd00'],
  }
  const of = (tag: string) => bank[tag] ?? []
  const spec = [{ tag: '禁毒知识', count: 8 }, { tag: '法律常识', count: 2 }]

  it('takes the counts asked, each item once, the same for the same seed', () => {
    const one = drawItems(spec, of, 42)
    const two = drawItems(spec, of, 42)
    expect(one).toEqual(two)
    if (!one.ok) throw new Error('draw refused')
    expect(one.itemIds).toHaveLength(10)
    expect(new Set(one.itemIds).size).toBe(10)
    expect(one.itemIds.slice(0, 8).every((id) => bank['禁毒知识']!.includes(id))).toBe(true)
    expect(one.itemIds.slice(8).every((id) => bank['法律常识']!.includes(id))).toBe(true)
  })
  it('another seed gives another paper', () => {
    const seeds = [1, 2, 3, 4, 5].map((seed) => JSON.stringify(drawItems(spec, of, seed)))
    expect(new Set(seeds).size).toBeGreaterThan(1)
  })
  it('refuses a tag with fewer items than asked, naming the draw', () => {
    expect(drawItems([{ tag: '禁毒知识', count: 2 }, { tag: '法律常识', count: 5 }], of, 1)).toEqual({ ok: false, index: 1, tag: '法律常识', available: 4, asked: 5 })
    // An item drawn for an earlier tag is not available again.
    expect(drawItems([{ tag: '禁毒知识', count: 12 }, { tag: '法律常识', count: 4 }], of, 1)).toMatchObject({ ok: false, available: 3 })
  })
})

describe('item analysis on a fixture (figures computed by hand)', () => {
  /**
   * A 4-item paper, each single choice with answer A and 25 points; ten sittings (1 = right):
   *   S1 1111 100 | S2 1110 75 | S3 1101 75 | S4 1100 50 | S5 1010 50 | S6 1001 50 | S7 0110 50 | S8 1000 25 | S9 0100 25 | S10 0001 25
   * Upper 27 %: round(2.7) = 3 → S1 S2 S3; lower 3, ties kept in submission order → S8 S9 S10.
   *   item 1: right 7/10, p .7; upper 3/3, lower 1/3 (S8) → D .667; wrong: S7 C, S9 C, S10 blank → most chosen C ×2
   *   item 2: right 6/10, p .6; upper 3/3, lower 1/3 (S9) → D .667; wrong S5 S6 S8 S10 all B → B ×4
   *   item 3: right 4/10, p .4; upper 2/3, lower 0 → D .667
   *   item 4: right 4/10, p .4; upper 2/3, lower 1/3 (S10) → D .333
   * Mean score (100 + 75·2 + 50·4 + 25·3) / 10 = 52.5.
   */
  const rows = ['1111', '1110', '1101', '1100', '1010', '1001', '0110', '1000', '0100', '0001']
  const wrongChoice: Record<string, string[]> = { '1:7': [], '1:9': ['C'], '1:10': [] }
  const sittings: AnalysedSitting[] = rows.map((pattern, s) => ({
    score: [...pattern].filter((c) => c === '1').length * 25,
    answers: new Map<number, { chosen: string[]; correct: boolean }>(
      [...pattern].map((c, i): [number, { chosen: string[]; correct: boolean }] => {
        const position = i + 1
        if (c === '1') return [position, { chosen: ['A'], correct: true }]
        const key = `${position}:${s + 1}`
        const chosen = key === '1:7' ? ['C'] : key === '1:10' ? [] : (wrongChoice[key] ?? ['B'])
        return [position, { chosen, correct: false }]
      }),
    ),
  }))
  const items = [1, 2, 3, 4].map((position) => ({ position, itemId: `i${position}`, stem: `题 ${position}`, kind: 'single' as const, answer: ['A' as const] }))

  it('p, D, the most chosen wrong option, blanks and the mean', () => {
    const result = analyseItems(items, sittings)
    expect(result).toMatchObject({ sittings: 10, groupSize: 3, reliable: true, meanScore: 52.5 })
    expect(result.items.map((r) => [r.p, r.discrimination])).toEqual([
      [0.7, 0.667],
      [0.6, 0.667],
      [0.4, 0.667],
      [0.4, 0.333],
    ])
    expect(result.items[0]).toMatchObject({ commonWrong: { chosen: 'C', count: 2 }, blank: 1 })
    expect(result.items[1]).toMatchObject({ commonWrong: { chosen: 'B', count: 4 }, blank: 0 })
  })
  it('fewer than 10 sittings: figures shown, marked unreliable; fewer than 2: no discrimination', () => {
    expect(analyseItems(items, sittings.slice(0, 9))).toMatchObject({ sittings: 9, groupSize: 2, reliable: false })
    const one = analyseItems(items, sittings.slice(0, 1))
    expect(one).toMatchObject({ sittings: 1, groupSize: 0, reliable: false })
    expect(one.items.every((r) => r.discrimination === null && r.p === 1)).toBe(true)
    expect(analyseItems(items, [])).toMatchObject({ sittings: 0, meanScore: null })
  })
  it.each([[0, 0], [1, 0], [2, 1], [3, 1], [5, 1], [6, 2], [10, 3], [100, 27]])('groups of %i sittings hold %i each', (n, k) => {
    expect(groupSizeFor(n)).toBe(k)
  })
})

describe('kiosk name and ids', () => {
  it.each([['张三', '张*'], ['欧阳娜娜', '欧***'], ['李', '李']])('%s → %s', (name, shown) => expect(maskedName(name)).toBe(shown))
  it('ids are UUID v7, later ones sorting later', () => {
    const a = uuidv7(1_700_000_000_000)
    const b = uuidv7(1_700_000_000_001)
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a < b).toBe(true)
  })
})
