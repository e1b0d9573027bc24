/**
 * The psychological screening as the psych ward screen shows it (one line per person: admission or periodic, when, and
 * whether it is open), read off the due-work rules psych_admission_screening and psych_reassessment — the one source.
 */
import type { IsoDate } from '../dates'
import type { PersonFacts } from './facts'
import { dueItemsOf, type RuleContext } from './rules'
import { DEFAULT_DUE_RULES, type DueRules } from './settings'

export interface ScreeningDue {
  kind: 'admission' | 'periodic'
  dueOn: IsoDate
  /** done: nothing open now (the next occurrence's window has not opened, or the rules are off). */
  status: 'done' | 'due' | 'overdue'
}

/** Far enough ahead that the next occurrence of any interval has opened. */
const HORIZON = '9999-12-31'

/** The rules with everything but the two screening rules off (computed once per call, not per person). */
export function screeningOnly(rules: DueRules): DueRules {
  const all = { ...DEFAULT_DUE_RULES, ...rules }
  return Object.fromEntries(
    Object.entries(all).map(([key, value]) => [key, typeof value === 'object' && value !== null && key !== 'psych_admission_screening' && key !== 'psych_reassessment' ? { ...value, enabled: false } : value]),
  ) as DueRules
}

/** `ctx.rules` as screeningOnly gives them (other rules on would only cost time: their items are ignored). */
export function screeningDue(facts: PersonFacts, ctx: RuleContext): ScreeningDue {
  const kindOf = (rule: string): ScreeningDue['kind'] => (rule === 'psych_admission_screening' ? 'admission' : 'periodic')
  const isScreening = (rule: string) => rule === 'psych_admission_screening' || rule === 'psych_reassessment'
  const open = dueItemsOf(facts, ctx).find((i) => isScreening(i.rule) && (i.status === 'due' || i.status === 'overdue'))
  if (open) return { kind: kindOf(open.rule), dueOn: open.dueOn, status: open.status as 'due' | 'overdue' }
  const next = dueItemsOf(facts, { ...ctx, today: HORIZON }).find((i) => isScreening(i.rule) && i.status === 'overdue')
  if (next) return { kind: kindOf(next.rule), dueOn: next.dueOn, status: 'done' }
  return { kind: facts.screenings.first ? 'periodic' : 'admission', dueOn: facts.screenings.latest[0]?.on ?? facts.admissionDate, status: 'done' }
}
