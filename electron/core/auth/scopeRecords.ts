import type { ScopedRecord } from '../../shared/contract/define'
import { peopleOfCertificate } from '../certificates/certificatesQueries'
import type { Db } from '../db/open'
import { peopleOfCourseSession, peopleOfEnrolment, peopleOfExamAttempt } from '../courses/coursesScopeQueries'
import { peopleOfKnowledgeAttempt } from '../knowledge/knowledgeScopeQueries'
import { peopleOfReferral } from '../employment/employmentScopeQueries'
import { peopleOfDiagAssessment, peopleOfTermProposal } from '../assessment/assessmentScopeQueries'
import { peopleOfDueExemption } from '../duework/dueworkScopeQueries'
import { peopleOfHandoverSheet, peopleOfRelease } from '../release/releaseScopeQueries'
import { peopleOfAssessment, peopleOfCrisis, peopleOfSession, peopleOfTask } from '../psych/psychScopeQueries'
import type { RecordPerson } from './recordPeopleQueries'

/**
 * For each kind of record a call may name by id alone, the people it concerns with their current wards (null for a past
 * file): ward scoping reads the wards (auth/wardScope.ts), the read-only guard for released files the people
 * (release/closedFileGuard.ts). The `satisfies` makes a kind added to SCOPED_RECORDS without a resolver a compile error.
 */
export const SCOPE_RECORD_PEOPLE = {
  assessment: peopleOfAssessment,
  crisis: peopleOfCrisis,
  session: peopleOfSession,
  task: peopleOfTask,
  enrolment: peopleOfEnrolment,
  courseSession: peopleOfCourseSession,
  examAttempt: peopleOfExamAttempt,
  certificate: peopleOfCertificate,
  knowledgeAttempt: peopleOfKnowledgeAttempt,
  referral: peopleOfReferral,
  diagAssessment: peopleOfDiagAssessment,
  termProposal: peopleOfTermProposal,
  dueExemption: peopleOfDueExemption,
  release: peopleOfRelease,
  handoverSheet: peopleOfHandoverSheet,
} satisfies Record<ScopedRecord, (db: Db, id: string) => RecordPerson[]>

/**
 * Records that belong to a group (a counselling session, a course session): the read-only guard leaves them to their
 * handlers, since refusing one for a released member would stop the others' work; each member's own rows (attendance
 * through enrolments, notes) carry their own kinds.
 */
export const GROUP_RECORDS: ReadonlySet<ScopedRecord> = new Set(['session', 'courseSession'])
