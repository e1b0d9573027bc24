/**
 * Enrolment: placing people on a course or its waiting list, and moving each place on. The transitions:
 *
 * | action    | from                | to                          | needs                                                  |
 * |-----------|---------------------|-----------------------------|--------------------------------------------------------|
 * | enrol     | waiting             | enrolled                    | a free place; date ≥ applied, ≤ course end             |
 * | withdraw  | waiting, enrolled   | withdrawn                   | a reason ('other' with text); no attendance after date |
 * | complete  | enrolled            | completed                   | date ≥ course start and ≥ enrolment                    |
 * | reinstate | withdrawn           | enrolled (waiting if never) | a free place when going back to enrolled               |
 * | reinstate | completed           | enrolled                    | no live certificate from the course                    |
 *
 * 'reinstate' is the correction of a withdrawal or completion recorded in error (or a person who comes back): the
 * record is never deleted, its revision and the audit log keep the earlier state. A completion stays once a
 * certificate was issued from the course. Every date is on or before today.
 */
import { randomUUID } from 'node:crypto'
import type { coursesContract, EnrolmentRow } from '../../shared/contract/courses'
import { maskIdNumber } from '../../shared/domain/idNumber'
import { actorOf, nowIso, today, type Ctx } from '../context'
import { readableWards } from '../auth/wardScope'
import { FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRefsByIds } from '../people/peopleQueries'
import { coursesRepo, type EnrolmentRecord } from './coursesRepo'
import { attendanceCounts, byStatusAndName, coursePeople, finalResult } from './coursesQueries'
import { liveCourse, stale, vocationalSettings } from './coursesService'
import { eligibilityOf } from './eligibility'

type H = HandlersFor<typeof coursesContract>

/** Whether a row of a person in `wardId` may be shown on a 'filtered' list (past files only with facility-wide reach). */
export function readableFilter(ctx: Ctx): (wardId: string | null) => boolean {
  const wards = readableWards(ctx)
  return wards === null ? () => true : (wardId) => wardId !== null && wards.includes(wardId)
}

function assertNotFuture(date: string, ctx: Ctx, field = 'date'): void {
  if (date > today(ctx)) throw ruleViolation('v.date_in_future', field)
}

/** What an action turns the enrolment into (or refuses). */
function transition(ctx: Ctx, e: EnrolmentRecord, input: Parameters<H['courses:setEnrolment']>[0]): Omit<Parameters<typeof coursesRepo.updateEnrolment>[1], 'id' | 'seen' | 'at'> {
  const { db } = ctx
  const course = liveCourse(db, e.courseId)
  const date = input.date
  const free = () => {
    if (coursesRepo.placesTaken(db, course.id) >= course.capacity) throw ruleViolation('course.no_free_place', undefined, { capacity: course.capacity })
  }
  const bad = () => ruleViolation('course.bad_transition', 'action')
  switch (input.action) {
    case 'enrol':
      if (e.status !== 'waiting') throw bad()
      assertNotFuture(date, ctx)
      if (date < e.appliedOn) throw ruleViolation('course.date_before_enrolled', 'date', { date: e.appliedOn })
      if (date > course.endDate) throw ruleViolation('course.enrol_after_end', 'date', { date: course.endDate })
      free()
      return { status: 'enrolled', enrolledOn: date, endedOn: null, withdrawReason: null, withdrawText: null }
    case 'withdraw': {
      if (e.status !== 'waiting' && e.status !== 'enrolled') throw bad()
      assertNotFuture(date, ctx)
      const since = e.enrolledOn ?? e.appliedOn
      if (date < since) throw ruleViolation('course.date_before_enrolled', 'date', { date: since })
      const attended = coursesRepo.attendedAfter(db, e.courseId, e.personId, date)
      if (attended) throw ruleViolation('course.attended_after', 'date', { date: attended })
      return { status: 'withdrawn', enrolledOn: e.enrolledOn, endedOn: date, withdrawReason: input.withdrawReason, withdrawText: input.withdrawText }
    }
    case 'complete':
      if (e.status !== 'enrolled') throw bad()
      assertNotFuture(date, ctx)
      if (date < course.startDate) throw ruleViolation('course.complete_before_start', 'date', { date: course.startDate })
      if (e.enrolledOn !== null && date < e.enrolledOn) throw ruleViolation('course.date_before_enrolled', 'date', { date: e.enrolledOn })
      return { status: 'completed', enrolledOn: e.enrolledOn, endedOn: date, withdrawReason: null, withdrawText: null }
    case 'reinstate':
      if (e.status === 'completed') {
        if (coursesRepo.personHoldsCertificate(db, e.courseId, e.personId)) throw ruleViolation('course.certified_stays')
        return { status: 'enrolled', enrolledOn: e.enrolledOn, endedOn: null, withdrawReason: null, withdrawText: null }
      }
      if (e.status !== 'withdrawn') throw bad()
      if (e.enrolledOn === null) return { status: 'waiting', enrolledOn: null, endedOn: null, withdrawReason: null, withdrawText: null }
      free()
      return { status: 'enrolled', enrolledOn: e.enrolledOn, endedOn: null, withdrawReason: null, withdrawText: null }
  }
}

export const enrolmentHandlers = {
  'courses:roster'(input, ctx): EnrolmentRow[] {
    const course = coursesRepo.courseById(ctx.db, input.courseId)
    if (!course) throw notFound()
    const visible = readableFilter(ctx)
    const { minAttendanceRate } = vocationalSettings(ctx.db)
    return coursePeople(ctx.db, input.courseId)
      .filter((p) => visible(p.wardId))
      .sort(byStatusAndName)
      .map((p) => {
        const results = p.attempts.map((a) => a.result)
        const eligibility = eligibilityOf(p, course.kind === 'vocational', minAttendanceRate)
        return {
          enrolmentId: p.enrolmentId,
          personId: p.personId,
          name: p.name,
          wardName: p.wardName,
          idNumberMasked: maskIdNumber(p.idNumber),
          status: p.status,
          appliedOn: p.appliedOn,
          enrolledOn: p.enrolledOn,
          endedOn: p.endedOn,
          withdrawReason: p.withdrawReason,
          withdrawText: p.withdrawText,
          revision: p.revision,
          ...attendanceCounts(p.statuses),
          hours: p.hours,
          examAttempts: results.length,
          finalResult: finalResult(results),
          certified: p.certified,
          eligibility: { eligible: eligibility.eligible, reasons: eligibility.reasons },
        }
      })
  },

  'courses:enrol'(input, ctx) {
    const { db } = ctx
    const course = liveCourse(db, input.courseId, 'courseId')
    assertNotFuture(input.date, ctx)
    if (input.date > course.endDate) throw ruleViolation('course.enrol_after_end', 'date', { date: course.endDate })
    const people = personRefsByIds(db, input.personIds)
    const already = new Set(coursesRepo.enrolmentsOf(db, course.id, input.personIds).map((e) => e.personId))
    const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
    input.personIds.forEach((personId, i) => {
      const person = people.get(personId)
      const field = `personIds.${i}`
      if (!person) fields[field] = { key: 'err.not_found' }
      else if (person.voided) fields[field] = { key: 'course.person_voided', params: { name: person.name } }
      else if (person.wardId === null) fields[field] = { key: 'course.no_current_stay', params: { name: person.name } }
      else if (already.has(personId)) fields[field] = { key: 'course.already_on_course', params: { name: person.name } }
      else if (input.date < person.admissionDate) fields[field] = { key: 'course.date_before_admission', params: { name: person.name, admission: person.admissionDate } }
    })
    if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
    if (!input.waiting) {
      const taken = coursesRepo.placesTaken(db, course.id)
      if (taken + input.personIds.length > course.capacity) {
        throw ruleViolation('course.over_capacity', 'personIds', { capacity: course.capacity, taken, free: Math.max(0, course.capacity - taken) })
      }
    }
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    const ids = input.personIds.map((personId) => {
      const id = randomUUID()
      coursesRepo.insertEnrolment(db, {
        id, courseId: course.id, personId, status: input.waiting ? 'waiting' : 'enrolled', appliedOn: input.date, enrolledOn: input.waiting ? null : input.date, at, by,
      })
      return id
    })
    ctx.auditDetail = JSON.stringify({ personIds: input.personIds, date: input.date, waiting: input.waiting })
    return { ids }
  },

  'courses:setEnrolment'(input, ctx) {
    const enrolment = coursesRepo.enrolmentById(ctx.db, input.enrolmentId)
    if (!enrolment) throw notFound()
    if (enrolment.revision !== input.revision) throw stale()
    const next = transition(ctx, enrolment, input)
    if (!coursesRepo.updateEnrolment(ctx.db, { id: enrolment.id, seen: input.revision, ...next, at: nowIso(ctx) })) throw stale()
    ctx.auditDetail = JSON.stringify({
      personId: enrolment.personId,
      courseId: enrolment.courseId,
      action: input.action,
      date: input.date,
      from: enrolment.status,
      to: next.status,
      ...(next.withdrawReason ? { reason: next.withdrawReason, text: next.withdrawText } : {}),
    })
    return { revision: input.revision + 1 }
  },
} satisfies Partial<H>
