import { randomUUID } from 'node:crypto'
import type { SessionDetail, SessionSummary } from '../../shared/contract'
import type { SessionKind } from '../../shared/domain/psych'
import { actorOf, nowIso, today } from '../context'
import type { Db } from '../db/open'
import type { Handlers } from '../dispatch'
import { AppError, notFound, ruleViolation } from '../errors'
import { staffRepo } from '../auth/staffRepo'

interface SessionRow {
  id: string
  kind: SessionKind
  session_date: string
  duration_minutes: number
  counsellor: string
  topic: string
  presenting_issue: string
  intervention: string
  response: string
  risk_observed: string | null
  plan: string | null
  recorded_at: string
  recorded_by: string
}

const SELECT = `
  SELECT cs.*, c.display_name AS counsellor, r.display_name AS recorded_by
  FROM counselling_sessions cs JOIN staff c ON c.id = cs.counsellor_id JOIN staff r ON r.id = cs.recorded_by`

function participants(db: Db, sessionId: string) {
  return db
    .prepare('SELECT p.id AS personId, p.name FROM counselling_participants cp JOIN people p ON p.id = cp.person_id WHERE cp.session_id = ? ORDER BY p.name_pinyin')
    .all(sessionId) as Array<{ personId: string; name: string }>
}

function toSummary(db: Db, r: SessionRow): SessionSummary {
  return {
    id: r.id,
    kind: r.kind,
    date: r.session_date,
    durationMinutes: r.duration_minutes,
    counsellor: r.counsellor,
    topic: r.topic,
    participants: participants(db, r.id),
    riskObserved: !!r.risk_observed,
  }
}

export const sessionHandlers: Pick<Handlers, 'psych:createSession' | 'psych:sessions' | 'psych:getSession'> = {
  'psych:createSession'(input, ctx) {
    const { db } = ctx
    const actor = actorOf(ctx)
    if (input.date > today(ctx)) throw ruleViolation('v.date_in_future', 'date')
    if (input.kind === 'individual' && input.participantIds.length !== 1) throw ruleViolation('session.individual_one', 'participantIds')
    const ids = [...new Set(input.participantIds)]
    ids.forEach((personId, i) => {
      const p = db.prepare('SELECT voided_at FROM people WHERE id = ?').get(personId) as { voided_at: string | null } | undefined
      if (!p || p.voided_at) throw new AppError('invalid_input', 'err.not_found', { field: `participantIds.${i}` })
    })
    const counsellorId = input.counsellorId ?? actor.id
    const counsellor = staffRepo.byId(db, counsellorId)
    if (!counsellor || counsellor.active !== 1 || !['counsellor', 'admin'].includes(counsellor.role)) {
      throw ruleViolation('session.counsellor_role', 'counsellorId')
    }
    const id = randomUUID()
    db.prepare(
      `INSERT INTO counselling_sessions (id, kind, session_date, duration_minutes, counsellor_id, topic, presenting_issue, intervention, response,
        risk_observed, plan, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, input.kind, input.date, input.durationMinutes, counsellorId, input.topic, input.note.presentingIssue, input.note.intervention,
      input.note.response, input.note.riskObserved, input.note.plan, nowIso(ctx), actor.id)
    const add = db.prepare('INSERT INTO counselling_participants (session_id, person_id) VALUES (?, ?)')
    for (const personId of ids) add.run(id, personId)
    ctx.auditDetail = JSON.stringify({ kind: input.kind, participants: ids.length })
    return { id }
  },
  'psych:sessions'(input, ctx) {
    const rows = ctx.db
      .prepare(`${SELECT} WHERE cs.voided_at IS NULL AND cs.id IN (SELECT session_id FROM counselling_participants WHERE person_id = ?) ORDER BY cs.session_date DESC, cs.recorded_at DESC`)
      .all(input.personId) as SessionRow[]
    return rows.map((r) => toSummary(ctx.db, r))
  },
  'psych:getSession'(input, ctx): SessionDetail {
    const r = ctx.db.prepare(`${SELECT} WHERE cs.id = ?`).get(input.id) as SessionRow | undefined
    if (!r) throw notFound()
    return {
      ...toSummary(ctx.db, r),
      note: { presentingIssue: r.presenting_issue, intervention: r.intervention, response: r.response, riskObserved: r.risk_observed, plan: r.plan },
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by,
    }
  },
}
