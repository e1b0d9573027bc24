/**
 * Diagnostic-assessment templates (诊断评估, domain-reference §3) as data: a province's four components, each with items,
 * points and a pass rule, and the assessment points it serves. A template is a JSON document checked here once, when it
 * is loaded or imported; the one engine in ./score.ts scores any template that passes this schema.
 *
 * What the national 办法 fixes (§3.2): four components, three graded 合格/不合格 and 社会环境与适应能力 graded 良好/一般.
 * Everything else (items, points, pass rules, which evidence counts) is provincial and, unless a source is named in
 * the file, UNVERIFIED: a component carries `unverified: true` and the screens say so.
 */
import { z } from 'zod'

export const ASSESSMENT_POINTS = ['admission', 'detox', 'stage', 'one_year', 'pre_expiry'] as const
export type AssessmentPoint = (typeof ASSESSMENT_POINTS)[number]

export const COMPONENT_IDS = ['detox', 'rehab', 'behaviour', 'social'] as const
export type ComponentId = (typeof COMPONENT_IDS)[number]

/** 合格/不合格 for the first three components, 良好/一般 for the social one (national 办法 Art 6 and [P2]). */
export const COMPONENT_SCALE: Record<ComponentId, 'pass_fail' | 'good_fair'> = {
  detox: 'pass_fail',
  rehab: 'pass_fail',
  behaviour: 'pass_fail',
  social: 'good_fair',
}

export const FITNESS_GRADE_ORDER = ['fail', 'pass', 'good', 'excellent'] as const
export type FitnessGradeName = (typeof FITNESS_GRADE_ORDER)[number]

export const bilingual = z.strictObject({ zh: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
export type BilingualText = z.infer<typeof bilingual>

const slug = z.string().regex(/^[a-z][a-z0-9_-]{0,59}$/, 'an id is a lower-case letter followed by up to 59 letters, digits, - or _')

/**
 * Where an item's suggested result comes from. The assessor always confirms or overrides it with a note; `manual`
 * items have no source and are entered by hand.
 */
export const evidenceSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('manual') }),
  /** Latest knowledge-test score (of a paper purpose when given, e.g. 禁毒知识) at least `minScore`. */
  z.strictObject({
    kind: z.literal('knowledge'),
    purpose: z.string().min(1).max(40).optional(),
    minScore: z.number().min(0).max(100),
  }),
  /** Latest result of a psychological instrument: met when its band is one of `passBands`. */
  z.strictObject({ kind: z.literal('psych'), instrumentId: z.string().min(1).max(40), passBands: z.array(z.string().min(1).max(40)).min(1) }),
  /** Latest fitness grade at least `minGrade`. */
  z.strictObject({ kind: z.literal('fitness'), minGrade: z.enum(FITNESS_GRADE_ORDER) }),
  /** Course attendance rate (present ÷ sessions held, over the stay) at least `minRate` percent. */
  z.strictObject({ kind: z.literal('attendance'), minRate: z.number().min(0).max(100) }),
  /** At least `minCount` live certificates held. */
  z.strictObject({ kind: z.literal('certificate'), minCount: z.number().int().min(1).max(20) }),
  /** Behaviour points (rewards − sanctions, ward records) over the stay at least `minTotal`. */
  z.strictObject({ kind: z.literal('conduct'), minTotal: z.number().int().min(-10000).max(10000) }),
])
export type EvidenceSource = z.infer<typeof evidenceSourceSchema>
export type EvidenceKind = EvidenceSource['kind']
export const EVIDENCE_KINDS = ['manual', 'knowledge', 'psych', 'fitness', 'attendance', 'certificate', 'conduct'] as const satisfies readonly EvidenceKind[]

export const itemSchema = z.strictObject({
  id: slug,
  label: bilingual,
  /** Points the item is worth when met. */
  points: z.number().int().min(1).max(100),
  /** all_or_nothing: 0 or `points`; graded: any whole number 0..points. */
  scoring: z.enum(['all_or_nothing', 'graded']),
  evidence: evidenceSourceSchema.default({ kind: 'manual' }),
  /** A note for the assessor (what counts, what to check). */
  hint: bilingual.optional(),
})
export type TemplateItem = z.infer<typeof itemSchema>

export const passRuleSchema = z.discriminatedUnion('kind', [
  /** Every item met in full. */
  z.strictObject({ kind: z.literal('all_items') }),
  /** At least `points` points over the component. */
  z.strictObject({ kind: z.literal('min_points'), points: z.number().int().min(0).max(10000) }),
])
export type PassRule = z.infer<typeof passRuleSchema>

export const componentSchema = z.strictObject({
  id: z.enum(COMPONENT_IDS),
  /** No retrievable source for this component's items or rule: shown as UNVERIFIED until the customer confirms it. */
  unverified: z.boolean().default(false),
  items: z.array(itemSchema).min(1).max(40),
  passRule: passRuleSchema,
  /** The assessment points at which this component is scored (default: every point the template serves). */
  points: z.array(z.enum(ASSESSMENT_POINTS)).min(1).optional(),
})
export type TemplateComponent = z.infer<typeof componentSchema>

/**
 * Which result suggests which recommendation (the 办法's outcome articles were not retrievable, §3.5: UNVERIFIED, so the
 * template says it). The legal constraints (one year, escapes, §38, 12 months) are enforced in the core regardless.
 */
export const suggestionSchema = z.strictObject({
  /** At one_year: propose early release when every pass/fail component is 合格 and (if asked) social is 良好. */
  earlyReleaseNeedsSocialGood: z.boolean().default(true),
  /** At pre_expiry: propose an extension when any pass/fail component is 不合格; months proposed by default. */
  extensionMonths: z.number().int().min(1).max(12).default(6),
})

export const templateSchema = z
  .strictObject({
    id: slug,
    province: z.string().trim().min(1).max(40),
    name: bilingual,
    /** The template's own version label, as the province names it (e.g. "2021"). */
    version: z.string().trim().min(1).max(40),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
    source: z.string().trim().min(1).max(1000),
    points: z.array(z.enum(ASSESSMENT_POINTS)).min(1),
    components: z.array(componentSchema).length(4),
    suggestion: suggestionSchema.default({ earlyReleaseNeedsSocialGood: true, extensionMonths: 6 }),
  })
  .superRefine((t, ctx) => {
    COMPONENT_IDS.forEach((cid) => {
      const count = t.components.filter((c) => c.id === cid).length
      if (count !== 1) ctx.addIssue({ code: 'custom', path: ['components'], message: `component '${cid}' must appear exactly once (found ${count})` })
    })
    t.components.forEach((c, ci) => {
      const ids = new Set<string>()
      c.items.forEach((item, ii) => {
        if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['components', ci, 'items', ii, 'id'], message: `item id '${item.id}' is used twice in this component` })
        ids.add(item.id)
      })
      const max = c.items.reduce((a, i) => a + i.points, 0)
      if (c.passRule.kind === 'min_points' && c.passRule.points > max) {
        ctx.addIssue({ code: 'custom', path: ['components', ci, 'passRule', 'points'], message: `the pass mark ${c.passRule.points} is above the component's ${max} points` })
      }
      for (const [pi, p] of (c.points ?? []).entries()) {
        if (!t.points.includes(p)) ctx.addIssue({ code: 'custom', path: ['components', ci, 'points', pi], message: `point '${p}' is not one the template serves` })
      }
    })
  })
export type AssessmentTemplate = z.output<typeof templateSchema>

export interface TemplateProblem {
  /** Dot path into the JSON, e.g. `components.0.items.2.points`. */
  path: string
  message: string
}

/** Parses a template, or lists every problem with its field path (shown at the import field). */
export function validateTemplate(data: unknown): { ok: true; template: AssessmentTemplate } | { ok: false; problems: TemplateProblem[] } {
  const result = templateSchema.safeParse(data)
  if (result.success) return { ok: true, template: result.data }
  return { ok: false, problems: result.error.issues.map((i) => ({ path: i.path.join('.') || '(template)', message: i.message })) }
}

/** Parses a shipped template; a broken one stops start-up with the file and path named. */
export function parseTemplate(data: unknown, file: string): AssessmentTemplate {
  const checked = validateTemplate(data)
  if (!checked.ok) throw new Error(`${file}: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  return checked.template
}

/** The component's items scored at this point (all of them unless the component names its points). */
export const componentServes = (c: TemplateComponent, point: AssessmentPoint): boolean => !c.points || c.points.includes(point)
