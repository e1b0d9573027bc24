/**
 * Who may be issued a certificate from a course (used by the course page and by the certificates service): a person
 * on a vocational course who passed a live exam attempt, attended at least the facility's share of counted sessions,
 * was not withdrawn and does not yet hold a live certificate from the course.
 */
import type { EligibilityReason } from '../../shared/contract/courses'
import type { Db } from '../db/open'

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
  void db
  void courseId
  void minAttendanceRate
  throw new Error('not implemented yet')
}
