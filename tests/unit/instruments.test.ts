/**
 * The shipped instrument definitions (resources/instruments/*.json) against domain-reference §4, and the schema's
 * refusal of broken definitions. Expected lists are copied from the reference tables, not from the JSON.
 */
import { describe, expect, it } from 'vitest'
import { getInstrument, INSTRUMENTS } from '../../electron/core/psych/instruments'
import { InstrumentDefinitionError, parseInstrument, type Instrument } from '../../electron/shared/domain/instruments'
import gad7Json from '../../resources/instruments/gad7.json'
import phq9Json from '../../resources/instruments/phq9.json'
import scl90Json from '../../resources/instruments/scl90.json'
import sasJson from '../../resources/instruments/zung_sas.json'
import sdsJson from '../../resources/instruments/zung_sds.json'

/** Edits reach into the JSON freely; the schema is what is under test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any

const FILES = [
  ['phq9', phq9Json],
  ['gad7', gad7Json],
  ['scl90', scl90Json],
  ['zung_sds', sdsJson],
  ['zung_sas', sasJson],
] as const

const get = (id: string): Instrument => getInstrument(id) ?? (() => { throw new Error(`no instrument ${id}`) })()
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
const reversed = (i: Instrument) => i.items.filter((item) => item.reverse).map((item) => item.number)

/** domain-reference §4.1, factor table. */
const SCL90_FACTORS: Array<[id: string, zh: string, items: number[]]> = [
  ['somatization', '躯体化', [1, 4, 12, 27, 40, 42, 48, 49, 52, 53, 56, 58]],
  ['obsessive_compulsive', '强迫症状', [3, 9, 10, 28, 38, 45, 46, 51, 55, 65]],
  ['interpersonal_sensitivity', '人际关系敏感', [6, 21, 34, 36, 37, 41, 61, 69, 73]],
  ['depression', '抑郁', [5, 14, 15, 20, 22, 26, 29, 30, 31, 32, 54, 71, 79]],
  ['anxiety', '焦虑', [2, 17, 23, 33, 39, 57, 72, 78, 80, 86]],
  ['hostility', '敌对', [11, 24, 63, 67, 74, 81]],
  ['phobic_anxiety', '恐怖', [13, 25, 47, 50, 70, 75, 82]],
  ['paranoid_ideation', '偏执', [8, 18, 43, 68, 76, 83]],
  ['psychoticism', '精神病性', [7, 16, 35, 62, 77, 84, 85, 87, 88, 90]],
  ['additional', '其他', [19, 44, 59, 60, 64, 66, 89]],
]

describe('the shipped definitions', () => {
  it.each(FILES)('%s.json passes the schema', (id, json) => {
    const parsed = parseInstrument(json, `${id}.json`)
    expect(parsed.id).toBe(id)
  })

  it('are all loaded, once each, in screening order', () => {
    expect(INSTRUMENTS.map((i) => i.id)).toEqual(['scl90', 'phq9', 'gad7', 'zung_sds', 'zung_sas'])
    expect(getInstrument('nope')).toBeUndefined()
  })

  it.each([
    ['phq9', 9, [0, 1, 2, 3]],
    ['gad7', 7, [0, 1, 2, 3]],
    ['scl90', 90, [1, 2, 3, 4, 5]],
    ['zung_sds', 20, [1, 2, 3, 4]],
    ['zung_sas', 20, [1, 2, 3, 4]],
  ])('%s: %i items numbered 1..n, response values %j, scoring base = lowest value', (id, n, values) => {
    const inst = get(id)
    expect(inst.items.map((i) => i.number)).toEqual(range(1, n))
    expect(inst.responseOptions.map((o) => o.value)).toEqual(values)
    expect(inst.scoringBase).toBe(values[0])
  })
})

describe('SCL-90 (§4.1)', () => {
  const scl = get('scl90')

  it('has exactly the ten factors of the reference table, in order, with the same items', () => {
    expect(scl.factors?.map((f) => [f.id, f.items])).toEqual(SCL90_FACTORS.map(([id, , items]) => [id, items]))
    scl.factors?.forEach((f, i) => expect(f.name.zh).toContain(SCL90_FACTORS[i]![1]))
  })

  it('factor sizes are 12 10 9 13 10 6 7 6 10 7 and cover items 1..90 exactly once', () => {
    expect(scl.factors?.map((f) => f.items.length)).toEqual([12, 10, 9, 13, 10, 6, 7, 6, 10, 7])
    const all = (scl.factors ?? []).flatMap((f) => f.items)
    expect(all).toHaveLength(90)
    expect([...all].sort((a, b) => a - b)).toEqual(range(1, 90))
  })

  it('is scored 1–5 (没有 很轻 中等 偏重 严重) with scoring base 1 (D4), no reverse items, no bands', () => {
    expect(scl.responseOptions.map((o) => o.label.zh)).toEqual(['没有', '很轻', '中等', '偏重', '严重'])
    expect(scl.scoringBase).toBe(1)
    expect(reversed(scl)).toEqual([])
    expect(scl.cutoffSets).toEqual([])
    expect(scl.bandScore).toBeUndefined()
  })

  it('screens positive by total > 160, positives > 43 or any factor ≥ 2, and raises a task', () => {
    expect(scl.flags).toEqual([
      {
        id: 'screen_positive',
        label: expect.anything(),
        createsTask: true,
        when: {
          any: [
            { score: 'total', op: '>', value: 160 },
            { score: 'positiveItems', op: '>', value: 43 },
            { anyFactor: true, op: '>=', value: 2 },
          ],
        },
      },
    ])
  })
})

describe('Zung SDS and SAS (§4.2, §4.3)', () => {
  it('SDS reverse items are 2, 5, 6, 11, 12, 14, 16, 17, 18, 20', () => {
    expect(reversed(get('zung_sds'))).toEqual([2, 5, 6, 11, 12, 14, 16, 17, 18, 20])
  })

  it('SAS reverse items are 5, 9, 13, 17, 19', () => {
    expect(reversed(get('zung_sas'))).toEqual([5, 9, 13, 17, 19])
  })

  it.each(['zung_sds', 'zung_sas'])('%s options are 没有或很少时间 / 小部分时间 / 相当多时间 / 绝大部分或全部时间', (id) => {
    expect(get(id).responseOptions.map((o) => o.label.zh)).toEqual(['没有或很少时间', '小部分时间', '相当多时间', '绝大部分或全部时间'])
  })

  it.each([
    // id, cut-off set, default?, bands as [id, min, max] on the standard score 25..100
    ['zung_sds', 'SDS_CN_53', true, [['normal', 25, 52], ['mild', 53, 62], ['moderate', 63, 72], ['severe', 73, 100]]],
    ['zung_sds', 'SDS_ZUNG_50', false, [['normal', 25, 49], ['mild', 50, 59], ['moderate', 60, 69], ['severe', 70, 100]]],
    ['zung_sas', 'SAS_CN_50', true, [['normal', 25, 49], ['mild', 50, 59], ['moderate', 60, 69], ['severe', 70, 100]]],
  ] as const)('%s %s (default %s)', (id, setId, isDefault, bands) => {
    const inst = get(id)
    expect(inst.bandScore).toBe('standardScore')
    const set = inst.cutoffSets.find((c) => c.id === setId)
    expect(!!set?.default).toBe(isDefault)
    expect(set?.bands.map((b) => [b.id, b.min, b.max])).toEqual(bands)
  })

  it.each(['zung_sds', 'zung_sas'])('%s standard score = raw × 1.25 with the rounding from the settings (D6)', (id) => {
    expect(get(id).scores).toEqual([
      { id: 'raw', name: expect.anything(), kind: 'sum' },
      { id: 'standardScore', name: expect.anything(), kind: 'transform', of: 'raw', multiply: 1.25, add: 0, rounding: 'setting' },
    ])
  })
})

describe('PHQ-9 and GAD-7 (§4.4, §4.5)', () => {
  it.each([
    ['phq9', 'PHQ9_STANDARD', [['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['moderately_severe', 15, 19], ['severe', 20, 27]]],
    ['gad7', 'GAD7_STANDARD', [['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['severe', 15, 21]]],
  ] as const)('%s bands (%s)', (id, setId, bands) => {
    const inst = get(id)
    expect(inst.cutoffSets.map((c) => [c.id, c.default])).toEqual([[setId, true]])
    expect(inst.cutoffSets[0]!.bands.map((b) => [b.id, b.min, b.max])).toEqual(bands)
    expect(reversed(inst)).toEqual([])
  })

  it('the lowest option is 完全不会 / "Not at all" (not "not at all sure")', () => {
    for (const id of ['phq9', 'gad7']) expect(get(id).responseOptions[0]!.label).toEqual({ zh: '完全不会', en: 'Not at all' })
  })

  it('PHQ-9 item 9 > 0 raises a task; moderately severe and severe bands raise a task', () => {
    const flags = get('phq9').flags
    expect(flags.map((f) => [f.id, f.when, f.createsTask])).toEqual([
      ['suicide_item', { item: 9, op: '>', value: 0 }, true],
      ['severe_band', { bandIn: ['moderately_severe', 'severe'] }, true],
    ])
    expect(get('phq9').items[8]!.text?.en).toBe('Thoughts that you would be better off dead or of hurting yourself in some way')
  })
})

describe('licences (§4.7)', () => {
  it.each(['phq9', 'gad7'])('%s ships its item texts in zh and en', (id) => {
    const inst = get(id)
    expect(inst.licence.itemTextsShipped).toBe(true)
    for (const item of inst.items) {
      expect(item.text?.zh).toMatch(/\S/)
      expect(item.text?.en).toMatch(/\S/)
    }
  })

  it.each(['scl90', 'zung_sds', 'zung_sas'])('%s ships no item texts, only numbers', (id) => {
    const inst = get(id)
    expect(inst.licence.itemTextsShipped).toBe(false)
    expect(inst.items.every((item) => item.text === undefined)).toBe(true)
    expect(inst.licence.note.en).toMatch(/licensed copy/)
  })
})

describe('broken definitions are refused with the file and path named', () => {
  /** A deep copy of a shipped JSON, changed by `edit`. */
  function broken(json: unknown, edit: (d: Loose) => void): unknown {
    const copy = structuredClone(json)
    edit(copy)
    return copy
  }
  function messageOf(data: unknown, source = 'resources/instruments/test.json'): string {
    try {
      parseInstrument(data, source)
    } catch (error) {
      expect(error).toBeInstanceOf(InstrumentDefinitionError)
      return (error as Error).message
    }
    throw new Error('expected the definition to be refused')
  }

  it.each([
    ['a factor item that does not exist', scl90Json, (d: Loose) => (d.factors[3].items[2] = 91), 'factors[3].items[2]: item 91 does not exist (the instrument has items 1..90)'],
    ['an item listed twice in a factor', scl90Json, (d: Loose) => (d.factors[0].items[1] = 1), 'factors[0].items[1]: item 1 is listed twice in factor "somatization"'],
    ['a misspelt key', sdsJson, (d: Loose) => (d.items[1] = { number: 2, revrse: true }), 'items[1]: Unrecognized key: "revrse"'],
    ['a gap between bands', phq9Json, (d: Loose) => (d.cutoffSets[0].bands[1].min = 6), 'cutoffSets[0].bands[1].min: band "mild" must start at 5, right after "minimal" ends at 4'],
    ['bands that miss the top scores', gad7Json, (d: Loose) => (d.cutoffSets[0].bands[3].max = 20), 'GAD7_STANDARD ends at 20 but total can reach 21'],
    ['bands that miss standard scores 25–29', sasJson, (d: Loose) => (d.cutoffSets[0].bands[0].min = 30), 'SAS_CN_50 starts at 30 but standardScore can be as low as 25'],
    ['two default cut-off sets', sdsJson, (d: Loose) => (d.cutoffSets[1].default = true), 'cutoffSets: exactly one cut-off set must be marked default, found 2'],
    ['a flag on an unknown score', scl90Json, (d: Loose) => (d.flags[0].when.any[0].score = 'totl'), 'flags[0].when.any[0].score: unknown score "totl"'],
    ['a flag on an unknown band', phq9Json, (d: Loose) => (d.flags[1].when.bandIn = ['very_severe']), 'flags[1].when.bandIn[0]: unknown band "very_severe"'],
    ['a flag on an item that does not exist', phq9Json, (d: Loose) => (d.flags[0].when.item = 10), 'flags[0].when.item: item 10 does not exist'],
    ['a condition of no known shape', phq9Json, (d: Loose) => (d.flags[0].when = { item: 9, op: '>', value: 0, score: 'total' }), 'flags[0].when: a condition is one of'],
    ['an unknown comparison', scl90Json, (d: Loose) => (d.flags[0].when.any[2].op = '=>'), 'flags[0].when'],
    ['item texts on a scale whose licence is unclear', scl90Json, (d: Loose) => (d.items[0].text = { zh: '头痛', en: 'Headaches' }), 'items[0].text: item 1 has a text but licence.itemTextsShipped is false'],
    ['a missing item text where texts are shipped', gad7Json, (d: Loose) => delete d.items[6].text, 'items[6].text: item 7 has no text but licence.itemTextsShipped is true'],
    ['items out of order', gad7Json, (d: Loose) => d.items.reverse(), 'items[0].number: items must be numbered 1..7 in order: position 1 holds item 7'],
    ['response values with a gap', sasJson, (d: Loose) => (d.responseOptions[3].value = 5), 'responseOptions[3].value: response values must be consecutive and ascending: 3 is followed by 5'],
    ['a transform of a later score', sdsJson, (d: Loose) => d.scores.reverse(), 'scores[0].of: "raw" is not a score defined before "standardScore"'],
    ['bands on a decimal score', scl90Json, (d: Loose) => { d.bandScore = 'gsi'; d.cutoffSets = structuredClone(phq9Json.cutoffSets) }, 'bandScore: "gsi" is not a whole-number score'],
    ['a wrong scoring base', scl90Json, (d: Loose) => (d.scoringBase = 0), 'scoringBase: scoringBase 0 differs from the lowest response value 1'],
    ['a missing bilingual text', phq9Json, (d: Loose) => delete d.name.en, 'name.en'],
  ])('%s', (_what, json, edit, expected) => {
    const message = messageOf(broken(json, edit))
    expect(message).toContain('resources/instruments/test.json: invalid instrument definition')
    expect(message).toContain(expected)
  })

  it('lists every problem, one per line', () => {
    const data = broken(scl90Json, (d) => {
      d.factors[0].items[0] = 91
      d.flags[0].when.any[1].score = 'positives'
    })
    expect(messageOf(data, 'scl90.json').split('\n')).toEqual([
      'scl90.json: invalid instrument definition:',
      '  - factors[0].items[0]: item 91 does not exist (the instrument has items 1..90)',
      '  - flags[0].when.any[1].score: unknown score "positives"',
    ])
  })

  it('a shape error names its path too', () => {
    const data = broken(scl90Json, (d) => (d.factors[0].items[0] = 0))
    expect(messageOf(data, 'scl90.json')).toMatch(/^scl90\.json: invalid instrument definition:\n {2}- factors\[0\]\.items\[0\]: /)
  })
})
