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
}
