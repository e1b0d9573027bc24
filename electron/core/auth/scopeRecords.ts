import type { ScopedRecord } from '../../shared/contract/define'
import { wardsOfCertificate } from '../certificates/certificatesQueries'
import type { Db } from '../db/open'
import { wardsOfCourseSession, wardsOfEnrolment, wardsOfExamAttempt } from '../courses/coursesScopeQueries'
import { wardsOfKnowledgeAttempt } from '../knowledge/knowledgeScopeQueries'
import { wardsOfReferral } from '../employment/employmentScopeQueries'
import { wardsOfDiagAssessment, wardsOfTermProposal } from '../assessment/assessmentScopeQueries'
import { wardsOfDueExemption } from '../duework/dueworkScopeQueries'
import { wardsOfHandoverSheet, wardsOfRelease } from '../release/releaseScopeQueries'
import { wardsOfAssessment, wardsOfCrisis, wardsOfSession, wardsOfTask } from '../psych/psychScopeQueries'

/**
 * For each kind of record a call may name by id alone, the wards it lies in: the current wards of the people it
 * concerns (null for a past file), or the ward a ward-owned record belongs to. The `satisfies` makes a kind added to
 * SCOPED_RECORDS without a resolver a compile error.
 */
export const SCOPE_RECORD_WARDS = {
  assessment: wardsOfAssessment,
  crisis: wardsOfCrisis,
  session: wardsOfSession,
  task: wardsOfTask,
  enrolment: wardsOfEnrolment,
  courseSession: wardsOfCourseSession,
  examAttempt: wardsOfExamAttempt,
  certificate: wardsOfCertificate,
  knowledgeAttempt: wardsOfKnowledgeAttempt,
  referral: wardsOfReferral,
  diagAssessment: wardsOfDiagAssessment,
  termProposal: wardsOfTermProposal,
  dueExemption: wardsOfDueExemption,
  release: wardsOfRelease,
  handoverSheet: wardsOfHandoverSheet,
} satisfies Record<ScopedRecord, (db: Db, id: string) => Array<string | null>>
