/**
 * Who may be issued a certificate from a course (used by the course page and by the certificates service): a person
 * on a vocational course who passed a live exam attempt, attended at least the facility's share of counted sessions,
 * was not withdrawn and does not yet hold a live certificate from the course.
 */
import type { EligibilityReason } from '../../shared/contract/courses'
import type { Db } from '../db/open'
import { coursesRepo } from './coursesRepo'
import { attendanceCounts, coursePeople, type CoursePerson } from './coursesQueries'

export interface CertificateEligibility {
  eligible: boolean
  /** Why not (empty when eligible). */
  reasons: EligibilityReason[]
  /** The passing attempt a certificate would be issued from (the earliest live pass), null when none. */
  passingAttemptId: string | null
  theory: number | null
  practical: number | null
  /** Percent with one decimal (attendanceRate of domain/vocational.ts), null with no counted session. */
  attendanceRate: number | null
}

/**
 * Eligibility of everyone with a place on the course (enrolled, completed or withdrawn; the waiting list is left out),
 * keyed by person id. `minAttendanceRate` is the setting's share, 0–1 (0.8 = 80 %).
 */
export function certificateEligibility(db: Db, courseId: string, minAttendanceRate: number): Map<string, CertificateEligibility> {
  const course = coursesRepo.courseById(db, courseId)
  const result = new Map<string, CertificateEligibility>()
  if (!course) return result
  for (const person of coursePeople(db, courseId)) {
    if (person.enrolledOn === null) continue
    result.set(person.personId, eligibilityOf(person, course.kind === 'vocational', minAttendanceRate))
  }
  return result
}

/** The threshold as the rate is shown (percent, one decimal), so a rate displayed as 80.0 % meets a setting of 0.8. */
const thresholdPercent = (share: number) => Math.round(share * 1000) / 10

/** One person's eligibility from the facts the roster shows (coursePeople). */
export function eligibilityOf(person: CoursePerson, vocational: boolean, minAttendanceRate: number): CertificateEligibility {
  const reasons: EligibilityReason[] = []
  if (!vocational) reasons.push('not_vocational')
  if (person.status === 'withdrawn') reasons.push('withdrawn')
  const passing = person.attempts.find((a) => a.result === 'passed') ?? null
  if (!passing) reasons.push('not_passed')
  const { attendanceRate } = attendanceCounts(person.statuses)
  // With no counted session the attendance cannot be shown to meet a threshold above zero.
  if (minAttendanceRate > 0 && (attendanceRate === null || attendanceRate < thresholdPercent(minAttendanceRate))) reasons.push('attendance')
  if (person.certified) reasons.push('certified')
  return {
    eligible: reasons.length === 0,
    reasons,
    passingAttemptId: passing?.id ?? null,
    theory: passing?.theory ?? null,
    practical: passing?.practical ?? null,
    attendanceRate,
  }
}
