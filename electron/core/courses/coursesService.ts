/**
 * Trades, courses and the vocational settings: the rules. A vocational course names an active trade and a level; an
 * education class names a subject and neither. A course's capacity never drops below the places held and its dates
 * always contain its recorded sessions. Nothing is deleted: a course is voided, and only while no live certificate
 * names it.
 */
import { randomUUID } from 'node:crypto'
import type { coursesContract } from '../../shared/contract/courses'
import type { CourseKind } from '../../shared/domain/vocational'
import { actorOf, nowIso, today } from '../context'
import type { Db } from '../db/open'
import { readSetting, settingVersion, writeSetting } from '../db/settingsRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { coursesRepo, type CourseFieldsRecord, type CourseRecord } from './coursesRepo'
import { courseDetail, coursePage, tradeRows } from './coursesQueries'

type H = HandlersFor<typeof coursesContract>
export const vocationalSettings = (db: Db) => readSetting(db, 'vocational.settings')

export const stale = () => new AppError('conflict', 'course.stale_revision')

/** A live course, or not found; `field` puts a missing course on a form field instead. */
export function liveCourse(db: Db, id: string, field?: string): CourseRecord {
  const course = coursesRepo.courseById(db, id)
  if (!course) throw field ? new AppError('invalid_input', 'err.not_found', { field }) : notFound()
  if (course.voided === 1) throw ruleViolation('course.voided', field)
  return course
}

/** The marks exams of the course are scored against: its own, else the facility's pass mark. */
export function effectiveMarks(db: Db, course: Pick<CourseRecord, 'theoryPassMark' | 'practicalPassMark'>): { theory: number; practical: number } {
  const { passMark } = vocationalSettings(db)
  return { theory: course.theoryPassMark ?? passMark, practical: course.practicalPassMark ?? passMark }
}

type FieldMap = ConstructorParameters<typeof FieldErrors>[0]

/** The course's fields checked against its kind and (for an edit) what is already recorded on it. */
function checkedFields(db: Db, kind: CourseKind, input: CourseFieldsRecord, existing: CourseRecord | null): CourseFieldsRecord {
  const fields: FieldMap = {}
  if (kind === 'vocational') {
    if (input.tradeId === null) fields.tradeId = { key: 'course.trade_required' }
    else {
      const trade = coursesRepo.tradeById(db, input.tradeId)
      if (!trade) fields.tradeId = { key: 'err.not_found' }
      // A course keeps a trade retired after it was created; a new choice must be in use.
      else if (trade.active !== 1 && existing?.tradeId !== trade.id) fields.tradeId = { key: 'course.trade_inactive' }
    }
    if (input.level === null) fields.level = { key: 'course.level_required' }
  } else {
    if (input.tradeId !== null) fields.tradeId = { key: 'course.education_no_trade' }
    if (input.level !== null) fields.level = { key: 'course.education_no_trade' }
    if (input.subject === null) fields.subject = { key: 'course.subject_required' }
  }
  if (input.endDate < input.startDate) fields.endDate = { key: 'course.end_before_start' }
  if (existing) {
    const taken = coursesRepo.placesTaken(db, existing.id)
    if (input.capacity < taken) fields.capacity = { key: 'course.capacity_below_enrolled', params: { enrolled: taken } }
    const span = coursesRepo.sessionSpan(db, existing.id)
    if (span.first !== null && span.last !== null && (input.startDate > span.first || input.endDate < span.last)) {
      fields[input.startDate > span.first ? 'startDate' : 'endDate'] = { key: 'course.dates_exclude_sessions', params: { first: span.first, last: span.last } }
    }
  }
  if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
  return {
    name: input.name,
    tradeId: input.tradeId,
    level: input.level,
    subject: input.subject,
    direction: input.direction,
    partner: input.partner,
    evaluationBody: input.evaluationBody,
    teacher: input.teacher,
    startDate: input.startDate,
    endDate: input.endDate,
    capacity: input.capacity,
    place: input.place,
    plannedHours: input.plannedHours,
    theoryPassMark: input.theoryPassMark,
    practicalPassMark: input.practicalPassMark,
    note: input.note,
  }
}

export const courseHandlers = {
  'trades:list': (_input, ctx) => tradeRows(ctx.db),

  'trades:create': (input, ctx) => {
    if (coursesRepo.tradeNameTaken(ctx.db, input.name, null)) throw new AppError('conflict', 'course.trade_name_taken', { field: 'name' })
    const id = randomUUID()
    coursesRepo.insertTrade(ctx.db, { id, name: input.name, code: input.code, at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ name: input.name, code: input.code })
    return { id }
  },

  'trades:update': (input, ctx) => {
    const trade = coursesRepo.tradeById(ctx.db, input.id)
    if (!trade) throw notFound()
    if (trade.revision !== input.revision) throw stale()
    if (coursesRepo.tradeNameTaken(ctx.db, input.name, input.id)) throw new AppError('conflict', 'course.trade_name_taken', { field: 'name' })
    if (!coursesRepo.updateTrade(ctx.db, { id: input.id, seen: input.revision, name: input.name, code: input.code, active: input.active, at: nowIso(ctx) })) throw stale()
    ctx.auditDetail = JSON.stringify({ before: { name: trade.name, code: trade.code, active: trade.active === 1 }, after: { name: input.name, code: input.code, active: input.active } })
    return { revision: input.revision + 1 }
  },

  'courses:list': (input, ctx) => coursePage(ctx.db, input, today(ctx)),

  'courses:get': (input, ctx) => {
    const detail = courseDetail(ctx.db, input.id, vocationalSettings(ctx.db).passMark)
    if (!detail) throw notFound()
    return detail
  },

  'courses:create': (input, ctx) => {
    const fields = checkedFields(ctx.db, input.kind, input, null)
    const id = randomUUID()
    coursesRepo.insertCourse(ctx.db, { id, kind: input.kind, ...fields, at: nowIso(ctx), by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ kind: input.kind, ...fields })
    return { id }
  },

  'courses:update': (input, ctx) => {
    const course = liveCourse(ctx.db, input.id)
    if (course.revision !== input.revision) throw stale()
    const fields = checkedFields(ctx.db, course.kind, input, course)
    if (!coursesRepo.updateCourse(ctx.db, input.id, input.revision, fields, nowIso(ctx))) throw stale()
    const changedKeys = (Object.keys(fields) as Array<keyof CourseFieldsRecord>).filter((k) => fields[k] !== course[k])
    ctx.auditDetail = JSON.stringify({
      before: Object.fromEntries(changedKeys.map((k) => [k, course[k]])),
      after: Object.fromEntries(changedKeys.map((k) => [k, fields[k]])),
    })
    return { revision: input.revision + 1 }
  },

  'courses:void': (input, ctx) => {
    const course = liveCourse(ctx.db, input.id)
    if (course.revision !== input.revision) throw stale()
    // A certificate printed from the course would point at a course that no longer counts: void the certificates first.
    const certificates = coursesRepo.liveCertificateCount(ctx.db, input.id)
    if (certificates > 0) throw ruleViolation('course.has_certificates', undefined, { count: certificates })
    if (!coursesRepo.voidCourse(ctx.db, input.id, input.revision, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) throw stale()
    ctx.auditDetail = JSON.stringify({ name: course.name, reason: input.reason })
    return null
  },

  'courses:settings': (_input, ctx) => ({ ...vocationalSettings(ctx.db), version: settingVersion(ctx.db, 'vocational.settings') }),

  'courses:setSettings': (input, ctx) => {
    if (input.version !== settingVersion(ctx.db, 'vocational.settings')) throw new AppError('conflict', 'settings.stale')
    const value = { passMark: input.passMark, minAttendanceRate: input.minAttendanceRate, educationSubjects: input.educationSubjects }
    ctx.auditDetail = JSON.stringify({ before: vocationalSettings(ctx.db), after: value })
    writeSetting(ctx.db, 'vocational.settings', value)
    return null
  },
} satisfies Partial<H>
