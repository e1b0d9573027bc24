/**
 * Exams of vocational courses: theory and practical parts scored 0–100 against the course's pass marks (or the
 * facility's), copied onto each attempt when it is recorded. Attempt 1 is the first sitting, every later one a resit;
 * nobody sits again after passing, and only people enrolled on or having completed the course sit. An attempt a
 * certificate was issued from keeps its scores (void the certificate first).
 */
import { randomUUID } from 'node:crypto'
import type { coursesContract } from '../../shared/contract/courses'
import { examResult } from '../../shared/domain/vocational'
import { actorOf, nowIso, today } from '../context'
import { FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { personRefsByIds } from '../people/peopleQueries'
import { coursesRepo, type CourseRecord } from './coursesRepo'
import { effectiveMarks, liveCourse, stale } from './coursesService'
import { readableFilter } from './enrolmentService'
import { examPeople } from './sessionQueries'

type H = HandlersFor<typeof coursesContract>

function assertVocational(course: CourseRecord, field?: string): void {
  if (course.kind !== 'vocational') throw ruleViolation('course.exams_vocational_only', field)
}

export const examHandlers = {
  'courses:exams'(input, ctx) {
    const course = coursesRepo.courseById(ctx.db, input.courseId)
    if (!course) throw notFound()
    assertVocational(course)
    const visible = readableFilter(ctx)
    return examPeople(ctx.db, input.courseId)
      .filter((p) => visible(p.wardId))
      .map(({ wardId: _wardId, pinyin: _pinyin, ...p }) => p)
  },

  'courses:recordExams'(input, ctx) {
    const { db } = ctx
    const course = liveCourse(db, input.courseId, 'courseId')
    assertVocational(course, 'courseId')
    if (input.examDate > today(ctx)) throw ruleViolation('v.date_in_future', 'examDate')
    if (input.examDate < course.startDate) throw ruleViolation('course.exam_before_start', 'examDate', { date: course.startDate })
    const personIds = input.rows.map((r) => r.personId)
    const enrolments = new Map(coursesRepo.enrolmentsOf(db, course.id, personIds).map((e) => [e.personId, e]))
    const attempts = coursesRepo.liveAttemptsOf(db, course.id, personIds)
    const names = personRefsByIds(db, personIds)
    const fields: ConstructorParameters<typeof FieldErrors>[0] = {}
    input.rows.forEach((r, i) => {
      const name = names.get(r.personId)?.name ?? '—'
      const status = enrolments.get(r.personId)?.status
      if (status !== 'enrolled' && status !== 'completed') fields[`rows.${i}.personId`] = { key: 'course.exam_not_on_course', params: { name } }
      else if (attempts.some((a) => a.personId === r.personId && a.result === 'passed')) fields[`rows.${i}.personId`] = { key: 'course.exam_already_passed', params: { name } }
    })
    if (Object.keys(fields).length > 0) throw new FieldErrors(fields)
    const marks = effectiveMarks(db, course)
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    const recorded = input.rows.map((r) => {
      const id = randomUUID()
      // One above the highest live attempt: a voided attempt's number is free again, live numbers never collide.
      const attempt = attempts.filter((a) => a.personId === r.personId).reduce((max, a) => Math.max(max, a.attempt), 0) + 1
      const result = examResult({ theory: r.theory, practical: r.practical }, marks)
      coursesRepo.insertAttempt(db, {
        id, courseId: course.id, personId: r.personId, attempt, examDate: input.examDate, theory: r.theory, practical: r.practical,
        theoryPassMark: marks.theory, practicalPassMark: marks.practical, result, note: r.note, at, by,
      })
      return { id, personId: r.personId, attempt, result }
    })
    ctx.auditDetail = JSON.stringify({ examDate: input.examDate, marks, attempts: recorded.map(({ personId, attempt, result }) => ({ personId, attempt, result })) })
    return { ids: recorded.map((r) => r.id) }
  },

  'courses:editExam'(input, ctx) {
    const { db } = ctx
    const attempt = coursesRepo.attemptById(db, input.id)
    if (!attempt) throw notFound()
    if (attempt.voided === 1) throw ruleViolation('course.exam_voided')
    if (attempt.revision !== input.revision) throw stale()
    liveCourse(db, attempt.courseId)
    if (coursesRepo.attemptCertified(db, attempt.courseId, attempt.id)) throw ruleViolation('course.exam_certified')
    const result = examResult({ theory: input.theory, practical: input.practical }, { theory: attempt.theoryPassMark, practical: attempt.practicalPassMark })
    // A pass ends the person's sittings: an earlier attempt cannot become a pass while a later one stands.
    const later = coursesRepo.liveAttemptsOf(db, attempt.courseId, [attempt.personId]).some((a) => a.attempt > attempt.attempt)
    if (result === 'passed' && later) throw ruleViolation('course.exam_later_attempt')
    if (!coursesRepo.updateAttempt(db, { id: attempt.id, seen: input.revision, theory: input.theory, practical: input.practical, result, note: input.note, at: nowIso(ctx) })) throw stale()
    ctx.auditDetail = JSON.stringify({
      personId: attempt.personId,
      attempt: attempt.attempt,
      before: { theory: attempt.theory, practical: attempt.practical, result: attempt.result },
      after: { theory: input.theory, practical: input.practical, result },
    })
    return { revision: input.revision + 1, result }
  },

  'courses:voidExam'(input, ctx) {
    const attempt = coursesRepo.attemptById(ctx.db, input.id)
    if (!attempt) throw notFound()
    if (attempt.voided === 1) throw ruleViolation('course.exam_voided')
    if (attempt.revision !== input.revision) throw stale()
    if (coursesRepo.attemptCertified(ctx.db, attempt.courseId, attempt.id)) throw ruleViolation('course.exam_certified')
    if (!coursesRepo.voidAttempt(ctx.db, attempt.id, input.revision, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })) throw stale()
    ctx.auditDetail = JSON.stringify({ personId: attempt.personId, attempt: attempt.attempt, result: attempt.result, reason: input.reason })
    return null
  },
} satisfies Partial<H>
