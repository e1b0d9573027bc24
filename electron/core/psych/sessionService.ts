import { randomUUID } from 'node:crypto'
import type { sessionsContract } from '../../shared/contract/psych/sessions'
import { actorOf, nowIso, today } from '../context'
import { AppError, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { staffById } from '../auth/staffRepo'
import { personRefsByIds } from '../people/peopleQueries'
import { personSessions, sessionDetail } from './psychQueries'
import { sessionRepo } from './sessionRepo'

export const sessionHandlers = {
  'psych:createSession'(input, ctx) {
    const { db } = ctx
    const actor = actorOf(ctx)
    if (input.date > today(ctx)) throw ruleViolation('v.date_in_future', 'date')
    if (input.kind === 'individual' && input.participantIds.length !== 1) throw ruleViolation('session.individual_one', 'participantIds')
    const ids = [...new Set(input.participantIds)]
    const people = personRefsByIds(db, ids)
    ids.forEach((personId, i) => {
      const p = people.get(personId)
      if (!p || p.voided) throw new AppError('invalid_input', 'err.not_found', { field: `participantIds.${i}` })
    })
    const counsellorId = input.counsellorId ?? actor.id
    const counsellor = staffById(db, counsellorId)
    if (!counsellor || counsellor.active !== 1 || !['counsellor', 'admin'].includes(counsellor.role)) {
      throw ruleViolation('session.counsellor_role', 'counsellorId')
    }
    const id = randomUUID()
    sessionRepo.insert(db, { id, kind: input.kind, date: input.date, durationMinutes: input.durationMinutes, counsellorId, topic: input.topic, ...input.note, recordedAt: nowIso(ctx), recordedBy: actor.id }, ids)
    ctx.auditDetail = JSON.stringify({ kind: input.kind, participants: ids.length })
    return { id }
  },
  'psych:sessions': (input, ctx) => personSessions(ctx.db, input.personId),
  'psych:getSession'(input, ctx) {
    const detail = sessionDetail(ctx.db, input.id)
    if (!detail) throw notFound()
    return detail
  },
} satisfies HandlersFor<typeof sessionsContract>
