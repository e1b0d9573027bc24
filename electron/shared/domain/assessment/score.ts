/**
 * The one scoring engine for diagnostic assessments: any template that passes ./schema.ts, any point. Pure: the core
 * gathers evidence and entered points, this decides item suggestions, component results, the overall result and the
 * suggested recommendation. Nothing here knows a province.
 */
import {
  COMPONENT_SCALE,
  FITNESS_GRADE_ORDER,
  componentServes,
  type AssessmentPoint,
  type AssessmentTemplate,
  type ComponentId,
  type EvidenceSource,
  type TemplateItem,
} from './schema'

/** What the core found for an item's evidence source (null value: no record of that kind). */
export type EvidenceFact =
  | { kind: 'knowledge'; score: number | null }
  | { kind: 'psych'; band: string | null }
  | { kind: 'fitness'; grade: string | null }
  | { kind: 'attendance'; rate: number | null }
  | { kind: 'certificate'; count: number }
  | { kind: 'conduct'; total: number | null }

/**
 * Whether the evidence meets the item's rule: true / false, or null when there is no evidence to judge (a missing
 * record opens an evidence request; a manual item has no rule).
 */
export function evidenceMet(source: EvidenceSource, fact: EvidenceFact | null): boolean | null {
  if (source.kind === 'manual' || fact === null || fact.kind !== source.kind) return null
  switch (source.kind) {
    case 'knowledge': {
      const f = fact as Extract<EvidenceFact, { kind: 'knowledge' }>
      return f.score === null ? null : f.score >= source.minScore
    }
    case 'psych': {
      const f = fact as Extract<EvidenceFact, { kind: 'psych' }>
      return f.band === null ? null : source.passBands.includes(f.band)
    }
    case 'fitness': {
      const f = fact as Extract<EvidenceFact, { kind: 'fitness' }>
      if (f.grade === null) return null
      const at = FITNESS_GRADE_ORDER.indexOf(f.grade as (typeof FITNESS_GRADE_ORDER)[number])
      return at >= FITNESS_GRADE_ORDER.indexOf(source.minGrade)
    }
    case 'attendance': {
      const f = fact as Extract<EvidenceFact, { kind: 'attendance' }>
      return f.rate === null ? null : f.rate * 100 >= source.minRate
    }
    case 'certificate': {
      const f = fact as Extract<EvidenceFact, { kind: 'certificate' }>
      return f.count >= source.minCount
    }
    case 'conduct': {
      const f = fact as Extract<EvidenceFact, { kind: 'conduct' }>
      return f.total === null ? null : f.total >= source.minTotal
    }
  }
}

/** The points the evidence suggests: full points when met, 0 when not, null when there is nothing to judge. */
export function suggestedPoints(item: TemplateItem, fact: EvidenceFact | null): number | null {
  const met = evidenceMet(item.evidence, fact)
  return met === null ? null : met ? item.points : 0
}

/** Why entered points are not valid for an item (all-or-nothing: 0 or full; graded: 0..full). */
export function pointsProblem(item: TemplateItem, points: number): 'not_integer' | 'range' | 'all_or_nothing' | null {
  if (!Number.isInteger(points)) return 'not_integer'
  if (points < 0 || points > item.points) return 'range'
  if (item.scoring === 'all_or_nothing' && points !== 0 && points !== item.points) return 'all_or_nothing'
  return null
}

export type ComponentResult = 'pass' | 'fail' | 'good' | 'fair'

export interface ComponentScore {
  id: ComponentId
  /** Scored at this point (a component may serve only some points). */
  applies: boolean
  points: number
  maxPoints: number
  /** Items without entered points. */
  missing: string[]
  /** null until every item has points. */
  result: ComponentResult | null
}

export interface AssessmentScore {
  components: ComponentScore[]
  /** Every applicable component has a result. */
  complete: boolean
  /** 合格 overall: every applicable pass/fail component passed (null until complete). */
  overallPass: boolean | null
  /** The social component's result when it applies. */
  social: 'good' | 'fair' | null
}

export function scoreAssessment(template: AssessmentTemplate, point: AssessmentPoint, entered: Readonly<Record<string, number | null | undefined>>): AssessmentScore {
  const components = template.components.map((c): ComponentScore => {
    const applies = componentServes(c, point)
    const maxPoints = c.items.reduce((a, i) => a + i.points, 0)
    const missing: string[] = []
    let points = 0
    let allFull = true
    for (const item of c.items) {
      const value = entered[`${c.id}.${item.id}`]
      if (value === null || value === undefined) {
        missing.push(item.id)
        allFull = false
        continue
      }
      points += value
      if (value < item.points) allFull = false
    }
    let result: ComponentResult | null = null
    if (applies && missing.length === 0) {
      const passed = c.passRule.kind === 'all_items' ? allFull : points >= c.passRule.points
      result = COMPONENT_SCALE[c.id] === 'pass_fail' ? (passed ? 'pass' : 'fail') : passed ? 'good' : 'fair'
    }
    return { id: c.id, applies, points, maxPoints, missing: applies ? missing : [], result }
  })
  const applicable = components.filter((c) => c.applies)
  const complete = applicable.every((c) => c.result !== null)
  const passFail = applicable.filter((c) => COMPONENT_SCALE[c.id] === 'pass_fail')
  const socialScore = applicable.find((c) => c.id === 'social')
  return {
    components,
    complete,
    overallPass: complete ? passFail.every((c) => c.result === 'pass') : null,
    social: socialScore?.result === 'good' || socialScore?.result === 'fair' ? socialScore.result : null,
  }
}

export const RECOMMENDATIONS = ['on_time_release', 'propose_early_release', 'propose_extension', 'community_rehab', 'none'] as const
export type Recommendation = (typeof RECOMMENDATIONS)[number]

/**
 * The recommendation a result suggests (the assessor may choose another; the legal constraints are checked apart):
 * one_year + passed (+ social good when the template asks) → early release; pre_expiry + any fail → extension;
 * pre_expiry + passed → on-time release; other points recommend nothing.
 */
export function suggestRecommendation(template: AssessmentTemplate, point: AssessmentPoint, score: AssessmentScore): Recommendation {
  if (!score.complete) return 'none'
  if (point === 'one_year') {
    const socialOk = !template.suggestion.earlyReleaseNeedsSocialGood || score.social !== 'fair'
    return score.overallPass && socialOk ? 'propose_early_release' : 'on_time_release'
  }
  if (point === 'pre_expiry') return score.overallPass ? 'on_time_release' : 'propose_extension'
  return 'none'
}
