/**
 * Cohort arithmetic (one definition everywhere, written on screen): each released person of the cohort is classified
 * by their latest contact carrying a status (by contact date, then recorded time) as of a day: abstinent, relapsed,
 * in custody or deceased (reached), lost (lost contact); no status yet → not reached.
 * reached = abstinent + relapsed + in custody + deceased; abstinence rate of the reached = abstinent ÷ reached, of all
 * released = abstinent ÷ released (null when the divisor is 0).
 */
import type { CohortFigures, CohortOutcome, ContactStatus } from '../../contract/aftercare'

export const emptyFigures = (): CohortFigures => ({
  released: 0,
  reached: 0,
  abstinent: 0,
  relapsed: 0,
  inCustody: 0,
  deceased: 0,
  lost: 0,
  notReached: 0,
  abstinenceRateReached: null,
  abstinenceRateAll: null,
})

/** Adds one released person with their status (null: none yet) to running counts (rates filled by `withRates`). */
export function countPerson(figures: CohortFigures, status: ContactStatus | null, times = 1): void {
  figures.released += times
  if (status === 'abstinent') figures.abstinent += times
  else if (status === 'relapsed') figures.relapsed += times
  else if (status === 'in_custody') figures.inCustody += times
  else if (status === 'deceased') figures.deceased += times
  else if (status === 'lost_contact') figures.lost += times
  else figures.notReached += times
}

export function withRates(figures: CohortFigures): CohortFigures {
  const reached = figures.abstinent + figures.relapsed + figures.inCustody + figures.deceased
  return {
    ...figures,
    reached,
    abstinenceRateReached: reached === 0 ? null : figures.abstinent / reached,
    abstinenceRateAll: figures.released === 0 ? null : figures.abstinent / figures.released,
  }
}

/** Whether a person with `status` counts in a figure. */
export function outcomeIncludes(outcome: CohortOutcome, status: ContactStatus | null): boolean {
  switch (outcome) {
    case 'released':
      return true
    case 'reached':
      return status === 'abstinent' || status === 'relapsed' || status === 'in_custody' || status === 'deceased'
    case 'lost':
      return status === 'lost_contact'
    case 'not_reached':
      return status === null
    default:
      return status === outcome
  }
}

/** The statuses of one figure (null = no status). */
export function outcomeStatuses(outcome: CohortOutcome): Array<ContactStatus | null> {
  const all: Array<ContactStatus | null> = ['abstinent', 'relapsed', 'in_custody', 'deceased', 'lost_contact', null]
  return all.filter((s) => outcomeIncludes(outcome, s))
}

/** The latest status of contacts (live ones) as of a day: by contact date, then recorded time. */
export function latestStatus(
  contacts: ReadonlyArray<{ id: string; contactOn: string; recordedAt: string; status: ContactStatus | null }>,
  asOf: string,
): { status: ContactStatus; on: string } | null {
  const key = (c: { id: string; contactOn: string; recordedAt: string }) => `${c.contactOn}|${c.recordedAt}|${c.id}`
  let best: { id: string; contactOn: string; recordedAt: string; status: ContactStatus } | null = null
  for (const c of contacts) {
    if (c.status === null || c.contactOn > asOf) continue
    // Same order as the core's query: contact date, then recorded time, then id (a stable tie-break).
    if (!best || key(c) > key(best)) best = { ...c, status: c.status }
  }
  return best && { status: best.status, on: best.contactOn }
}
