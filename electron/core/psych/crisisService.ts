import { randomUUID } from 'node:crypto'
import { assertReadable, readableWards } from '../auth/wardScope'
import type { crisesContract } from '../../shared/contract/psych/crises'
import { actorOf, nowIso, today } from '../context'
import type { Db } from '../db/open'
import { notFound, ruleViolation } from '../errors'
import { personRef } from '../people/peopleQueries'
import type { HandlersFor } from '../handlerTypes'
import { crisisRepo } from './crisisRepo'
import { crisisDetail, listCrises, livePeopleScope } from './psychQueries'
import { assertStayDate } from './stayDates'

function openCrisis(db: Db, id: string) {
  const c = crisisRepo.stateOf(db, id)
  if (!c) throw notFound()
  if (c.status !== 'open') throw ruleViolation('crisis.closed')
  return c
}

export const crisisHandlers = {
  'psych:raiseCrisis'(input, ctx) {
    const person = personRef(ctx.db, input.personId)
    if (!person || person.voided) throw notFound()
    assertStayDate(input.raisedOn, [person], today(ctx), 'raisedOn')
    const id = randomUUID()
    crisisRepo.insert(ctx.db, {
      id, personId: input.personId, riskLevel: input.riskLevel, reason: input.reason, raisedOn: input.raisedOn, raisedBy: actorOf(ctx).id, recordedAt: nowIso(ctx),
    })
    ctx.auditDetail = JSON.stringify({ personId: input.personId, riskLevel: input.riskLevel })
    return { id }
  },
  'psych:addCrisisEvent'(input, ctx) {
    const c = openCrisis(ctx.db, input.crisisId)
    if (input.on > today(ctx)) throw ruleViolation('v.date_in_future', 'on')
    if (input.on < c.raisedOn) throw ruleViolation('crisis.before_raised', 'on')
    if (input.nextFollowUp !== null && input.nextFollowUp < input.on) throw ruleViolation('crisis.follow_up_before_event', 'nextFollowUp')
    crisisRepo.insertEvent(ctx.db, {
      id: randomUUID(), crisisId: c.id, kind: input.kind, on: input.on, by: actorOf(ctx).id, note: input.note, nextFollowUp: input.nextFollowUp, recordedAt: nowIso(ctx),
    })
    ctx.auditDetail = JSON.stringify({ kind: input.kind, on: input.on })
    return null
  },
  'psych:closeCrisis'(input, ctx) {
    const c = openCrisis(ctx.db, input.crisisId)
    if (input.closedOn > today(ctx)) throw ruleViolation('v.date_in_future', 'closedOn')
    if (input.closedOn < c.raisedOn) throw ruleViolation('crisis.before_raised', 'closedOn')
    crisisRepo.close(ctx.db, c.id, { on: input.closedOn, by: actorOf(ctx).id, outcome: input.outcome })
    return null
  },
  'psych:crises'(input, ctx) {
    assertReadable(ctx, input)
    return listCrises(ctx.db, livePeopleScope(ctx.db, input, readableWards(ctx)), input.status)
  },
  'psych:getCrisis'(input, ctx) {
    const detail = crisisDetail(ctx.db, input.id)
    if (!detail) throw notFound()
    return detail
  },
} satisfies HandlersFor<typeof crisesContract>
