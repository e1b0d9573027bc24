/**
 * The end of a stay and its undoing (issue 14: a confirmed release, and the void of one). A file with no ward is a past
 * stay everywhere (roster, lists, search): these are the only writers that take a person off or back onto a roster
 * without a ward move, and they leave the history (ward assignments, period moves) telling the same story.
 */
import { randomUUID } from 'node:crypto'
import type { Period } from '../../shared/domain/periods'
import type { Db } from '../db/open'
import {
  clearWardAndPeriod,
  currentWardAssignment,
  endWardAssignment,
  insertWardAssignment,
  latestPeriodStart,
  latestWardAssignment,
  personById,
  reopenWardAssignment,
  setCurrentPeriod,
  setCurrentWard,
} from './peopleRepo'

/** Takes the person off the ward roster on `date`: the ward assignment ends then, ward and period are cleared. Returns where they were. */
export function leaveWard(db: Db, personId: string, date: string, change: { at: string; by: string }): { wardId: string | null; period: Period | null } {
  const person = personById(db, personId)
  if (!person) throw new Error(`leaveWard: no person ${personId}`)
  const current = currentWardAssignment(db, personId)
  if (current) endWardAssignment(db, current.id, date < current.startDate ? current.startDate : date)
  clearWardAndPeriod(db, personId, change)
  return { wardId: person.wardId, period: person.period }
}

/**
 * Puts the person back on the ward they left (a release voided): the assignment ended by the release is reopened (or a
 * new one starts on `date` when the latest is for another ward), and the period is restored from its latest move.
 */
export function returnToWard(db: Db, personId: string, to: { wardId: string; period: Period | null; date: string }, change: { at: string; by: string }): void {
  const latest = latestWardAssignment(db, personId)
  if (latest && latest.wardId === to.wardId && latest.endDate !== null) reopenWardAssignment(db, latest.id)
  else if (!latest || latest.endDate !== null) {
    insertWardAssignment(db, { id: randomUUID(), personId, wardId: to.wardId, startDate: to.date, recordedAt: change.at, recordedBy: change.by, note: null })
  }
  setCurrentWard(db, personId, to.wardId, change)
  if (to.period) setCurrentPeriod(db, personId, to.period, latestPeriodStart(db, personId, to.period) ?? to.date, change)
}
