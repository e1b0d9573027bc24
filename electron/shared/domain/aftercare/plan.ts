/**
 * The follow-up plan made at release (pure, shared by the core and tests): an optional release-day contact, the first
 * contact within N days, then one contact a month or a quarter for M months. Each slot is listed from its window's
 * start and stays open (overdue after its date) until the next slot's date; the last one for one cadence step.
 */
import { addDays, addMonths } from '../dates'
import type { AftercarePlanSettings, AftercareReleaseKind } from './settings'

export type PlannedSlotKind = 'release_day' | 'first_week' | 'periodic'
export interface PlannedSlot {
  seq: number
  kind: PlannedSlotKind
  dueOn: string
  windowFrom: string
  windowTo: string
}

export const cadenceMonths = (cadence: AftercarePlanSettings['cadence']): number => (cadence === 'monthly' ? 1 : 3)

export function planCovers(plan: AftercarePlanSettings, kind: AftercareReleaseKind): boolean {
  return plan.coveredKinds.includes(kind)
}

/** The slots of a plan for a release on `releaseDate` (empty for a kind the plan does not cover). */
export function planSlots(plan: AftercarePlanSettings, kind: AftercareReleaseKind, releaseDate: string): PlannedSlot[] {
  if (!planCovers(plan, kind)) return []
  const step = cadenceMonths(plan.cadence)
  const drafts: Array<{ kind: PlannedSlotKind; dueOn: string; windowFrom: string }> = []
  if (plan.releaseDayContact) drafts.push({ kind: 'release_day', dueOn: releaseDate, windowFrom: releaseDate })
  drafts.push({ kind: 'first_week', dueOn: addDays(releaseDate, plan.firstContactDays), windowFrom: releaseDate })
  for (let months = step; months <= plan.months; months += step) {
    const dueOn = addMonths(releaseDate, months)
    const listed = addDays(dueOn, -plan.leadDays)
    drafts.push({ kind: 'periodic', dueOn, windowFrom: listed < releaseDate ? releaseDate : listed })
  }
  const ordered = drafts.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
  return ordered.map((slot, index) => {
    const next = ordered[index + 1]
    const end = next ? addDays(next.dueOn, -1) : addDays(addMonths(slot.dueOn, step), -1)
    return { seq: index + 1, ...slot, windowTo: end < slot.dueOn ? slot.dueOn : end }
  })
}
