/**
 * Follow-up rates on the dashboard come from the aftercare domain (its cohort arithmetic, one definition everywhere):
 * `cohortFigures`, `cohortPeople` and `followUpDueCounts` of electron/core/aftercare/aftercareStats.ts and its due list.
 * A facility-wide reader gets aftercare's own counts; a ward reader's counts are made from the same lists aftercare
 * filters by the ward a person left, so a figure and its list always agree.
 */
import type { CohortOutcome, ContactStatus } from '../../shared/contract/aftercare'
import type { FigureRef, StatsFollowUpOutcome } from '../../shared/contract/stats'
import { countPerson, emptyFigures, withRates } from '../../shared/domain/aftercare/cohort'
import type { CohortFigures } from '../../shared/contract/aftercare'
import type { Db } from '../db/open'
import { aftercareQueries } from '../aftercare/aftercareQueries'
import { cohortFigures, cohortPeople, followUpDueCounts } from '../aftercare/aftercareStats'
import type { Wards } from './statsQueries'

export interface FollowUpFigures {
  cohort: CohortFigures
  due: { due: number; overdue: number }
}

const OUTCOME: Record<StatsFollowUpOutcome, CohortOutcome> = {
  released: 'released',
  reached: 'reached',
  abstinent: 'abstinent',
  relapsed: 'relapsed',
  inCustody: 'in_custody',
  deceased: 'deceased',
  lost: 'lost',
  notReached: 'not_reached',
}

export function followUpFigures(db: Db, wards: Wards, w: { from: string; to: string; asOf: string; today: string }): FollowUpFigures {
  const range = { from: w.from, to: w.to, asOf: w.asOf }
  if (wards === null) return { cohort: cohortFigures(db, range), due: followUpDueCounts(db, w.today) }
  const figures = emptyFigures()
  for (const person of cohortPeople(db, range, 'released', wards)) countPerson(figures, person.status as ContactStatus | null)
  const due = aftercareQueries.due(db, w.today, wards)
  return { cohort: withRates(figures), due: { due: due.filter((r) => r.state === 'due').length, overdue: due.filter((r) => r.state === 'overdue').length } }
}

export function followUpPeopleRows(
  db: Db,
  wards: Wards,
  figure: Extract<FigureRef, { kind: 'followup_cohort' | 'followup_due' }>,
): Array<{ personId: string; detail: string | null; date: string | null }> {
  if (figure.kind === 'followup_cohort') {
    return cohortPeople(db, { from: figure.from, to: figure.to, asOf: figure.asOf }, OUTCOME[figure.outcome], wards).map((p) => ({
      personId: p.personId,
      detail: p.status,
      date: p.releaseDate,
    }))
  }
  return aftercareQueries
    .due(db, figure.on, wards)
    .filter((r) => r.state === figure.status)
    .map((r) => ({ personId: r.personId, detail: r.slotKind, date: r.dueOn }))
}
