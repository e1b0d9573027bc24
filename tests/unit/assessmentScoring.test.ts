/**
 * The template schema and the one scoring engine (shared/domain/assessment), as tables: Beijing 2021 生理脱毒 (5 × 20,
 * all-or-nothing, all items to pass), pass rules on both sides of their thresholds, evidence rules at their limits,
 * the suggested recommendation, the legal constraints on proposals, and template validation errors with their paths.
 */
import { describe, expect, it } from 'vitest'
import beijing from '../../resources/assessment-templates/beijing-2021.json'
import generic from '../../resources/assessment-templates/generic.json'
import {
  evidenceMet,
  parseTemplate,
  pointsProblem,
  proposalProblem,
  scoreAssessment,
  suggestRecommendation,
  validateTemplate,
  type AssessmentTemplate,
  type EvidenceSource,
} from '../../electron/shared/domain/assessment'
import { computeTerm } from '../../electron/shared/domain/term'

const BEIJING = parseTemplate(beijing, 'beijing-2021.json')
const GENERIC = parseTemplate(generic, 'generic.json')
const DETOX_ITEMS = ['drug_test_negative', 'no_withdrawal_medication', 'acute_withdrawal_resolved', 'no_protracted_withdrawal', 'no_drug_psychosis']

const detoxEntered = (met: number) => Object.fromEntries(DETOX_ITEMS.map((id, i) => [`detox.${id}`, i < met ? 20 : 0]))

describe('Beijing 2021 生理脱毒: five items × 20, all-or-nothing, every item to pass', () => {
  it.each([
    [5, 100, 'pass'],
    [4, 80, 'fail'],
    [3, 60, 'fail'],
    [0, 0, 'fail'],
  ] as const)('%i items met → %i points, %s', (met, points, result) => {
    const score = scoreAssessment(BEIJING, 'detox', detoxEntered(met))
    const detox = score.components.find((c) => c.id === 'detox')!
    expect(detox).toMatchObject({ applies: true, points, maxPoints: 100, result })
    // At the detox point only 生理脱毒 applies: the overall result is that component's.
    expect(score.complete).toBe(true)
    expect(score.overallPass).toBe(result === 'pass')
  })

  it('an item without points leaves the component (and the overall result) open', () => {
    const entered = detoxEntered(5)
    delete entered['detox.no_drug_psychosis']
    const score = scoreAssessment(BEIJING, 'detox', entered)
    expect(score.components.find((c) => c.id === 'detox')).toMatchObject({ points: 80, result: null, missing: ['no_drug_psychosis'] })
    expect(score).toMatchObject({ complete: false, overallPass: null })
  })

  it.each([
    [0, null],
    [20, null],
    [10, 'all_or_nothing'],
    [21, 'range'],
    [-1, 'range'],
    [19.5, 'not_integer'],
  ] as const)('an all-or-nothing item takes %s → %s', (points, problem) => {
    const item = BEIJING.components[0]!.items[0]!
    expect(pointsProblem(item, points)).toBe(problem)
  })
})

describe('pass rules at their thresholds (min_points) and the social component 良好/一般', () => {
  /** The Beijing behaviour component: 40 + 30 + 30, pass at ≥ 60 (UNVERIFIED example values). */
  const behaviour = (a: number, b: number, c: number) => ({ 'behaviour.conduct_points': a, 'behaviour.attendance': b, 'behaviour.rules': c })
  it.each([
    [40, 0, 20, 60, 'pass'],
    [40, 0, 19, 59, 'fail'],
    [0, 30, 30, 60, 'pass'],
    [40, 30, 30, 100, 'pass'],
  ] as const)('behaviour %i + %i + %i = %i → %s', (a, b, c, total, result) => {
    const score = scoreAssessment(BEIJING, 'stage', behaviour(a, b, c))
    expect(score.components.find((x) => x.id === 'behaviour')).toMatchObject({ points: total, result })
  })

  it.each([
    [60, 'good'],
    [59, 'fair'],
  ] as const)('social %i points → %s', (points, result) => {
    const score = scoreAssessment(GENERIC, 'one_year', { 'social.environment': points })
    expect(score.components.find((x) => x.id === 'social')!.result).toBe(result)
  })

  it('components that do not serve a point are left out of the result', () => {
    const score = scoreAssessment(BEIJING, 'admission', { 'social.family_support': 40, 'social.skills': 30, 'social.placement': 30 })
    expect(score.components.filter((c) => c.applies).map((c) => c.id)).toEqual(['social'])
    expect(score).toMatchObject({ complete: true, overallPass: true, social: 'good' })
  })
})

describe('evidence rules at their limits', () => {
  const cases: Array<[string, EvidenceSource, Parameters<typeof evidenceMet>[1], boolean | null]> = [
    ['knowledge 60 ≥ 60', { kind: 'knowledge', minScore: 60 }, { kind: 'knowledge', score: 60 }, true],
    ['knowledge 59 < 60', { kind: 'knowledge', minScore: 60 }, { kind: 'knowledge', score: 59 }, false],
    ['no knowledge test', { kind: 'knowledge', minScore: 60 }, null, null],
    ['PHQ-9 mild in pass bands', { kind: 'psych', instrumentId: 'phq9', passBands: ['minimal', 'mild'] }, { kind: 'psych', band: 'mild' }, true],
    ['PHQ-9 moderate outside', { kind: 'psych', instrumentId: 'phq9', passBands: ['minimal', 'mild'] }, { kind: 'psych', band: 'moderate' }, false],
    ['fitness pass ≥ pass', { kind: 'fitness', minGrade: 'pass' }, { kind: 'fitness', grade: 'pass' }, true],
    ['fitness fail < pass', { kind: 'fitness', minGrade: 'pass' }, { kind: 'fitness', grade: 'fail' }, false],
    ['fitness test without grade', { kind: 'fitness', minGrade: 'pass' }, { kind: 'fitness', grade: null }, null],
    ['attendance 80% ≥ 80', { kind: 'attendance', minRate: 80 }, { kind: 'attendance', rate: 0.8 }, true],
    ['attendance 79.9% < 80', { kind: 'attendance', minRate: 80 }, { kind: 'attendance', rate: 0.799 }, false],
    ['1 certificate ≥ 1', { kind: 'certificate', minCount: 1 }, { kind: 'certificate', count: 1 }, true],
    ['0 certificates < 1', { kind: 'certificate', minCount: 1 }, { kind: 'certificate', count: 0 }, false],
    ['conduct 0 ≥ 0', { kind: 'conduct', minTotal: 0 }, { kind: 'conduct', total: 0 }, true],
    ['conduct −1 < 0', { kind: 'conduct', minTotal: 0 }, { kind: 'conduct', total: -1 }, false],
    ['manual: nothing to judge', { kind: 'manual' }, null, null],
  ]
  it.each(cases)('%s', (_name, source, fact, met) => expect(evidenceMet(source, fact)).toBe(met))
})

describe('suggested recommendation', () => {
  const all = (t: AssessmentTemplate, value: (max: number) => number) =>
    Object.fromEntries(t.components.flatMap((c) => c.items.map((i) => [`${c.id}.${i.id}`, value(i.points)])))
  it.each([
    ['one_year', (m: number) => m, 'propose_early_release'],
    ['one_year', () => 0, 'on_time_release'],
    ['pre_expiry', () => 0, 'propose_extension'],
    ['pre_expiry', (m: number) => m, 'on_time_release'],
    ['admission', (m: number) => m, 'none'],
  ] as const)('%s → %s', (point, value, expected) => {
    const score = scoreAssessment(BEIJING, point, all(BEIJING, value))
    expect(suggestRecommendation(BEIJING, point, score)).toBe(expected)
  })
})

describe('legal constraints on proposals (禁毒法 §47, 戒毒条例 §32, §38)', () => {
  const term = computeTerm({ decisionDate: '2026-03-01' })
  it.each([
    ['2027-02-28', 'assessment.early_release_too_soon'],
    ['2027-03-01', null],
    ['2028-02-29', null],
    ['2028-03-01', 'assessment.early_release_after_term'],
  ] as const)('early release on %s → %s', (date, key) => {
    expect(proposalProblem({ kind: 'early_release', proposedDate: date, months: null }, term, 0)?.key ?? null).toBe(key)
  })
  it('an escape bars early release whatever the date', () => {
    const escaped = computeTerm({ decisionDate: '2026-03-01', escapes: [{ from: '2026-05-01', to: '2026-05-11' }] })
    expect(proposalProblem({ kind: 'early_release', proposedDate: '2027-06-01', months: null }, escaped, 0)).toMatchObject({ field: 'kind', key: 'assessment.early_release_escape' })
  })
  it('a recorded §38 bar bars early release', () => {
    const barred = computeTerm({ decisionDate: '2026-03-01', earlyReleaseBarred: true })
    expect(proposalProblem({ kind: 'early_release', proposedDate: '2027-06-01', months: null }, barred, 0)).toMatchObject({ field: 'kind', key: 'assessment.early_release_bar' })
  })
  it.each([
    [0, 12, null],
    [0, 13, 'assessment.extension_total'],
    [6, 6, null],
    [6, 7, 'assessment.extension_total'],
    [12, 1, 'assessment.extension_total'],
  ] as const)('extension: %i approved + %i proposed → %s', (approved, months, key) => {
    expect(proposalProblem({ kind: 'extension', proposedDate: null, months }, term, approved)?.key ?? null).toBe(key)
  })
  it('an approved early release sets the last day to the day before and explains it as a step', () => {
    const released = computeTerm({ decisionDate: '2026-03-01', earlyReleaseOn: '2027-03-01' })
    expect(released.lastDay).toBe('2027-02-28')
    expect(released.steps.at(-1)).toEqual({ kind: 'early_release_approved', releaseOn: '2027-03-01', date: '2027-02-28' })
    expect(() => computeTerm({ decisionDate: '2026-03-01', earlyReleaseOn: '2027-02-28' })).toThrow(/outside/)
  })
})

describe('template validation: every problem at its path', () => {
  type Editable = Record<string, unknown> & { components: Array<Record<string, unknown> & { items: Array<Record<string, unknown>> }> }
  const base = (): Editable => JSON.parse(JSON.stringify(beijing)) as Editable
  it('accepts both shipped templates', () => {
    expect(validateTemplate(beijing).ok).toBe(true)
    expect(validateTemplate(generic).ok).toBe(true)
  })
  it.each([
    ['a component missing', (t: Editable): unknown => t.components.pop(), 'components'],
    ['a component twice', (t: Editable): unknown => (t.components[1]!.id = 'detox'), 'components'],
    ['points 0', (t: Editable): unknown => (t.components[0]!.items[2]!.points = 0), 'components.0.items.2.points'],
    ['unknown scoring', (t: Editable): unknown => (t.components[0]!.items[0]!.scoring = 'sometimes'), 'components.0.items.0.scoring'],
    ['duplicate item id', (t: Editable): unknown => (t.components[0]!.items[1]!.id = t.components[0]!.items[0]!.id), 'components.0.items.1.id'],
    ['pass mark above the maximum', (t: Editable): unknown => (t.components[1]!.passRule = { kind: 'min_points', points: 101 }), 'components.1.passRule.points'],
    ['unknown evidence kind', (t: Editable): unknown => (t.components[1]!.items[1]!.evidence = { kind: 'horoscope' }), 'components.1.items.1.evidence.kind'],
    ['bad effective date', (t: Editable): unknown => (t.effectiveDate = '2021/01/01'), 'effectiveDate'],
    ['bad id', (t: Editable): unknown => (t.id = 'Beijing 2021'), 'id'],
    ['unknown field', (t: Editable): unknown => (t.extra = 1), '(template)'],
  ] as const)('%s → %s', (_name, mutate, path) => {
    const t = base()
    mutate(t)
    const result = validateTemplate(t)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path)
  })
})
