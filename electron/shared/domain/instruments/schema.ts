/**
 * Data-defined psychological instruments (domain-reference §4; design.md "Psychology"). An instrument is a JSON document
 * — items, response options, reverse items, factors, derived scores, cut-off sets with bands, and flag rules — checked
 * here once, when it is loaded. The one generic engine in ./score.ts scores any definition that passes this schema.
 *
 * Conventions:
 * - Every text is bilingual { zh, en }.
 * - Response option values are consecutive whole numbers in ascending order (0–3, 1–4, 1–5). A reverse item maps an
 *   answer v to (min + max) − v.
 * - Item texts are present on every item when `licence.itemTextsShipped` is true and on none when it is false (§4.7:
 *   the facility loads its own licensed copy).
 * - Bands apply to one whole-number score (`bandScore`); each band covers min..max inclusive, bands are consecutive
 *   without gaps or overlaps and together cover every value the score can take.
 */
import { z } from 'zod'

export const bilingualSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) })
export type Bilingual = z.infer<typeof bilingualSchema>

const idSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an id is a letter followed by letters, digits or _')
const itemNumberSchema = z.number().int().min(1)

export const COMPARISON_OPS = ['>', '>=', '<', '<=', '=='] as const
export type ComparisonOp = (typeof COMPARISON_OPS)[number]
const opSchema = z.enum(COMPARISON_OPS)

export const ROUNDING_MODES = ['truncate', 'round_half_up'] as const
export type RoundingMode = (typeof ROUNDING_MODES)[number]

// ---------------------------------------------------------------------------------------------------------------
// Conditions (flag rules): a small language, data not code.
// ---------------------------------------------------------------------------------------------------------------

/** An item's answer as given (as circled on paper, before reversal). */
export interface ItemCondition {
  item: number
  op: ComparisonOp
  value: number
}
/** A derived score, as reported (means rounded to 2 decimals). */
export interface ScoreCondition {
  score: string
  op: ComparisonOp
  value: number
}
/** One named factor score, as reported. */
export interface FactorCondition {
  factor: string
  op: ComparisonOp
  value: number
}
/** True when at least one factor score satisfies the comparison. */
export interface AnyFactorCondition {
  anyFactor: true
  op: ComparisonOp
  value: number
}
/** The band found under the cut-off set in use has one of these ids. */
export interface BandCondition {
  bandIn: string[]
}
export interface AnyCondition {
  any: Condition[]
}
export interface AllCondition {
  all: Condition[]
}
export type Condition = ItemCondition | ScoreCondition | FactorCondition | AnyFactorCondition | BandCondition | AnyCondition | AllCondition

const CONDITION_SHAPES =
  'a condition is one of {item, op, value}, {score, op, value}, {factor, op, value}, {anyFactor: true, op, value}, {bandIn: [...]}, {any: [...]}, {all: [...]}'

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ item: itemNumberSchema, op: opSchema, value: z.number() }),
      z.strictObject({ score: idSchema, op: opSchema, value: z.number() }),
      z.strictObject({ factor: idSchema, op: opSchema, value: z.number() }),
      z.strictObject({ anyFactor: z.literal(true), op: opSchema, value: z.number() }),
      z.strictObject({ bandIn: z.array(idSchema).min(1) }),
      z.strictObject({ any: z.array(conditionSchema).min(1) }),
      z.strictObject({ all: z.array(conditionSchema).min(1) }),
    ],
    { error: CONDITION_SHAPES },
  ),
)

// ---------------------------------------------------------------------------------------------------------------
// Derived scores
// ---------------------------------------------------------------------------------------------------------------

/** Keeps only scored item values within the bounds (inclusive). */
const whereSchema = z
  .strictObject({ gte: z.number().optional(), lte: z.number().optional() })
  .refine((w) => w.gte !== undefined || w.lte !== undefined, 'where needs gte and/or lte')
export type ItemFilter = z.infer<typeof whereSchema>

const scoreBase = { id: idSchema, name: bilingualSchema.optional() }

export const scoreDefinitionSchema = z.discriminatedUnion('kind', [
  /** Sum of the scored items (all items, or the listed ones). */
  z.strictObject({ ...scoreBase, kind: z.literal('sum'), items: z.array(itemNumberSchema).min(1).optional() }),
  /** Mean of the scored items (optionally only those passing `where`); 0 when none pass; reported to 2 decimals. */
  z.strictObject({ ...scoreBase, kind: z.literal('mean'), where: whereSchema.optional() }),
  /** Number of scored items passing `where`. */
  z.strictObject({ ...scoreBase, kind: z.literal('count'), where: whereSchema }),
  /**
   * An earlier score × multiply + add, then rounded: 'setting' uses the caller's rounding option (domain-reference D6),
   * 'truncate' / 'round_half_up' fix it, 'none' keeps 2 decimals.
   */
  z.strictObject({
    ...scoreBase,
    kind: z.literal('transform'),
    of: idSchema,
    multiply: z.number().default(1),
    add: z.number().default(0),
    rounding: z.enum(['setting', 'truncate', 'round_half_up', 'none']),
  }),
])
export type ScoreDefinition = z.infer<typeof scoreDefinitionSchema>

// ---------------------------------------------------------------------------------------------------------------
// Instrument
// ---------------------------------------------------------------------------------------------------------------

export const bandSchema = z.strictObject({
  id: idSchema,
  label: bilingualSchema,
  /** 0 none/minimal, 1 mild, 2 moderate, 3 moderately severe, 4 severe: the same meaning across instruments. */
  severity: z.number().int().min(0).max(4),
  min: z.number().int(),
  /** Inclusive; absent = no upper bound. */
  max: z.number().int().optional(),
  interpretation: bilingualSchema,
})
export type Band = z.infer<typeof bandSchema>

export const cutoffSetSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'a cut-off set id is upper case, e.g. SDS_CN_53'),
  name: bilingualSchema,
  default: z.boolean().optional(),
  /** Source keys in domain-reference.md, e.g. "P29a". */
  source: z.string().optional(),
  bands: z.array(bandSchema).min(1),
})
export type CutoffSet = z.infer<typeof cutoffSetSchema>

export const flagSchema = z.strictObject({
  id: idSchema,
  label: bilingualSchema,
  when: conditionSchema,
  /** A firing flag raises a task for a clinician, not only a label (domain-reference §4.7 "Implication"). */
  createsTask: z.boolean(),
})
export type FlagRule = z.infer<typeof flagSchema>

export const factorSchema = z.strictObject({ id: idSchema, name: bilingualSchema, items: z.array(itemNumberSchema).min(1) })
export type Factor = z.infer<typeof factorSchema>

export const itemSchema = z.strictObject({ number: itemNumberSchema, text: bilingualSchema.optional(), reverse: z.boolean().optional() })
export type Item = z.infer<typeof itemSchema>

export const responseOptionSchema = z.strictObject({ value: z.number().int(), label: bilingualSchema })
export type ResponseOption = z.infer<typeof responseOptionSchema>

const instrumentObject = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'an instrument id is lower case, e.g. zung_sds'),
  version: z.string().min(1),
  name: bilingualSchema,
  shortName: z.string().min(1),
  licence: z.strictObject({ note: bilingualSchema, itemTextsShipped: z.boolean() }),
  recallPeriod: bilingualSchema,
  instructions: bilingualSchema.optional(),
  responseOptions: z.array(responseOptionSchema).min(2),
  /** The value of the lowest response option, recorded with the definition (SCL-90 1–5 vs 0–4: domain-reference D4). */
  scoringBase: z.number().int(),
  items: z.array(itemSchema).min(1),
  factors: z.array(factorSchema).optional(),
  scores: z.array(scoreDefinitionSchema).min(1),
  bandScore: idSchema.optional(),
  cutoffSets: z.array(cutoffSetSchema),
  flags: z.array(flagSchema),
})

type Issue = { path: (string | number)[]; message: string }

/** Cross-reference checks the shapes alone cannot express. */
function crossCheck(inst: z.infer<typeof instrumentObject>): Issue[] {
  const issues: Issue[] = []
  const add = (path: (string | number)[], message: string) => issues.push({ path, message })

  // Response options: ascending consecutive whole numbers starting at scoringBase.
  const values = inst.responseOptions.map((o) => o.value)
  values.forEach((v, i) => {
    if (i > 0 && v !== values[i - 1]! + 1) add(['responseOptions', i, 'value'], `response values must be consecutive and ascending: ${values[i - 1]} is followed by ${v}`)
  })
  if (values[0] !== inst.scoringBase) add(['scoringBase'], `scoringBase ${inst.scoringBase} differs from the lowest response value ${values[0]}`)

  // Items: numbered 1..n in order; texts all present or all absent according to the licence.
  inst.items.forEach((item, i) => {
    if (item.number !== i + 1) add(['items', i, 'number'], `items must be numbered 1..${inst.items.length} in order: position ${i + 1} holds item ${item.number}`)
    if (inst.licence.itemTextsShipped && !item.text) add(['items', i, 'text'], `item ${item.number} has no text but licence.itemTextsShipped is true`)
    if (!inst.licence.itemTextsShipped && item.text) add(['items', i, 'text'], `item ${item.number} has a text but licence.itemTextsShipped is false (§4.7: ship no texts)`)
  })
  const n = inst.items.length
  const itemExists = (k: number) => k >= 1 && k <= n

  const factors = inst.factors ?? []
  const factorIds = new Set<string>()
  factors.forEach((f, i) => {
    if (factorIds.has(f.id)) add(['factors', i, 'id'], `duplicate factor id "${f.id}"`)
    factorIds.add(f.id)
    const seen = new Set<number>()
    f.items.forEach((k, j) => {
      if (!itemExists(k)) add(['factors', i, 'items', j], `item ${k} does not exist (the instrument has items 1..${n})`)
      if (seen.has(k)) add(['factors', i, 'items', j], `item ${k} is listed twice in factor "${f.id}"`)
      seen.add(k)
    })
  })

  // Scores: unique ids; a transform refers to an earlier score.
  const scoreIds = new Set<string>()
  inst.scores.forEach((s, i) => {
    if (scoreIds.has(s.id)) add(['scores', i, 'id'], `duplicate score id "${s.id}"`)
    if (s.kind === 'sum') s.items?.forEach((k, j) => itemExists(k) || add(['scores', i, 'items', j], `item ${k} does not exist (the instrument has items 1..${n})`))
    if (s.kind === 'transform' && !scoreIds.has(s.of)) add(['scores', i, 'of'], `"${s.of}" is not a score defined before "${s.id}"`)
    scoreIds.add(s.id)
  })

  // Bands.
  if (inst.bandScore !== undefined) {
    const bandScore = inst.scores.find((s) => s.id === inst.bandScore)
    if (!bandScore) add(['bandScore'], `unknown score "${inst.bandScore}"`)
    else if (!isWholeNumberScore(bandScore)) add(['bandScore'], `"${inst.bandScore}" is not a whole-number score (sum, count or a rounded transform); bands need one`)
    if (inst.cutoffSets.length === 0) add(['cutoffSets'], `bandScore is set, so at least one cut-off set is needed`)
  } else if (inst.cutoffSets.length > 0) {
    add(['bandScore'], 'cut-off sets are defined, so bandScore must name the score they apply to')
  }
  if (inst.cutoffSets.length > 0 && inst.cutoffSets.filter((c) => c.default).length !== 1) {
    add(['cutoffSets'], `exactly one cut-off set must be marked default, found ${inst.cutoffSets.filter((c) => c.default).length}`)
  }
  const range = inst.bandScore ? scoreRange(inst, inst.bandScore) : null
  const cutoffIds = new Set<string>()
  const allBandIds = new Set<string>()
  inst.cutoffSets.forEach((set, i) => {
    if (cutoffIds.has(set.id)) add(['cutoffSets', i, 'id'], `duplicate cut-off set id "${set.id}"`)
    cutoffIds.add(set.id)
    const bandIds = new Set<string>()
    set.bands.forEach((b, j) => {
      const at = ['cutoffSets', i, 'bands', j]
      if (bandIds.has(b.id)) add([...at, 'id'], `duplicate band id "${b.id}" in ${set.id}`)
      bandIds.add(b.id)
      allBandIds.add(b.id)
      if (b.max !== undefined && b.max < b.min) add(at, `band "${b.id}" ends (${b.max}) before it starts (${b.min})`)
      const next = set.bands[j + 1]
      if (next) {
        if (b.max === undefined) add([...at, 'max'], `band "${b.id}" has no upper bound but is followed by "${next.id}"`)
        else if (next.min !== b.max + 1) add(['cutoffSets', i, 'bands', j + 1, 'min'], `band "${next.id}" must start at ${b.max + 1}, right after "${b.id}" ends at ${b.max} (no gaps, no overlaps)`)
      }
    })
    const first = set.bands[0]!
    const last = set.bands[set.bands.length - 1]!
    if (range && first.min > range.min) add(['cutoffSets', i, 'bands', 0, 'min'], `${set.id} starts at ${first.min} but ${inst.bandScore} can be as low as ${range.min}`)
    if (range && last.max !== undefined && last.max < range.max) add(['cutoffSets', i, 'bands', set.bands.length - 1, 'max'], `${set.id} ends at ${last.max} but ${inst.bandScore} can reach ${range.max}`)
  })

  // Flags: unique ids; conditions refer to things that exist.
  const flagIds = new Set<string>()
  const refs: ConditionRefs = { itemCount: n, scoreIds, factorIds, bandIds: allBandIds }
  inst.flags.forEach((f, i) => {
    if (flagIds.has(f.id)) add(['flags', i, 'id'], `duplicate flag id "${f.id}"`)
    flagIds.add(f.id)
    for (const issue of conditionReferenceIssues(f.when, refs)) add(['flags', i, 'when', ...issue.path], issue.message)
  })
  return issues
}

export interface ConditionRefs {
  itemCount: number
  scoreIds: ReadonlySet<string>
  factorIds: ReadonlySet<string>
  bandIds: ReadonlySet<string>
}

/** Problems with what a condition refers to (unknown item, score, factor or band), with paths inside the condition. */
export function conditionReferenceIssues(c: Condition, refs: ConditionRefs, path: (string | number)[] = []): Issue[] {
  if ('any' in c) return c.any.flatMap((sub, i) => conditionReferenceIssues(sub, refs, [...path, 'any', i]))
  if ('all' in c) return c.all.flatMap((sub, i) => conditionReferenceIssues(sub, refs, [...path, 'all', i]))
  if ('item' in c) return c.item >= 1 && c.item <= refs.itemCount ? [] : [{ path: [...path, 'item'], message: `item ${c.item} does not exist (the instrument has items 1..${refs.itemCount})` }]
  if ('score' in c) return refs.scoreIds.has(c.score) ? [] : [{ path: [...path, 'score'], message: `unknown score "${c.score}"` }]
  if ('factor' in c) return refs.factorIds.has(c.factor) ? [] : [{ path: [...path, 'factor'], message: `unknown factor "${c.factor}"` }]
  if ('anyFactor' in c) return refs.factorIds.size > 0 ? [] : [{ path: [...path, 'anyFactor'], message: 'anyFactor needs the instrument to define factors' }]
  return c.bandIn.flatMap((id, i) => (refs.bandIds.has(id) ? [] : [{ path: [...path, 'bandIn', i], message: `unknown band "${id}"` }]))
}

function isWholeNumberScore(s: ScoreDefinition): boolean {
  if (s.kind === 'sum' || s.kind === 'count') return true
  if (s.kind === 'mean') return false
  return s.rounding !== 'none'
}

/** The lowest and highest value a score can take (for the band-coverage check); null when not simply known. */
function scoreRange(inst: z.infer<typeof instrumentObject>, id: string): { min: number; max: number } | null {
  const s = inst.scores.find((x) => x.id === id)
  const lo = inst.responseOptions[0]!.value
  const hi = inst.responseOptions[inst.responseOptions.length - 1]!.value
  if (!s) return null
  if (s.kind === 'sum') {
    const k = s.items?.length ?? inst.items.length
    return { min: k * lo, max: k * hi }
  }
  if (s.kind === 'count') return { min: 0, max: inst.items.length }
  if (s.kind === 'mean') return null
  const of = scoreRange(inst, s.of)
  if (!of) return null
  const ends = [of.min, of.max].map((v) => v * s.multiply + s.add)
  const a = Math.min(...ends)
  const b = Math.max(...ends)
  // Both rounding modes are monotonic; under 'setting' the range spans both.
  const modes: RoundingMode[] = s.rounding === 'setting' ? ['truncate', 'round_half_up'] : s.rounding === 'none' ? [] : [s.rounding]
  if (modes.length === 0) return { min: a, max: b }
  return { min: Math.min(...modes.map((m) => roundWhole(a, m))), max: Math.max(...modes.map((m) => roundWhole(b, m))) }
}

/** Removes binary floating-point noise (45 × 1.1 = 49.50000000000001) before rounding. */
export function cleanFloat(v: number): number {
  return Math.round(v * 1e9) / 1e9
}

/** Whole-number rounding: 'truncate' drops the fraction ("取整数部分"), 'round_half_up' is "四舍五入" (domain-reference D6). */
export function roundWhole(v: number, mode: RoundingMode): number {
  const c = cleanFloat(v)
  return mode === 'truncate' ? Math.trunc(c) : Math.floor(c + 0.5)
}

export const instrumentSchema = instrumentObject.superRefine((inst, ctx) => {
  for (const issue of crossCheck(inst)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
})

export type Instrument = z.infer<typeof instrumentSchema>
/** The JSON as written (transform `multiply` / `add` may be omitted). */
export type InstrumentInput = z.input<typeof instrumentSchema>

/** A definition that failed validation; the message lists every problem with its path. */
export class InstrumentDefinitionError extends Error {
  constructor(
    readonly source: string,
    readonly issues: Array<{ path: string; message: string }>,
  ) {
    super(`${source}: invalid instrument definition:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`)
    this.name = 'InstrumentDefinitionError'
  }
}

/** "factors[3].items[2]" from ['factors', 3, 'items', 2]. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '')
}

/** Validates a definition; `source` (e.g. the file name) is named in the error. */
export function parseInstrument(data: unknown, source: string): Instrument {
  const r = instrumentSchema.safeParse(data)
  if (r.success) return r.data
  throw new InstrumentDefinitionError(
    source,
    r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  )
}
