/**
 * Employment support (就业帮扶): the rules. Dates are never in the future; a referral at an event is made on or after
 * the event's day (the statistics find a period's referrals through that); a person is referred to an event once; an
 * agreement is signed on or after the referral; the after-release outcome needs a signed agreement and a person who has
 * left the facility. Every edit names the revision it was read at; nothing is deleted.
 */
import { randomUUID } from 'node:crypto'
import type { employmentContract } from '../../shared/contract/employment'
import { readableWards } from '../auth/wardScope'
import { actorOf, nowIso, today, type Ctx } from '../context'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRefsByIds } from '../people/peopleQueries'
import { awaitingOutcome, eventDetail, eventPage, personReferrals } from './employmentQueries'
import { employmentRepo, type EventFields, type ReferralRecord } from './employmentRepo'

function assertNotFuture(date: string, ctx: Ctx, field: string): void {
  if (date > today(ctx)) throw ruleViolation('v.date_in_future', field)
}

const stale = () => new AppError('conflict', 'employment.stale_revision')

function liveReferral(ctx: Ctx, id: string, revision: number): ReferralRecord {
  const referral = employmentRepo.referralById(ctx.db, id)
  if (!referral) throw notFound()
  if (referral.voided) throw ruleViolation('employment.referral_voided')
  if (referral.revision !== revision) throw stale()
  return referral
}

const eventFields = (i: EventFields): EventFields => ({
  kind: i.kind,
  eventDate: i.eventDate,
  employer: i.employer,
  positions: i.positions,
  positionsOffered: i.positionsOffered,
  place: i.place,
  note: i.note,
})

export const employmentHandlers = {
  'employment:events': (input, ctx) => eventPage(ctx.db, input.year, input.offset, input.limit),

  'employment:event'(input, ctx) {
    const detail = eventDetail(ctx.db, input.id, readableWards(ctx))
    if (!detail) throw notFound()
    return detail
  },

  'employment:createEvent'(input, ctx) {
    assertNotFuture(input.eventDate, ctx, 'eventDate')
    const id = randomUUID()
    const fields = eventFields(input)
    employmentRepo.insertEvent(ctx.db, { id, ...fields, at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify(fields)
    return { id }
  },

  'employment:updateEvent'(input, ctx) {
    const { db } = ctx
    const event = employmentRepo.eventById(db, input.id)
    if (!event) throw notFound()
    if (event.voided) throw ruleViolation('employment.event_voided')
    if (event.revision !== input.revision) throw stale()
    assertNotFuture(input.eventDate, ctx, 'eventDate')
    // Referrals at the event are made on or after its day: moving it later than one of them would break that.
    const earliest = employmentRepo.liveReferralsAtEvent(db, input.id).reduce<string | null>((min, r) => (min === null || r.referredOn < min ? r.referredOn : min), null)
    if (earliest !== null && input.eventDate > earliest) throw ruleViolation('employment.event_after_referral', 'eventDate', { date: earliest })
    const fields = eventFields(input)
    if (!employmentRepo.updateEvent(db, { id: input.id, seen: input.revision, ...fields, at: nowIso(ctx) })) throw stale()
    const { id: _id, revision: _rev, voided: _v, ...before } = event
    ctx.auditDetail = JSON.stringify({ before, after: fields })
    return { revision: input.revision + 1 }
  },

  'employment:voidEvent'(input, ctx) {
    const { db } = ctx
    const event = employmentRepo.eventById(db, input.id)
    if (!event) throw notFound()
    if (event.voided) throw ruleViolation('employment.event_voided')
    if (event.revision !== input.revision) throw stale()
    const referrals = employmentRepo.liveReferralsAtEvent(db, input.id).length
    if (referrals > 0) throw ruleViolation('employment.event_has_referrals', undefined, { count: referrals })
    if (!employmentRepo.voidEvent(db, { id: input.id, seen: input.revision, at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) throw stale()
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },

  'employment:refer'(input, ctx) {
    const { db } = ctx
    assertNotFuture(input.referredOn, ctx, 'referredOn')
    let already = new Set<string>()
    if (input.eventId !== null) {
      const event = employmentRepo.eventById(db, input.eventId)
      if (!event || event.voided) throw new AppError('invalid_input', 'err.not_found', { field: 'eventId' })
      if (input.referredOn < event.eventDate) throw ruleViolation('employment.referred_before_event', 'referredOn', { date: event.eventDate })
      already = new Set(employmentRepo.liveReferralsAtEvent(db, input.eventId).map((r) => r.personId))
    }
    const people = personRefsByIds(db, input.personIds)
    const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
    const seen = new Set<string>()
    input.personIds.forEach((personId, i) => {
      const person = people.get(personId)
      if (!person || person.voided) fields[`personIds.${i}`] = { key: 'err.not_found' }
      else if (seen.has(personId)) fields[`personIds.${i}`] = { key: 'employment.duplicate_person' }
      else if (already.has(personId)) fields[`personIds.${i}`] = { key: 'employment.already_referred', params: { name: person.name } }
      else if (input.referredOn < person.admissionDate) fields[`personIds.${i}`] = { key: 'v.date_before_admission', params: { admission: person.admissionDate } }
      seen.add(personId)
    })
    if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    const ids = input.personIds.map((personId) => {
      const id = randomUUID()
      employmentRepo.insertReferral(db, { id, personId, eventId: input.eventId, employer: input.employer, position: input.position, referredOn: input.referredOn, note: input.note, at, by })
      return id
    })
    ctx.auditDetail = JSON.stringify({ personIds: input.personIds, employer: input.employer, referredOn: input.referredOn })
    return { ids }
  },

  'employment:recordAgreement'(input, ctx) {
    const referral = liveReferral(ctx, input.id, input.revision)
    if (input.signedOn < referral.referredOn) throw ruleViolation('employment.signed_before_referral', 'signedOn', { date: referral.referredOn })
    assertNotFuture(input.signedOn, ctx, 'signedOn')
    if (!employmentRepo.setAgreement(ctx.db, { id: input.id, seen: input.revision, signedOn: input.signedOn, at: nowIso(ctx) })) throw stale()
    ctx.auditDetail = JSON.stringify({ personId: referral.personId, before: referral.agreementSignedOn, signedOn: input.signedOn })
    return { revision: input.revision + 1 }
  },

  'employment:recordJobTaken'(input, ctx) {
    const referral = liveReferral(ctx, input.id, input.revision)
    if (referral.agreementSignedOn === null) throw ruleViolation('employment.no_agreement')
    const person = personRefsByIds(ctx.db, [referral.personId]).get(referral.personId)
    // The outcome is what happened after release: a person still in the facility has none yet.
    if (person && person.wardId !== null) throw ruleViolation('employment.not_released')
    if (input.recordedOn < referral.agreementSignedOn) throw ruleViolation('employment.outcome_before_agreement', 'recordedOn', { date: referral.agreementSignedOn })
    assertNotFuture(input.recordedOn, ctx, 'recordedOn')
    if (!employmentRepo.setJobTaken(ctx.db, { id: input.id, seen: input.revision, jobTaken: input.jobTaken, recordedOn: input.recordedOn, note: input.note, at: nowIso(ctx) })) throw stale()
    ctx.auditDetail = JSON.stringify({ personId: referral.personId, before: referral.jobTaken, jobTaken: input.jobTaken, recordedOn: input.recordedOn })
    return { revision: input.revision + 1 }
  },

  'employment:voidReferral'(input, ctx) {
    const referral = liveReferral(ctx, input.id, input.revision)
    if (!employmentRepo.voidReferral(ctx.db, { id: input.id, seen: input.revision, at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) throw stale()
    ctx.auditDetail = JSON.stringify({ personId: referral.personId, reason: input.reason })
    return null
  },

  'employment:person': (input, ctx) => personReferrals(ctx.db, input.personId),

  'employment:awaitingOutcome': (input, ctx) => awaitingOutcome(ctx.db, readableWards(ctx), input.offset, input.limit),
} satisfies HandlersFor<typeof employmentContract>
