/** Writes and rule lookups on crises and their events. */
import type { CrisisEventKind, RiskLevel } from '../../shared/domain/psych'
import type { Db } from '../db/open'

export const crisisRepo = {
  insert(db: Db, c: { id: string; personId: string; riskLevel: RiskLevel; reason: string; raisedOn: string; raisedBy: string; recordedAt: string }) {
    db.prepare(
      `INSERT INTO crises (id, person_id, risk_level, reason, raised_on, raised_by, status, recorded_at)
       VALUES (@id, @personId, @riskLevel, @reason, @raisedOn, @raisedBy, 'open', @recordedAt)`,
    ).run(c)
  },

  /** What the rules need to add an event to a crisis or close it. */
  stateOf: (db: Db, id: string) =>
    db.prepare('SELECT id, status, raised_on AS raisedOn FROM crises WHERE id = ?').get(id) as { id: string; status: 'open' | 'closed'; raisedOn: string } | undefined,

  insertEvent(db: Db, e: { id: string; crisisId: string; kind: CrisisEventKind; on: string; by: string; note: string; nextFollowUp: string | null; recordedAt: string }) {
    db.prepare(
      `INSERT INTO crisis_events (id, crisis_id, kind, event_on, by_staff, note, next_follow_up, recorded_at)
       VALUES (@id, @crisisId, @kind, @on, @by, @note, @nextFollowUp, @recordedAt)`,
    ).run(e)
  },

  close(db: Db, id: string, c: { on: string; by: string; outcome: string }) {
    db.prepare("UPDATE crises SET status = 'closed', closed_on = @on, closed_by = @by, outcome = @outcome WHERE id = @id").run({ ...c, id })
  },
}
