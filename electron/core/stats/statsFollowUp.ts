/**
 * Follow-up rates on the dashboard come from the aftercare domain (its cohort arithmetic, one definition everywhere):
 * `cohortFigures` and `followUpDueCounts` of electron/core/aftercare. This adapter is the one place the dashboard
 * touches them. Until aftercare's module is merged the figures are absent (null) and the lists empty.
 */
import type { FigureRef } from '../../shared/contract/stats'
import type { Db } from '../db/open'

export interface CohortFigures {
  released: number
  reached: number
  abstinent: number
  relapsed: number
  inCustody: number
  deceased: number
  lost: number
  notReached: number
  abstinenceRateReached: number | null
  abstinenceRateAll: number | null
}

export interface FollowUpFigures {
  cohort: CohortFigures
  due: { due: number; overdue: number }
}

export function followUpFigures(_db: Db, _window: { from: string; to: string; asOf: string; today: string }): FollowUpFigures | null {
  return null
}

export function followUpPeopleRows(_db: Db, _figure: Extract<FigureRef, { kind: 'followup_cohort' | 'followup_due' }>): Array<{ personId: string; detail: string | null; date: string | null }> {
  return []
}
