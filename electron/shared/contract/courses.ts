/**
 * Vocational training and the education centre's classes (职业技能培训与教育, issue 12): the trades taught, courses
 * (vocational ones with a trade, a level, exams and certificates; education classes with a subject), enrolment with a
 * waiting list, sessions with an attendance register, exams with resits, who is eligible for a certificate, and one
 * person's timetable across every centre. A course takes its students from every ward, so courses and trades are
 * facility-wide ('facility'); whatever lists people is cut to the caller's wards ('filtered') and every write names the
 * people it touches (ward scoping checks them).
 *
 * The figures (pass rate, certification rate, attendance rate) are defined once in domain/vocational.ts.
 */
import { z } from 'zod'
import { ATTENDANCE_STATUSES, COURSE_KINDS, DEFAULT_VOCATIONAL_SETTINGS, WITHDRAW_REASONS, type ExamResult } from '../domain/vocational'
import { id, intAtLeast, intRange, isoDate, keyWithParams, optionalText, page, reason, text, tooLong, tooMany, type Paged } from './common'
import { method, noAudit } from './define'
import { startTime } from './training'

import {
  COURSE_LIST_STATUSES,
  type CourseDetail,
  type CourseRow,
  type CourseSessionDetail,
  type CourseSessionRow,
  type EligibilityRow,
  type EnrolmentRow,
  type ExamPersonRow,
  type PersonCourses,
  type RegisterRow,
  type TimetableRow,
  type TradeRow,
  type VocationalSettings,
} from './coursesTypes'

export * from './coursesTypes'

// ---------------------------------------------------------------------------------------------------------------
// Input schemas
// ---------------------------------------------------------------------------------------------------------------

/** A number from min to max (decimals allowed); the message names both limits. */
const numberRange = (min: number, max: number) => {
  const message = keyWithParams('v.range', { min, max })
  return z.number({ error: 'v.number' }).min(min, message).max(max, message)
}
/** A score out of 100 with at most one decimal. */
const score = numberRange(0, 100).refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, 'course.one_decimal')
const passMark = numberRange(0, 100).nullable().default(null)

/** 职业分类大典 code as printed, e.g. 4-03-02-01: digits and hyphens (the list itself is not looked up). */
export const tradeCode = z
  .string()
  .trim()
  .max(20, tooLong(20))
  .regex(/^[0-9-]*$/, 'course.trade_code')
  .nullish()
  .transform((v) => (v ? v : null))

export const vocationalSettingsSchema = z.object({
  passMark: numberRange(0, 100),
  minAttendanceRate: numberRange(0, 1),
  educationSubjects: z
    .array(text(20))
    .min(1, 'v.required')
    .max(30, tooMany(30))
    .superRefine((names, ctx) => {
      const seen = new Set<string>()
      names.forEach((n, i) => {
        if (seen.has(n)) ctx.addIssue({ code: 'custom', path: [i], message: 'course.duplicate_subject' })
        seen.add(n)
      })
    }),
})
export { DEFAULT_VOCATIONAL_SETTINGS }

/**
 * A course's fields. Which apply depends on the kind (checked in core, with field errors): a vocational course needs an
 * active trade and a level 1–5; an education class needs a subject and has neither trade nor level.
 */
const courseFields = {
  name: text(40),
  tradeId: id.nullable().default(null),
  level: intRange(1, 5).nullable().default(null),
  subject: optionalText(20),
  direction: optionalText(30),
  partner: optionalText(60),
  evaluationBody: optionalText(60),
  teacher: text(30),
  startDate: isoDate,
  endDate: isoDate,
  capacity: intRange(1, 500),
  place: optionalText(40),
  plannedHours: numberRange(0.5, 2000),
  theoryPassMark: passMark,
  practicalPassMark: passMark,
  note: optionalText(300),
}

const attendanceEntry = z.object({
  personId: id,
  status: z.enum(ATTENDANCE_STATUSES, { error: 'course.attendance_status' }),
  /** Hours credited; left out: the session's hours when present or late, 0 otherwise. */
  hours: numberRange(0, 8).optional(),
  reasonText: optionalText(100),
  note: optionalText(200),
})

const sessionFields = {
  date: isoDate,
  startTime,
  hours: numberRange(0.5, 8),
  topic: text(60),
  teacher: optionalText(30),
  note: optionalText(300),
  /** Everyone on the day's register exactly once (courses:register lists them). */
  attendance: z.array(attendanceEntry).min(1, 'course.register_empty').max(500, tooMany(500)),
}

const examRow = z.object({ personId: id, theory: score.nullable(), practical: score.nullable(), note: optionalText(200) })

export const ENROLMENT_ACTIONS = ['enrol', 'withdraw', 'complete', 'reinstate'] as const
export type EnrolmentAction = (typeof ENROLMENT_ACTIONS)[number]

const ofPerson = { person: (i: { personId: string }) => i.personId }
/**
 * The person ids of a list of rows. Scopes run on the raw input (before validation), so a list that is not one, or a
 * row without an id, names nobody here (validation then refuses the call); a bare id string is taken as named.
 */
function personIdsOf(rows: unknown): string | string[] {
  if (typeof rows === 'string') return rows
  if (!Array.isArray(rows)) return []
  return rows.flatMap((r: unknown) => (typeof r === 'object' && r !== null && 'personId' in r && typeof r.personId === 'string' ? [r.personId] : []))
}
const attendees = { person: (i: { attendance: unknown }) => personIdsOf(i.attendance) }

export const coursesContract = {
  'trades:list': method<TradeRow[]>()({
    input: z.object({}),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'trades:create': method<{ id: string }>()({
    input: z.object({ name: text(30), code: tradeCode }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'trade', record: (_i, o) => o.id },
  }),
  'trades:update': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), name: text(30), code: tradeCode, active: z.boolean({ error: 'v.required' }) }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'trade', record: (i) => i.id },
  }),

  /** Live courses, newest start first. `year`: courses running at some time in that year. */
  'courses:list': method<Paged<CourseRow>>()({
    input: z.object({
      kind: z.enum(COURSE_KINDS, { error: 'v.required' }),
      status: z.enum(COURSE_LIST_STATUSES).default('all'),
      year: intRange(1990, 2100).optional(),
      tradeId: id.optional(),
      ...page,
    }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'courses:get': method<CourseDetail>()({
    input: z.object({ id }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'courses:create': method<{ id: string }>()({
    input: z.object({ kind: z.enum(COURSE_KINDS, { error: 'v.required' }), ...courseFields }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'course', record: (_i, o) => o.id },
  }),
  /** The kind is fixed at creation. */
  'courses:update': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), ...courseFields }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'course', record: (i) => i.id },
  }),
  'courses:void': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'vocational.record',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'course', record: (i) => i.id },
  }),

  /** Everyone ever on the course (waiting list included), cut to the caller's wards. */
  'courses:roster': method<EnrolmentRow[]>()({
    input: z.object({ courseId: id }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: { kind: 'read', recordType: 'course', record: (i) => i.courseId },
  }),
  /** Places people on the course (or its waiting list with `waiting`); all or nothing. */
  'courses:enrol': method<{ ids: string[] }>()({
    input: z.object({
      courseId: id,
      personIds: z
        .array(id)
        .min(1, 'v.required')
        .max(200, tooMany(200))
        .refine((ids) => new Set(ids).size === ids.length, 'course.duplicate_person'),
      date: isoDate,
      waiting: z.boolean().default(false),
    }),
    access: 'vocational.record',
    scope: { person: (i) => i.personIds },
    audit: { kind: 'write', recordType: 'course', record: (i) => i.courseId },
  }),
  /**
   * Moves an enrolment on: waiting → enrolled ('enrol', needs a free place); waiting or enrolled → withdrawn
   * ('withdraw', with a reason; 'other' needs its text); enrolled → completed ('complete', on or after the course's
   * start); 'reinstate' corrects a withdrawal or completion recorded in error (back to enrolled, or to the waiting list
   * when never enrolled; needs a free place; a completion with a live certificate stays).
   */
  'courses:setEnrolment': method<{ revision: number }>()({
    input: z
      .object({
        enrolmentId: id,
        revision: intAtLeast(1),
        action: z.enum(ENROLMENT_ACTIONS, { error: 'v.required' }),
        date: isoDate,
        withdrawReason: z.enum(WITHDRAW_REASONS, { error: 'course.withdraw_reason' }).nullable().default(null),
        withdrawText: optionalText(100),
      })
      .superRefine((i, ctx) => {
        if (i.action === 'withdraw' && i.withdrawReason === null) ctx.addIssue({ code: 'custom', path: ['withdrawReason'], message: 'course.withdraw_reason' })
        if (i.action === 'withdraw' && i.withdrawReason === 'other' && !i.withdrawText)
          ctx.addIssue({ code: 'custom', path: ['withdrawText'], message: 'course.withdraw_text' })
      }),
    access: 'vocational.record',
    scope: { record: 'enrolment', id: (i) => i.enrolmentId },
    audit: { kind: 'write', recordType: 'enrolment', record: (i) => i.enrolmentId },
  }),

  /** The course's sessions, newest first, voided ones included (marked). */
  'courses:sessions': method<Paged<CourseSessionRow>>()({
    input: z.object({ courseId: id, ...page }),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  /**
   * Who must be on the register of `date`: enrolled on or before it and not ended before it (a person who completed
   * counts while the course runs). Every row defaults to present with `hours`.
   */
  'courses:register': method<RegisterRow[]>()({
    input: z.object({ courseId: id, date: isoDate, hours: numberRange(0.5, 8).optional() }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  'courses:recordSession': method<{ id: string }>()({
    input: z.object({ courseId: id, ...sessionFields }),
    access: 'vocational.record',
    scope: attendees,
    audit: { kind: 'write', recordType: 'course_session', record: (_i, o) => o.id },
  }),
  'courses:session': method<CourseSessionDetail>()({
    input: z.object({ id }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** The whole session again (fields and register); each revision is kept. */
  'courses:editSession': method<{ revision: number }>()({
    input: z.object({ id, revision: intAtLeast(1), ...sessionFields }),
    access: 'vocational.record',
    scope: attendees,
    audit: { kind: 'write', recordType: 'course_session', record: (i) => i.id },
  }),
  'courses:voidSession': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'vocational.record',
    scope: { record: 'courseSession', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'course_session', record: (i) => i.id },
  }),

  /** Per person on the course (enrolled or completed, or with an attempt), their attempts. Vocational courses only. */
  'courses:exams': method<ExamPersonRow[]>()({
    input: z.object({ courseId: id }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),
  /** One sitting for several people: each row becomes the person's next attempt. */
  'courses:recordExams': method<{ ids: string[] }>()({
    input: z.object({
      courseId: id,
      examDate: isoDate,
      rows: z
        .array(examRow)
        .min(1, 'v.required')
        .max(200, tooMany(200))
        .superRefine((rows, ctx) => {
          const seen = new Set<string>()
          rows.forEach((r, i) => {
            if (seen.has(r.personId)) ctx.addIssue({ code: 'custom', path: [i, 'personId'], message: 'course.duplicate_person' })
            seen.add(r.personId)
          })
        }),
    }),
    access: 'vocational.record',
    scope: { person: (i) => personIdsOf(i.rows) },
    audit: { kind: 'write', recordType: 'course', record: (i) => i.courseId },
  }),
  'courses:editExam': method<{ revision: number; result: ExamResult }>()({
    input: z.object({ id, revision: intAtLeast(1), theory: score.nullable(), practical: score.nullable(), note: optionalText(200) }),
    access: 'vocational.record',
    scope: { record: 'examAttempt', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'exam_attempt', record: (i) => i.id },
  }),
  'courses:voidExam': method<null>()({
    input: z.object({ id, revision: intAtLeast(1), reason }),
    access: 'vocational.record',
    scope: { record: 'examAttempt', id: (i) => i.id },
    audit: { kind: 'write', recordType: 'exam_attempt', record: (i) => i.id },
  }),
  /** Who may get a certificate from the course (passed, attendance at least the setting, not withdrawn or certified). */
  'courses:eligible': method<EligibilityRow[]>()({
    input: z.object({ courseId: id }),
    access: 'vocational.read',
    scope: 'filtered',
    audit: noAudit,
  }),

  'courses:personSummary': method<PersonCourses>()({
    input: z.object({ personId: id }),
    access: 'vocational.read',
    scope: ofPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  /** Class time from every centre (vocational, education, exercise training) between two dates, in time order. */
  'courses:personTimetable': method<TimetableRow[]>()({
    input: z
      .object({ personId: id, from: isoDate, to: isoDate })
      .refine((i) => i.from <= i.to, { path: ['to'], message: 'v.end_before_start' })
      .refine((i) => Date.parse(i.to) - Date.parse(i.from) <= 92 * 86_400_000, { path: ['to'], message: keyWithParams('course.range_days', { max: 92 }) }),
    access: 'vocational.read',
    scope: ofPerson,
    audit: noAudit,
  }),

  'courses:settings': method<VocationalSettings>()({
    input: z.object({}),
    access: 'vocational.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'courses:setSettings': method<null>()({
    input: vocationalSettingsSchema.extend({ version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'vocational.settings' },
  }),
}
