/**
 * The one scoring engine for every data-defined instrument (./schema.ts). Nothing here knows a particular scale:
 * PHQ-9's item-9 rule, SCL-90's screening rule and the Zung standard score are all data in resources/instruments/.
 *
 * Steps: check the answers → reverse items ((min + max) − v) → factor means → derived scores in definition order →
 * band under the chosen cut-off set → flags (each rule, or the caller's override of it).
 *
 * Reported numbers: sums and counts are whole; means (factor scores, `mean` scores) are rounded half-up to 2 decimals
 * from the exact fraction. Flag conditions compare the reported numbers, so a printed factor score of 2.00 is what a
 * "factor ≥ 2" rule saw.
 */
import {
  cleanFloat,
  conditionReferenceIssues,
  conditionSchema,
  formatPath,
  roundWhole,
  ROUNDING_MODES,
  type Bilingual,
  type ComparisonOp,
  type Condition,
  type ConditionRefs,
  type CutoffSet,
  type Instrument,
  type ItemFilter,
  type RoundingMode,
} from './schema'

export interface ScoreOptions {
  /** A cut-off set of the instrument; default: the set marked default. */
  cutoffSetId?: string | undefined
  /** For transforms with rounding 'setting' (Zung standard score, domain-reference D6). Default 'truncate'. */
  rounding?: RoundingMode | undefined
  /** Replacement conditions for named flag rules, e.g. a facility's SCL-90 rule with factor '>' 2 (D3). */
  flagOverrides?: Partial<Record<string, Condition>> | undefined
}

export interface ScoredBand {
  id: string
  label: Bilingual
  severity: number
  interpretation: Bilingual
}

export interface ScoredFlag {
  id: string
  label: Bilingual
  createsTask: boolean
}

export interface ScoreResult {
  instrumentId: string
  version: string
  cutoffSetId: string | null
  rounding: RoundingMode
  /** The answers as given, on the instrument's own response scale. */
  answers: number[]
  /** After reversal. */
  scored: number[]
  scores: Record<string, number>
  factors: Record<string, number>
  band: ScoredBand | null
  /** Only the flags that fire, in definition order. */
  flags: ScoredFlag[]
}

/** Answers or options the engine cannot score; the message names the item where there is one. */
export class ScoringInputError extends Error {
  constructor(
    message: string,
    readonly item?: number,
  ) {
    super(message)
    this.name = 'ScoringInputError'
  }
}

type ScoreStep = (scored: number[], values: Record<string, number>, rounding: RoundingMode) => number

interface Compiled {
  count: number
  min: number
  max: number
  /** min + max where the item is reversed, else 0. */
  reverseSum: number[]
  factors: Array<{ id: string; index: number[] }>
  factorIds: string[]
  steps: Array<{ id: string; run: ScoreStep }>
  cutoffSets: Map<string, CutoffSet>
  defaultCutoffSet: CutoffSet | null
  refs: ConditionRefs
}

const compiledCache = new WeakMap<Instrument, Compiled>()

function compiled(instrument: Instrument): Compiled {
  let c = compiledCache.get(instrument)
  if (!c) {
    c = compile(instrument)
    compiledCache.set(instrument, c)
  }
  return c
}

/** Half-up rounding of numerator / denominator to 2 decimals, exact for whole-number inputs. */
function ratio2(numerator: number, denominator: number): number {
  if (denominator === 0) return 0
  return Math.floor((numerator * 200 + denominator) / (2 * denominator)) / 100
}

function passes(v: number, where: ItemFilter | undefined): boolean {
  if (!where) return true
  return (where.gte === undefined || v >= where.gte) && (where.lte === undefined || v <= where.lte)
}

function compile(instrument: Instrument): Compiled {
  const values = instrument.responseOptions.map((o) => o.value)
  const min = values[0]!
  const max = values[values.length - 1]!
  const count = instrument.items.length
  const steps: Compiled['steps'] = instrument.scores.map((s) => {
    switch (s.kind) {
      case 'sum': {
        const index = s.items ? s.items.map((k) => k - 1) : null
        const run: ScoreStep = index
          ? (scored) => {
              let t = 0
              for (const i of index) t += scored[i]!
              return t
            }
          : (scored) => {
              let t = 0
              for (let i = 0; i < scored.length; i++) t += scored[i]!
              return t
            }
        return { id: s.id, run }
      }
      case 'mean':
      case 'count': {
        const where = s.where
        const mean = s.kind === 'mean'
        const run: ScoreStep = (scored) => {
          let t = 0
          let k = 0
          for (let i = 0; i < scored.length; i++) {
            const v = scored[i]!
            if (passes(v, where)) {
              t += v
              k++
            }
          }
          return mean ? ratio2(t, k) : k
        }
        return { id: s.id, run }
      }
      case 'transform': {
        const { of, multiply, add, rounding } = s
        const run: ScoreStep = (_scored, got, setting) => {
          const v = got[of]! * multiply + add
          if (rounding === 'none') return Math.floor(cleanFloat(v * 100) + 0.5) / 100
          return roundWhole(v, rounding === 'setting' ? setting : rounding)
        }
        return { id: s.id, run }
      }
    }
  })
  const cutoffSets = new Map(instrument.cutoffSets.map((set) => [set.id, set]))
  const factors = (instrument.factors ?? []).map((f) => ({ id: f.id, index: f.items.map((k) => k - 1) }))
  return {
    count,
    min,
    max,
    reverseSum: instrument.items.map((item) => (item.reverse ? min + max : 0)),
    factors,
    factorIds: factors.map((f) => f.id),
    steps,
    cutoffSets,
    defaultCutoffSet: instrument.cutoffSets.find((set) => set.default) ?? null,
    refs: {
      itemCount: count,
      scoreIds: new Set(instrument.scores.map((s) => s.id)),
      factorIds: new Set(factors.map((f) => f.id)),
      bandIds: new Set(instrument.cutoffSets.flatMap((set) => set.bands.map((b) => b.id))),
    },
  }
}

function compare(a: number, op: ComparisonOp, b: number): boolean {
  switch (op) {
    case '>':
      return a > b
    case '>=':
      return a >= b
    case '<':
      return a < b
    case '<=':
      return a <= b
    case '==':
      return a === b
  }
}

interface Facts {
  answers: readonly number[]
  scores: Record<string, number>
  factors: Record<string, number>
  factorIds: string[]
  bandId: string | null
}

function holds(c: Condition, f: Facts): boolean {
  if ('any' in c) return c.any.some((sub) => holds(sub, f))
  if ('all' in c) return c.all.every((sub) => holds(sub, f))
  if ('item' in c) return compare(f.answers[c.item - 1]!, c.op, c.value)
  if ('score' in c) return compare(f.scores[c.score]!, c.op, c.value)
  if ('factor' in c) return compare(f.factors[c.factor]!, c.op, c.value)
  if ('anyFactor' in c) return f.factorIds.some((id) => compare(f.factors[id]!, c.op, c.value))
  return f.bandId !== null && c.bandIn.includes(f.bandId)
}

function checkOverrides(instrument: Instrument, c: Compiled, overrides: Partial<Record<string, Condition>>): void {
  for (const [flagId, condition] of Object.entries(overrides)) {
    if (condition === undefined) continue
    if (!instrument.flags.some((f) => f.id === flagId)) {
      throw new ScoringInputError(`flag override "${flagId}": ${instrument.id} has no such flag (${instrument.flags.map((f) => f.id).join(', ') || 'none'})`)
    }
    const where = (path: ReadonlyArray<PropertyKey>) => `flag override "${flagId}"${path.length ? ` at ${formatPath(path)}` : ''}`
    const parsed = conditionSchema.safeParse(condition)
    if (!parsed.success) throw new ScoringInputError(`${where(parsed.error.issues[0]!.path)}: ${parsed.error.issues[0]!.message}`)
    const problem = conditionReferenceIssues(parsed.data, c.refs)[0]
    if (problem) throw new ScoringInputError(`${where(problem.path)}: ${problem.message}`)
  }
}

export function scoreInstrument(instrument: Instrument, answers: readonly number[], options: ScoreOptions = {}): ScoreResult {
  const c = compiled(instrument)
  if (!Array.isArray(answers)) throw new ScoringInputError(`expected an array of ${c.count} answers`)
  if (answers.length !== c.count) throw new ScoringInputError(`expected ${c.count} answers, got ${answers.length}`)

  const rounding = options.rounding ?? 'truncate'
  if (!ROUNDING_MODES.includes(rounding)) throw new ScoringInputError(`unknown rounding "${String(rounding)}" (truncate or round_half_up)`)
  let cutoffSet: CutoffSet | null = c.defaultCutoffSet
  if (options.cutoffSetId !== undefined) {
    cutoffSet = c.cutoffSets.get(options.cutoffSetId) ?? null
    if (!cutoffSet) {
      const known = [...c.cutoffSets.keys()]
      throw new ScoringInputError(`unknown cut-off set "${options.cutoffSetId}" for ${instrument.id}` + (known.length ? ` (one of ${known.join(', ')})` : ' (it has none)'))
    }
  }
  if (options.flagOverrides) checkOverrides(instrument, c, options.flagOverrides)

  const scored = new Array<number>(c.count)
  for (let i = 0; i < c.count; i++) {
    const v = answers[i]!
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new ScoringInputError(`item ${i + 1}: ${String(v)} is not a whole number`, i + 1)
    if (v < c.min || v > c.max) throw new ScoringInputError(`item ${i + 1}: ${v} is outside ${c.min}–${c.max}`, i + 1)
    const r = c.reverseSum[i]!
    scored[i] = r === 0 ? v : r - v
  }

  const factors: Record<string, number> = {}
  for (const f of c.factors) {
    let t = 0
    for (const i of f.index) t += scored[i]!
    factors[f.id] = ratio2(t, f.index.length)
  }

  const scores: Record<string, number> = {}
  for (const step of c.steps) scores[step.id] = step.run(scored, scores, rounding)

  let band: ScoredBand | null = null
  if (cutoffSet && instrument.bandScore !== undefined) {
    const v = scores[instrument.bandScore]!
    const b = cutoffSet.bands.find((x) => v >= x.min && (x.max === undefined || v <= x.max))
    // The schema guarantees the bands cover every value the score can take.
    if (!b) throw new Error(`${instrument.id}: ${instrument.bandScore} ${v} falls in no band of ${cutoffSet.id}`)
    band = { id: b.id, label: b.label, severity: b.severity, interpretation: b.interpretation }
  }

  const facts: Facts = { answers, scores, factors, factorIds: c.factorIds, bandId: band?.id ?? null }
  const flags: ScoredFlag[] = []
  for (const rule of instrument.flags) {
    const when = options.flagOverrides?.[rule.id] ?? rule.when
    if (holds(when, facts)) flags.push({ id: rule.id, label: rule.label, createsTask: rule.createsTask })
  }

  return {
    instrumentId: instrument.id,
    version: instrument.version,
    cutoffSetId: cutoffSet?.id ?? null,
    rounding,
    answers: [...answers],
    scored,
    scores,
    factors,
    band,
    flags,
  }
}
