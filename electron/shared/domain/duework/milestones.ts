/**
 * Dates near enough to show on the ward's day: the configured days of the current period are up, the earliest early
 * release, the last day (a passed last day stays listed: the file is still in a ward).
 */
import type { IsoDate } from '../dates'
import { daysFrom as daysBetween, plusDays as addDays } from './days'
import type { PersonFacts } from './facts'
import type { DueRules } from './settings'
import type { Milestone, MilestoneKind } from './vocabulary'

export function milestonesOf(facts: PersonFacts, rules: DueRules, today: IsoDate): Milestone[] {
  const within = rules.milestoneDays
  const out: Milestone[] = []
  const add = (kind: MilestoneKind, on: IsoDate, keepPassed: boolean) => {
    const days = daysBetween(today, on)
    if (days <= within && (days >= 0 || keepPassed)) out.push({ personId: facts.personId, personName: facts.personName, wardId: facts.wardId, period: facts.period, kind, on, days })
  }
  const dwell = facts.period !== null ? rules.diag_stage.periodDays[facts.period] : null
  if (dwell !== null && facts.periodSince !== null) add('period_dwell', addDays(facts.periodSince, dwell), false)
  if (facts.earliestEarlyRelease !== null) add('early_release_from', facts.earliestEarlyRelease, false)
  if (facts.lastDay !== null) add('term_last_day', facts.lastDay, true)
  return out
}
