/**
 * Vocational training and classes (职业技能培训与教育, issue 12): the codes stored in migration 012 and the one
 * definition of each figure the facilities report ("资格证书通过率达 98.1%"), so the course page, the statistics screen
 * and their drill-down lists count the same people.
 *
 * None of the thresholds below is a national rule that could be verified (domain reference §6 has none for attendance
 * or pass marks), so each is a facility setting (vocational.*) with the default given here.
 */

/** A vocational course (trade, level, exams, certificates) or an education-centre class (sessions and attendance). */
export const COURSE_KINDS = ['vocational', 'education'] as const
export type CourseKind = (typeof COURSE_KINDS)[number]

export const ENROLMENT_STATUSES = ['waiting', 'enrolled', 'withdrawn', 'completed'] as const
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]

/** Why a place ended early: 出所, 调出/转所, 就医, 本人拒绝, 其他 (with a text). */
export const WITHDRAW_REASONS = ['released', 'transferred', 'medical', 'refused', 'other'] as const
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number]

/**
 * Withdrawals the course could not prevent (the person left the facility or was taken ill): they do not count against
 * the certification rate, in line with how prison education services report completion.
 */
export const UNAVOIDABLE_WITHDRAWALS: readonly WithdrawReason[] = ['released', 'transferred', 'medical']

/**
 * Attendance codes: 出勤, 迟到, 病假缺勤, 拒绝参加, 因其他中心活动请假 (excused: another centre's activity), 其他 (with a text).
 */
export const ATTENDANCE_STATUSES = ['present', 'late', 'absent_sick', 'absent_refused', 'excused_activity', 'other'] as const
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]

/** Codes that count as having attended. */
export const ATTENDED: readonly AttendanceStatus[] = ['present', 'late']
/** Codes left out of the attendance rate altogether (the session does not count for or against the person). */
export const EXCUSED: readonly AttendanceStatus[] = ['excused_activity']

export const EXAM_RESULTS = ['passed', 'failed', 'absent'] as const
export type ExamResult = (typeof EXAM_RESULTS)[number]

/** Certificate sources: issued from a course here, typed in by staff, imported from a workbook. */
export const CERTIFICATE_SOURCES = ['course', 'manual', 'import'] as const
export type CertificateSource = (typeof CERTIFICATE_SOURCES)[number]

/** ID document types a certificate may name (证件类型); people's files hold the resident ID number. */
export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'other'] as const
export type IdType = (typeof ID_TYPES)[number]

export const ACADEMIC_STATUSES = ['studying', 'graduated', 'left'] as const
export type AcademicStatus = (typeof ACADEMIC_STATUSES)[number]

export const EMPLOYMENT_EVENT_KINDS = ['job_fair', 'employer_visit'] as const
export type EmploymentEventKind = (typeof EMPLOYMENT_EVENT_KINDS)[number]

/** Defaults of the vocational.* settings (UNVERIFIED: facility choices). */
export const DEFAULT_VOCATIONAL_SETTINGS = {
  /** Pass mark of each exam part when a course names none (out of 100). */
  passMark: 60,
  /** Share of counted sessions attended needed to be eligible for a certificate. */
  minAttendanceRate: 0.8,
  /** The education centre's class subjects offered when creating a class. */
  educationSubjects: ['法治教育', '道德教育', '禁毒教育', '心理健康教育', '文化教育', '习艺劳动教育'],
}

/**
 * A share as a percentage with one decimal, or null when there is no one to divide by (shown as "—", never as 0 %).
 */
export function ratePercent(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null
  return Math.round((numerator / denominator) * 1000) / 10
}

/** Attendance rate of one person: attended ÷ (recorded sessions − excused), null with no counted session. */
export function attendanceRate(statuses: readonly AttendanceStatus[]): number | null {
  const counted = statuses.filter((s) => !EXCUSED.includes(s))
  return ratePercent(counted.filter((s) => ATTENDED.includes(s)).length, counted.length)
}

/** The facts about one person on one course that every course figure is counted from. */
export interface CoursePersonFacts {
  status: EnrolmentStatus
  /** Null: never enrolled (withdrawn from the waiting list). */
  enrolledOn: string | null
  withdrawReason: WithdrawReason | null
  /** Results of the live exam attempts, any order. */
  attempts: readonly ExamResult[]
  /** Holds a live certificate issued from this course. */
  certified: boolean
}

/**
 * The figures of a course (or of a trade or year: the sum over its courses), each a count of people:
 * - enrolled 入学: ever given a place (waiting-list only does not count);
 * - withdrawn 退学 (of the enrolled) and, of those, unavoidable (released, transferred, medical);
 * - completed 结业; sat 参考: sat at least one attempt (not all absent); passed 合格: passed any attempt (a resit that
 *   passes counts, each person once); certified 获证.
 * Rates: passRate 考试通过率 = passed ÷ sat; certificationRate 获证率 = certified ÷ (enrolled − unavoidable withdrawals).
 */
export interface CourseFigures {
  enrolled: number
  withdrawn: number
  unavoidableWithdrawn: number
  completed: number
  sat: number
  passed: number
  certified: number
  passRate: number | null
  certificationRate: number | null
}

export function courseFigures(people: readonly CoursePersonFacts[]): CourseFigures {
  const enrolled = people.filter((p) => p.enrolledOn !== null)
  const withdrawn = enrolled.filter((p) => p.status === 'withdrawn')
  const unavoidable = withdrawn.filter((p) => p.withdrawReason !== null && UNAVOIDABLE_WITHDRAWALS.includes(p.withdrawReason))
  const sat = enrolled.filter((p) => p.attempts.some((a) => a !== 'absent'))
  const passed = sat.filter((p) => p.attempts.includes('passed'))
  const certified = enrolled.filter((p) => p.certified)
  return {
    enrolled: enrolled.length,
    withdrawn: withdrawn.length,
    unavoidableWithdrawn: unavoidable.length,
    completed: enrolled.filter((p) => p.status === 'completed').length,
    sat: sat.length,
    passed: passed.length,
    certified: certified.length,
    passRate: ratePercent(passed.length, sat.length),
    certificationRate: ratePercent(certified.length, enrolled.length - unavoidable.length),
  }
}

/** Result of one sitting: absent when no part was sat; passed when every part meets its mark; a part not sat fails. */
export function examResult(
  scores: { theory: number | null; practical: number | null },
  marks: { theory: number; practical: number },
): ExamResult {
  if (scores.theory === null && scores.practical === null) return 'absent'
  const meets = (score: number | null, mark: number) => score !== null && score >= mark
  return meets(scores.theory, marks.theory) && meets(scores.practical, marks.practical) ? 'passed' : 'failed'
}
