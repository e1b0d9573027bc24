/** Writes on counselling sessions and their participants. */
import type { SessionKind } from '../../shared/domain/psych'
import type { Db } from '../db/open'

export interface NewSession {
  id: string
  kind: SessionKind
  date: string
  durationMinutes: number
  counsellorId: string
  topic: string
  presentingIssue: string
  intervention: string
  response: string
  riskObserved: string | null
  plan: string | null
  recordedAt: string
  recordedBy: string
}

/** The fields an edit may change, as a revision stores them. */
export interface SessionRecord {
  date: string
  durationMinutes: number
  topic: string
  presentingIssue: string
  intervention: string
  response: string
  riskObserved: string | null
  plan: string | null
}

export const sessionRepo = {
  /** The session and one participant row per person. */
  insert(db: Db, s: NewSession, participantIds: readonly string[]) {
    db.prepare(
      `INSERT INTO counselling_sessions (id, kind, session_date, duration_minutes, counsellor_id, topic, presenting_issue, intervention, response,
        risk_observed, plan, recorded_at, recorded_by)
       VALUES (@id, @kind, @date, @durationMinutes, @counsellorId, @topic, @presentingIssue, @intervention, @response,
        @riskObserved, @plan, @recordedAt, @recordedBy)`,
    ).run(s)
    const add = db.prepare('INSERT INTO counselling_participants (session_id, person_id) VALUES (?, ?)')
    for (const personId of participantIds) add.run(s.id, personId)
  },

  /** The record's editable fields, revision and whether it is voided (for an edit's checks). */
  current(db: Db, id: string) {
    return db
      .prepare(
        `SELECT session_date AS date, duration_minutes AS durationMinutes, topic, presenting_issue AS presentingIssue, intervention, response,
                risk_observed AS riskObserved, plan, revision, voided_at IS NOT NULL AS voided, recorded_at AS recordedAt, recorded_by AS recordedBy
         FROM counselling_sessions WHERE id = ?`,
      )
      .get(id) as (SessionRecord & { revision: number; voided: 0 | 1; recordedAt: string; recordedBy: string }) | undefined
  },

  /** Writes the edited fields and the new revision number, only if the record is still at `seen` and live. */
  update(db: Db, id: string, seen: number, r: SessionRecord & { revision: number }): boolean {
    return (
      db
        .prepare(
          `UPDATE counselling_sessions SET session_date = @date, duration_minutes = @durationMinutes, topic = @topic, presenting_issue = @presentingIssue,
             intervention = @intervention, response = @response, risk_observed = @riskObserved, plan = @plan, revision = @revision
           WHERE id = @id AND revision = @seen AND voided_at IS NULL`,
        )
        .run({ ...r, id, seen }).changes === 1
    )
  },

  insertRevision(db: Db, r: { id: string; sessionId: string; revision: number; data: SessionRecord; changedAt: string; changedBy: string; changeNote: string | null }) {
    db.prepare(
      `INSERT INTO counselling_session_revisions (id, session_id, revision, data, changed_at, changed_by, change_note)
       VALUES (@id, @sessionId, @revision, @data, @changedAt, @changedBy, @changeNote)`,
    ).run({ ...r, data: JSON.stringify(r.data) })
  },

  hasRevision: (db: Db, sessionId: string, revision: number) =>
    db.prepare('SELECT 1 FROM counselling_session_revisions WHERE session_id = ? AND revision = ?').get(sessionId, revision) !== undefined,
}
