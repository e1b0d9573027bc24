/**
 * Class sessions and the attendance register. A session lies within its course's dates, not in the future, one per
 * course, date and start time; its register lists exactly the people on the course that day (courses:register),
 * nobody left out and nobody added. Present and late people are credited hours up to the session's length; every other
 * code credits none; 'other' needs its text. An edit sends the whole session again and each revision is kept.
 */
import { randomUUID } from 'node:crypto'
import type { coursesContract } from '../../shared/contract/courses'
import { ATTENDED, type AttendanceStatus } from '../../shared/domain/vocational'
import { actorOf, nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRefsByIds } from '../people/peopleQueries'
import { coursesRepo, type AttendanceRecord, type CourseRecord, type SessionFieldsRecord } from './coursesRepo'
import { liveCourse, stale } from './coursesService'
import { readableFilter } from './enrolmentService'
import { registerOn, sessionDetail, sessionPage } from './sessionQueries'

type H = HandlersFor<typeof coursesContract>

interface AttendanceInput {
  personId: string
  status: AttendanceStatus
  hours?: number | undefined
  reasonText: string | null
  note: string | null
}

/** The register as sent, checked against who is on the course that day and against the session's length. */
export function checkedRegister(db: Db, courseId: string, date: string, sessionHours: number, attendance: readonly AttendanceInput[]): AttendanceRecord[] {
  const register = new Map(registerOn(db, courseId, date).map((p) => [p.personId, p]))
  if (register.size === 0) throw ruleViolation('course.nobody_on_register', 'date', { date })
  const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
  const seen = new Set<string>()
  const strangers = attendance.filter((a) => !register.has(a.personId)).map((a) => a.personId)
  const strangerNames = strangers.length > 0 ? personRefsByIds(db, strangers) : new Map<string, { name: string }>()
  const rows = attendance.map((a, i): AttendanceRecord => {
    const at = `attendance.${i}`
    if (seen.has(a.personId)) fields[`${at}.personId`] = { key: 'course.duplicate_person' }
    else if (!register.has(a.personId)) fields[`${at}.personId`] = { key: 'course.not_on_register', params: { name: strangerNames.get(a.personId)?.name ?? '—', date } }
    seen.add(a.personId)
    if (a.status === 'other' && !a.reasonText) fields[`${at}.reasonText`] = { key: 'course.reason_text_required' }
    let hours: number
    if (ATTENDED.includes(a.status)) {
      hours = a.hours ?? sessionHours
      if (hours > sessionHours) fields[`${at}.hours`] = { key: 'course.hours_over_session', params: { max: sessionHours } }
    } else {
      hours = 0
      if (a.hours !== undefined && a.hours > 0) fields[`${at}.hours`] = { key: 'course.hours_for_absence' }
    }
    return { personId: a.personId, status: a.status, hours, reasonText: a.reasonText, note: a.note }
  })
  if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
  const missing = [...register.values()].filter((p) => !seen.has(p.personId))
  if (missing.length > 0) throw new AppError('conflict', 'course.missing_from_register', { params: { names: missing.map((p) => p.name).join('、') } })
  return rows
}

function checkSessionDate(ctx: Ctx, course: CourseRecord, date: string, startTime: string, exceptId: string | null): void {
  if (date < course.startDate || date > course.endDate) throw ruleViolation('course.session_outside_course', 'date', { start: course.startDate, end: course.endDate })
  if (date > today(ctx)) throw ruleViolation('v.date_in_future', 'date')
  if (coursesRepo.sessionAt(ctx.db, course.id, date, startTime, exceptId)) throw new AppError('conflict', 'course.session_taken', { field: 'startTime', params: { date, time: startTime } })
}

const fieldsOf = (i: SessionFieldsRecord): SessionFieldsRecord => ({ date: i.date, startTime: i.startTime, hours: i.hours, topic: i.topic, teacher: i.teacher, note: i.note })
const notAttended = (rows: readonly AttendanceRecord[]) => rows.filter((a) => !ATTENDED.includes(a.status)).length

export const registerHandlers = {
  'courses:sessions'(input, ctx) {
    if (!coursesRepo.courseById(ctx.db, input.courseId)) throw notFound()
    return sessionPage(ctx.db, input.courseId, input.offset, input.limit)
  },

  'courses:register'(input, ctx) {
    liveCourse(ctx.db, input.courseId)
    const visible = readableFilter(ctx)
    return registerOn(ctx.db, input.courseId, input.date)
      .filter((p) => visible(p.wardId))
      .map((p) => ({
        enrolmentId: p.enrolmentId,
        personId: p.personId,
        name: p.name,
        wardName: p.wardName,
        enrolmentStatus: p.enrolmentStatus,
        status: 'present' as const,
        hours: input.hours ?? null,
      }))
  },

  'courses:recordSession'(input, ctx) {
    const { db } = ctx
    const course = liveCourse(db, input.courseId, 'courseId')
    checkSessionDate(ctx, course, input.date, input.startTime, null)
    const attendance = checkedRegister(db, course.id, input.date, input.hours, input.attendance)
    const id = randomUUID()
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    const fields = fieldsOf(input)
    coursesRepo.insertSession(db, { id, courseId: course.id, ...fields, at, by })
    coursesRepo.writeAttendance(db, id, attendance, false)
    coursesRepo.insertSessionRevision(db, { id: randomUUID(), sessionId: id, revision: 1, data: { ...fields, attendance }, at, by })
    ctx.auditDetail = JSON.stringify({ courseId: course.id, date: input.date, startTime: input.startTime, people: attendance.length, notAttended: notAttended(attendance) })
    return { id }
  },

  'courses:session'(input, ctx) {
    const detail = sessionDetail(ctx.db, input.id)
    if (!detail) throw notFound()
    const visible = readableFilter(ctx)
    return { ...detail, attendance: detail.attendance.filter((a) => visible(a.wardId)).map(({ wardId: _wardId, ...a }) => a) }
  },

  'courses:editSession'(input, ctx) {
    const { db } = ctx
    const state = coursesRepo.sessionState(db, input.id)
    if (!state) throw notFound()
    if (state.voided === 1) throw ruleViolation('course.session_voided')
    if (state.revision !== input.revision) throw stale()
    const course = liveCourse(db, state.courseId)
    checkSessionDate(ctx, course, input.date, input.startTime, input.id)
    const attendance = checkedRegister(db, course.id, input.date, input.hours, input.attendance)
    const fields = fieldsOf(input)
    const at = nowIso(ctx)
    if (!coursesRepo.updateSession(db, input.id, input.revision, fields, at)) throw stale()
    coursesRepo.writeAttendance(db, input.id, attendance, true)
    const revision = input.revision + 1
    coursesRepo.insertSessionRevision(db, { id: randomUUID(), sessionId: input.id, revision, data: { ...fields, attendance }, at, by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ courseId: course.id, revision, date: input.date, people: attendance.length, notAttended: notAttended(attendance) })
    return { revision }
  },

  'courses:voidSession'(input, ctx) {
    const state = coursesRepo.sessionState(ctx.db, input.id)
    if (!state) throw notFound()
    if (state.voided === 1) throw ruleViolation('course.session_voided')
    if (state.revision !== input.revision) throw stale()
    if (!coursesRepo.voidSession(ctx.db, input.id, input.revision, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) throw stale()
    ctx.auditDetail = JSON.stringify({ courseId: state.courseId, date: state.date, reason: input.reason })
    return null
  },
} satisfies Partial<H>
