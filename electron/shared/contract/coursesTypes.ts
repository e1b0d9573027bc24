/**
 * What the courses API answers (contract/courses.ts): trades, courses, rosters, sessions and registers, exams,
 * eligibility, a person's courses and timetable, the settings. Re-exported by courses.ts.
 */
import type { AttendanceStatus, CourseFigures, CourseKind, EnrolmentStatus, ExamResult, WithdrawReason } from '../domain/vocational'

export interface TradeRow {
  id: string
  name: string
  /** 职业分类大典 code as typed (UNVERIFIED list: not looked up), null when unknown. */
  code: string | null
  active: boolean
  revision: number
  /** Live (not voided) courses of the trade. */
  courseCount: number
}

/** Where a course stands today: planned (starts later), current (running), finished (ended). */
export const COURSE_LIST_STATUSES = ['current', 'planned', 'finished', 'all'] as const
export type CourseListStatus = (typeof COURSE_LIST_STATUSES)[number]

export interface CourseRow {
  id: string
  kind: CourseKind
  name: string
  /** Null for an education class. */
  tradeName: string | null
  level: number | null
  /** The class's subject (education), or null. */
  subject: string | null
  teacher: string
  startDate: string
  endDate: string
  capacity: number
  /** People holding a place: enrolled or completed (the count capacity is checked against). */
  enrolled: number
  waiting: number
  plannedHours: number
  /** Live sessions recorded. */
  sessionsHeld: number
  revision: number
}

export interface CourseDetail {
  id: string
  kind: CourseKind
  name: string
  tradeId: string | null
  tradeName: string | null
  tradeCode: string | null
  direction: string | null
  level: number | null
  subject: string | null
  partner: string | null
  evaluationBody: string | null
  teacher: string
  startDate: string
  endDate: string
  capacity: number
  place: string | null
  plannedHours: number
  /** As stored on the course (null: the facility's passMark applies). */
  theoryPassMark: number | null
  practicalPassMark: number | null
  /** The marks exams are scored against: the course's, else the setting passMark. */
  effectivePassMarks: { theory: number; practical: number }
  note: string | null
  revision: number
  createdAt: string
  voided: { at: string; by: string; reason: string } | null
  /** People holding a place (enrolled or completed) and on the waiting list. */
  enrolled: number
  waiting: number
  sessionsHeld: number
  /** Hours of the live sessions held. */
  hoursHeld: number
  /** The course's figures over its people, as defined by courseFigures (domain/vocational.ts). */
  figures: CourseFigures
}

export interface EnrolmentEligibility {
  eligible: boolean
  reasons: EligibilityReason[]
}

export interface EnrolmentRow {
  enrolmentId: string
  personId: string
  name: string
  /** The person's current ward, null for a past file. */
  wardName: string | null
  idNumberMasked: string
  status: EnrolmentStatus
  appliedOn: string
  enrolledOn: string | null
  endedOn: string | null
  withdrawReason: WithdrawReason | null
  withdrawText: string | null
  revision: number
  /** Live sessions the person was recorded on, excused ones left out (the rate's denominator). */
  sessionsCounted: number
  /** Of those, present or late. */
  attended: number
  /** attendanceRate of domain/vocational.ts (percent, one decimal), null with no counted session. */
  attendanceRate: number | null
  /** Hours credited over the live sessions. */
  hours: number
  /** Live exam attempts. */
  examAttempts: number
  /** Passed if any live attempt passed, else the last attempt's result; null with no attempt. */
  finalResult: ExamResult | null
  /** Holds a live certificate issued from this course. */
  certified: boolean
  eligibility: EnrolmentEligibility
}

export interface CourseSessionRow {
  id: string
  date: string
  startTime: string
  hours: number
  topic: string
  teacher: string | null
  /** People recorded per attendance status. */
  counts: Record<AttendanceStatus, number>
  revision: number
  voided: { at: string; by: string; reason: string } | null
}

export interface SessionAttendanceRow {
  personId: string
  name: string
  wardName: string | null
  status: AttendanceStatus
  hours: number
  reasonText: string | null
  note: string | null
}

export interface CourseSessionDetail extends CourseSessionRow {
  courseId: string
  note: string | null
  recordedAt: string
  recordedBy: string
  /** The people on the register, cut to the caller's wards. */
  attendance: SessionAttendanceRow[]
}

/** One person who must be on a day's register, with the register's defaults (present, the session's hours). */
export interface RegisterRow {
  enrolmentId: string
  personId: string
  name: string
  wardName: string | null
  enrolmentStatus: EnrolmentStatus
  status: AttendanceStatus
  /** The `hours` asked for (the session's length), null when the call named none. */
  hours: number | null
}

export interface ExamAttemptRow {
  id: string
  attempt: number
  examDate: string
  theory: number | null
  practical: number | null
  /** The marks copied onto the attempt when it was recorded. */
  marks: { theory: number; practical: number }
  result: ExamResult
  note: string | null
  revision: number
  voided: { at: string; by: string; reason: string } | null
}

export interface ExamPersonRow {
  enrolmentId: string
  personId: string
  name: string
  wardName: string | null
  enrolmentStatus: EnrolmentStatus
  /** Every attempt, voided ones included (marked), by attempt then date. */
  attempts: ExamAttemptRow[]
  finalResult: ExamResult | null
  /** Whether another attempt may be recorded (enrolled or completed and not yet passed). */
  maySit: boolean
}

export const ELIGIBILITY_REASONS = ['not_passed', 'attendance', 'withdrawn', 'certified', 'not_vocational'] as const
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number]

export interface EligibilityRow {
  personId: string
  name: string
  wardName: string | null
  enrolmentStatus: EnrolmentStatus
  eligible: boolean
  reasons: EligibilityReason[]
  passingAttemptId: string | null
  /** Date and scores of the passing attempt (null when none). */
  examDate: string | null
  theory: number | null
  practical: number | null
  attendanceRate: number | null
}

export interface PersonEnrolmentRow {
  enrolmentId: string
  courseId: string
  courseName: string
  kind: CourseKind
  tradeName: string | null
  level: number | null
  subject: string | null
  status: EnrolmentStatus
  startDate: string
  endDate: string
  appliedOn: string
  enrolledOn: string | null
  endedOn: string | null
  withdrawReason: WithdrawReason | null
  sessionsCounted: number
  attended: number
  attendanceRate: number | null
  hours: number
  finalResult: ExamResult | null
  examAttempts: number
  certified: boolean
}

export interface PersonCourses {
  /** Newest course first. */
  enrolments: PersonEnrolmentRow[]
}

export const TIMETABLE_CENTRES = ['vocational', 'education', 'training'] as const
export type TimetableCentre = (typeof TIMETABLE_CENTRES)[number]

/** One stretch of class time on a person's timetable. */
export interface TimetableRow {
  date: string
  startTime: string
  minutes: number
  centre: TimetableCentre
  /** Course name and topic, or the training group and content. */
  title: string
  place: string | null
  /** Course sessions: the attendance code; exercise training: present or absent. */
  status: AttendanceStatus | 'absent'
  /** The course session or training session. */
  sessionId: string
  courseId: string | null
}

export interface VocationalSettings {
  passMark: number
  minAttendanceRate: number
  educationSubjects: string[]
  /** The version a save must name (settings.stale when someone saved in between). */
  version: string
}
