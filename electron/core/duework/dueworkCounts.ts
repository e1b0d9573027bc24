/**
 * Due and overdue work counted per centre, for the facility dashboard (stats helper): the facility, or only the given
 * wards. Reads the same facts and rules as duework:facility, so the two never disagree.
 */
import type { IsoDate } from '../../shared/domain/dates'
import type { DueCentre } from '../../shared/domain/duework/vocabulary'
import type { Db } from '../db/open'
import { countItems, summaryDueWork } from './dueworkCompute'
import { summaryOfFacility } from './dueworkSummaryQueries'

export interface FacilityDueCounts {
  byCentre: Record<DueCentre, { due: number; overdue: number }>
  due: number
  overdue: number
}

/** `wardIds`: null = every ward (the caller has already narrowed it to the wards the reader may see). */
export function facilityDueCounts(db: Db, today: IsoDate, wardIds: readonly string[] | null): FacilityDueCounts {
  const byCentre = countItems(summaryDueWork(db, summaryOfFacility(db, wardIds), today, today).items)
  let due = 0
  let overdue = 0
  for (const c of Object.values(byCentre)) {
    due += c.due
    overdue += c.overdue
  }
  return { byCentre, due, overdue }
}
