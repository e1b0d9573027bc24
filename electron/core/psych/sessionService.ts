import { randomUUID } from 'node:crypto'
import { SESSION_REVISION_FIELDS, type SessionRevisionRow, type sessionsContract } from '../../shared/contract/psych/sessions'
import { actorOf, nowIso, today } from '../context'
import { AppError, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { staffById } from '../auth/staffRepo'
import { personRefsByIds } from '../people/peopleQueries'
import { voidRow } from '../db/voidRepo'
import type { Db } from '../db/open'
import { personSessions, sessionDetail, sessionParticipantIds, sessionRevisions } from './psychQueries'
import { assertStayDate } from './stayDates'
import { sessionRepo, type SessionRecord } from './sessionRepo'

/** Just the editable fields, in one key order: what a revision stores and what an edit compares. */
const recordOf = (r: SessionRecord): SessionRecord => ({
  date: r.date,
  durationMinutes: r.durationMinutes,
  topic: r.topic,
  presentingIssue: r.presentingIssue,
  intervention: r.intervention,
  response: r.response,
  riskObserved: r.riskObserved,
  plan: r.plan,
})

const shown = (v: string | number | null): string | null => (v === null ? null : String(v))

/** Revisions newest first, each with the fields it changed (revision 1: every field, as first written). */
function revisionRows(db: Db, sessionId: string): SessionRevisionRow[] {
  const revisions = sessionRevisions(db, sessionId)
  return revisions
    .map(({ data, ...row }, i) => {
      const after = JSON.parse(data) as SessionRecord
      const before = i > 0 ? (JSON.parse(revisions[i - 1]!.data) as SessionRecord) : null
      const changes = SESSION_REVISION_FIELDS.filter((k) => !before || before[k] !== after[k]).map((field) => ({
        field,
        before: before ? shown(before[field]) : null,
        after: shown(after[field]),
      }))
      return { ...row, changes }
    })
    .reverse()
}

export const sessionHandlers = {
  'psych:createSession'(input, ctx) {
    const { db } = ctx
    const actor = actorOf(ctx)
    if (input.kind === 'individual' && input.participantIds.length !== 1) throw ruleViolation('session.individual_one', 'participantIds')
    const ids = [...new Set(input.participantIds)]
    const people = personRefsByIds(db, ids)
    ids.forEach((personId, i) => {
      const p = people.get(personId)
      if (!p || p.voided) throw new AppError('invalid_input', 'err.not_found', { field: `participantIds.${i}` })
    })
    assertStayDate(input.date, [...people.values()], today(ctx), 'date')
    const counsellorId = input.counsellorId ?? actor.id
    const counsellor = staffById(db, counsellorId)
    if (!counsellor || counsellor.active !== 1 || !['counsellor', 'admin'].includes(counsellor.role)) {
      throw ruleViolation('session.counsellor_role', 'counsellorId')
    }
    const id = randomUUID()
    const at = nowIso(ctx)
    const record = recordOf({ date: input.date, durationMinutes: input.durationMinutes, topic: input.topic, ...input.note })
    sessionRepo.insert(db, { id, kind: input.kind, counsellorId, ...record, recordedAt: at, recordedBy: actor.id }, ids)
    sessionRepo.insertRevision(db, { id: randomUUID(), sessionId: id, revision: 1, data: record, changedAt: at, changedBy: actor.id, changeNote: null })
    ctx.auditDetail = JSON.stringify({ kind: input.kind, participants: ids.length })
    return { id }
  },
  'psych:updateSession'(input, ctx) {
    const { db } = ctx
    const current = sessionRepo.current(db, input.id)
    if (!current) throw notFound()
    if (current.voided) throw ruleViolation('session.voided')
    if (current.revision !== input.revision) throw new AppError('conflict', 'session.stale_revision')
    assertStayDate(input.date, [...personRefsByIds(db, sessionParticipantIds(db, input.id)).values()], today(ctx), 'date')
    const before = recordOf(current)
    const after = recordOf({ date: input.date, durationMinutes: input.durationMinutes, topic: input.topic, ...input.note })
    const changed = SESSION_REVISION_FIELDS.filter((k) => before[k] !== after[k])
    if (changed.length === 0) return { revision: current.revision }
    // A record written before revisions were kept: store what it held as revision 1, so the first edit has a "before".
    if (current.revision === 1 && !sessionRepo.hasRevision(db, input.id, 1)) {
      sessionRepo.insertRevision(db, { id: randomUUID(), sessionId: input.id, revision: 1, data: before, changedAt: current.recordedAt, changedBy: current.recordedBy, changeNote: null })
    }
    const revision = current.revision + 1
    if (!sessionRepo.update(db, input.id, input.revision, { ...after, revision })) throw new AppError('conflict', 'session.stale_revision')
    sessionRepo.insertRevision(db, { id: randomUUID(), sessionId: input.id, revision, data: after, changedAt: nowIso(ctx), changedBy: actorOf(ctx).id, changeNote: input.changeNote })
    ctx.auditDetail = JSON.stringify({ revision, changed })
    return { revision }
  },
  'psych:voidSession'(input, ctx) {
    if (!voidRow(ctx.db, 'counselling_sessions', input.id, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) {
      throw sessionRepo.current(ctx.db, input.id) ? ruleViolation('session.voided') : notFound()
    }
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },
  'psych:sessionHistory'(input, ctx) {
    if (!sessionRepo.current(ctx.db, input.id)) throw notFound()
    return revisionRows(ctx.db, input.id)
  },
  'psych:sessions': (input, ctx) => personSessions(ctx.db, input.personId),
  'psych:getSession'(input, ctx) {
    const detail = sessionDetail(ctx.db, input.id)
    if (!detail) throw notFound()
    return detail
  },
} satisfies HandlersFor<typeof sessionsContract>
