/**
 * The norms-file schema. A standard (国民体质测定标准 2003, a provincial rehab standard, a later revision) is a JSON file:
 * age bands, composite-grade cut-offs per age group, and per item who takes it and its thresholds by age band and sex.
 * Everything is checked at load, so a misprinted file is refused with its name and the path of the bad value instead
 * of grading people wrongly later: thresholds monotonic within each row, every band present for everyone the item
 * applies to, only known items and measures.
 */
import { z } from 'zod'
import { FITNESS_ITEMS, FITNESS_MEASURES, SEXES, type FitnessItem, type FitnessMeasure, type Sex } from './items'

export interface AgeSpan {
  /** "20-24" */
  id: string
  min: number
  max: number
}

const SPAN = /^(\d{1,3})-(\d{1,3})$/
const spanSchema = z
  .string()
  .regex(SPAN, 'an age span is written "20-24"')
  .transform((id, ctx): AgeSpan => {
    const [, a, b] = SPAN.exec(id)!
    const span = { id, min: Number(a), max: Number(b) }
    if (span.min > span.max) ctx.addIssue({ code: 'custom', message: `age span ${id} runs backwards` })
    return span
  })

const sexSchema = z.enum(SEXES as [Sex, ...Sex[]])
const localized = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) })

/** Who takes an item: sexes and an age span (push-ups: men 20–39). An item applies if any rule matches. */
const appliesSchema = z.array(z.object({ sexes: z.array(sexSchema).min(1), ages: spanSchema }).strict()).min(1)

const thresholdRowSchema = z.object({ ages: spanSchema, sex: sexSchema, thresholds: z.array(z.number()).min(1).max(10) }).strict()

/** Height row "165" (165.0–165.9 cm) → weights [1 pt below, 3 pt below, 5 pt up to, 3 pt up to]; above the last → 1 pt. */
const bellRowSchema = z
  .object({ ages: spanSchema, sex: sexSchema, heights: z.record(z.string().regex(/^\d{2,3}$/, 'a height row is whole centimetres'), z.tuple([z.number(), z.number(), z.number(), z.number()])) })
  .strict()

const lookupItemSchema = z
  .object({ kind: z.enum(['ascending', 'descending']), applies: appliesSchema, rows: z.array(thresholdRowSchema).min(1) })
  .strict()
const bellItemSchema = z.object({ kind: z.literal('bell_by_height'), applies: appliesSchema, rows: z.array(bellRowSchema).min(1) }).strict()
const itemSchema = z.discriminatedUnion('kind', [lookupItemSchema, bellItemSchema])

const plausibleSchema = z.object({ min: z.number(), max: z.number(), decimals: z.number().int().min(0).max(4) }).strict()

const gradeCutsSchema = z
  .object({ excellent: z.number().int(), good: z.number().int(), pass: z.number().int() })
  .strict()
  .refine((g) => g.excellent > g.good && g.good > g.pass, 'grade cut-offs must fall: excellent > good > pass')

export const fitnessStandardSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'an id is letters, digits, "-", "_" or "."'),
    version: z.string().min(1),
    name: localized,
    source: z.string().optional(),
    notes: z.array(z.string()).optional(),
    errata: z.array(z.string()).optional(),
    sexes: z.array(sexSchema).min(1),
    ageRange: z.object({ min: z.number().int(), max: z.number().int() }).strict(),
    ageBands: z.array(spanSchema).min(1),
    ageGroups: z.array(z.object({ ages: spanSchema, grades: gradeCutsSchema }).strict()).min(1),
    plausibleNote: z.string().optional(),
    plausible: z.object(Object.fromEntries(FITNESS_MEASURES.map((m) => [m, plausibleSchema])) as Record<FitnessMeasure, typeof plausibleSchema>).strict(),
    items: z.partialRecord(z.enum(FITNESS_ITEMS), itemSchema),
  })
  .strict()
  .superRefine(checkStandard)

type RawStandard = z.output<typeof fitnessStandardSchema>
export type FitnessItemNorm = NonNullable<RawStandard['items'][FitnessItem]>
export type ThresholdItemNorm = Extract<FitnessItemNorm, { kind: 'ascending' | 'descending' }>
export type BellItemNorm = Extract<FitnessItemNorm, { kind: 'bell_by_height' }>
export type GradeCuts = z.output<typeof gradeCutsSchema>
/** A parsed, validated norms file. */
export type FitnessStandard = RawStandard

const within = (inner: AgeSpan, outer: { min: number; max: number }) => inner.min >= outer.min && inner.max <= outer.max

/** The spans must tile the standard's age range exactly: no gap, no overlap. */
function checkTiling(spans: AgeSpan[], range: { min: number; max: number }, path: PropertyKey[], ctx: z.RefinementCtx) {
  const sorted = [...spans].sort((a, b) => a.min - b.min)
  let next = range.min
  for (const s of sorted) {
    if (s.min !== next) ctx.addIssue({ code: 'custom', path, message: `${s.id}: expected a span starting at ${next} (spans must cover ${range.min}-${range.max} without gap or overlap)` })
    next = s.max + 1
  }
  if (next !== range.max + 1) ctx.addIssue({ code: 'custom', path, message: `spans end at ${next - 1}, the standard's ages end at ${range.max}` })
}

function checkStandard(s: RawStandard, ctx: z.RefinementCtx) {
  if (s.ageRange.min > s.ageRange.max) ctx.addIssue({ code: 'custom', path: ['ageRange'], message: 'min is above max' })
  checkTiling(s.ageBands, s.ageRange, ['ageBands'], ctx)
  checkTiling(s.ageGroups.map((g) => g.ages), s.ageRange, ['ageGroups'], ctx)
  s.ageBands.forEach((band, i) => {
    if (!s.ageGroups.some((g) => within(band, g.ages))) ctx.addIssue({ code: 'custom', path: ['ageBands', i], message: `band ${band.id} lies across two age groups` })
  })
  for (const [m, p] of Object.entries(s.plausible)) {
    if (p.min >= p.max) ctx.addIssue({ code: 'custom', path: ['plausible', m], message: 'min must be below max' })
  }
  for (const [item, norm] of Object.entries(s.items) as Array<[FitnessItem, FitnessItemNorm]>) checkItem(s, item, norm, ctx)
}

function checkItem(s: RawStandard, item: FitnessItem, norm: FitnessItemNorm, ctx: z.RefinementCtx) {
  const at = (...path: PropertyKey[]) => ['items', item, ...path]
  norm.applies.forEach((rule, i) => {
    if (!within(rule.ages, s.ageRange)) ctx.addIssue({ code: 'custom', path: at('applies', i, 'ages'), message: `outside the standard's ages ${s.ageRange.min}-${s.ageRange.max}` })
  })
  const rows: Array<{ ages: AgeSpan; sex: Sex }> = norm.rows
  rows.forEach((row, i) => {
    if (!s.sexes.includes(row.sex)) ctx.addIssue({ code: 'custom', path: at('rows', i, 'sex'), message: `the standard does not cover sex ${row.sex}` })
    const bands = s.ageBands.filter((b) => within(b, row.ages))
    if (bands.length === 0 || bands.reduce((n, b) => n + b.max - b.min + 1, 0) !== row.ages.max - row.ages.min + 1) {
      ctx.addIssue({ code: 'custom', path: at('rows', i, 'ages'), message: `${row.ages.id} is not made of whole age bands` })
    }
    const applies = norm.applies.some((r) => r.sexes.includes(row.sex) && row.ages.min <= r.ages.max && row.ages.max >= r.ages.min)
    if (!applies) ctx.addIssue({ code: 'custom', path: at('rows', i), message: `row ${row.ages.id} ${row.sex}: the item does not apply to these people` })
  })
  // Every band of everyone the item applies to has exactly one row.
  for (const sex of s.sexes) {
    for (const band of s.ageBands) {
      const applies = norm.applies.some((r) => r.sexes.includes(sex) && within(band, r.ages))
      if (!applies) continue
      const n = rows.filter((r) => r.sex === sex && within(band, r.ages)).length
      if (n !== 1) ctx.addIssue({ code: 'custom', path: at('rows'), message: `${n === 0 ? 'no row' : `${n} rows`} for ${sex} ${band.id}` })
    }
  }
  if (norm.kind === 'bell_by_height') {
    norm.rows.forEach((row, i) => {
      for (const [cm, w] of Object.entries(row.heights)) {
        if (!(w[0] < w[1] && w[1] < w[2] && w[2] < w[3])) ctx.addIssue({ code: 'custom', path: at('rows', i, 'heights', cm), message: `weights must rise along the row, got ${w.join(' / ')}` })
      }
    })
    return
  }
  const length = norm.rows[0]!.thresholds.length
  norm.rows.forEach((row, i) => {
    if (row.thresholds.length !== length) ctx.addIssue({ code: 'custom', path: at('rows', i, 'thresholds'), message: `expected ${length} thresholds like the first row, got ${row.thresholds.length}` })
    for (let k = 1; k < row.thresholds.length; k++) {
      const [a, b] = [row.thresholds[k - 1]!, row.thresholds[k]!]
      const ok = norm.kind === 'ascending' ? b > a : b < a
      if (!ok) ctx.addIssue({ code: 'custom', path: at('rows', i, 'thresholds', k), message: `${norm.kind} thresholds must ${norm.kind === 'ascending' ? 'rise' : 'fall'}: ${a} then ${b}` })
    }
  })
}

/** A norms file that failed validation; the message names the file and lists every problem with its path. */
export class FitnessStandardError extends Error {
  constructor(
    readonly source: string,
    readonly issues: Array<{ path: string; message: string }>,
  ) {
    super(`${source}: invalid fitness standard:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`)
    this.name = 'FitnessStandardError'
  }
}

const formatPath = (path: ReadonlyArray<PropertyKey>) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '')

/** Validates a parsed norms file; `file` is named in the error. */
export function parseFitnessStandard(data: unknown, file: string): FitnessStandard {
  const r = fitnessStandardSchema.safeParse(data)
  if (r.success) return r.data
  throw new FitnessStandardError(file, r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })))
}
