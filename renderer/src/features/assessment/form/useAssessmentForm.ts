import { useMemo, useState } from 'react'
import type { Input } from '@shared/contract'
import {
  componentServes,
  scoreAssessment,
  suggestRecommendation,
  type AssessmentPoint,
  type AssessmentTemplate,
  type ComponentId,
  type Recommendation,
} from '@shared/domain/assessment'
import type { Period } from '@shared/domain/periods'

export interface ItemState {
  points: number | null
  note: string
}

export interface FormState {
  point: AssessmentPoint
  stagePeriod: Period | null
  assessedOn: string
  assessors: string
  note: string
  recommendation: Recommendation
  /** Set once the user picks a recommendation; until then it follows the result. */
  recommendationTouched: boolean
  items: Record<string, ItemState>
}

export const itemKey = (component: ComponentId, itemId: string) => `${component}.${itemId}`

/** The form's state, the live score and the contract input it sends (items in template order, so server field paths map back). */
export function useAssessmentForm(template: AssessmentTemplate, initial: Omit<FormState, 'recommendationTouched'>) {
  const [state, setState] = useState<FormState>({ ...initial, recommendationTouched: initial.recommendation !== 'none' })
  const order = useMemo(() => template.components.flatMap((c) => c.items.map((i) => ({ component: c.id, itemId: i.id }))), [template])
  const entered = Object.fromEntries(Object.entries(state.items).map(([k, v]) => [k, v.points]))
  const score = scoreAssessment(template, state.point, entered)
  const suggested = suggestRecommendation(template, state.point, score)
  const recommendation = state.recommendationTouched ? state.recommendation : suggested

  const toInput = (status: 'draft' | 'final'): Omit<Input<'assessment:record'>, 'personId'> => ({
    point: state.point,
    stagePeriod: state.point === 'stage' ? state.stagePeriod : null,
    assessedOn: state.assessedOn,
    status,
    // Items of components not scored at this point are left out (kept unscored).
    items: order
      .filter((o) => componentServes(template.components.find((c) => c.id === o.component)!, state.point))
      .map((o) => {
        const v = state.items[itemKey(o.component, o.itemId)]
        return { component: o.component, itemId: o.itemId, points: v?.points ?? null, note: v?.note.trim() ? v.note.trim() : null }
      }),
    recommendation,
    assessors: state.assessors,
    note: state.note.trim() ? state.note.trim() : null,
  })
  /** The server's `items.N.field` path → the item key it names. */
  const itemOfPath = (path: string, status: 'draft' | 'final'): string | null => {
    const m = /^items\.(\d+)\./.exec(path)
    if (!m) return null
    const item = toInput(status).items[Number(m[1])]
    return item ? itemKey(item.component, item.itemId) : null
  }
  return { state, setState, score, suggested, recommendation, toInput, itemOfPath }
}
