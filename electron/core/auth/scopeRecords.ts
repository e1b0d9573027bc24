import type { ScopedRecord } from '../../shared/contract/define'
import type { Db } from '../db/open'
import { peopleOfAssessment, peopleOfCrisis, peopleOfSession, peopleOfTask } from '../psych/psychScopeQueries'

/**
 * For each kind of record a call may name by id alone, the people it concerns. The `satisfies` makes a kind added to
 * SCOPED_RECORDS without a resolver a compile error.
 */
export const SCOPE_RECORD_PEOPLE = {
  assessment: peopleOfAssessment,
  crisis: peopleOfCrisis,
  session: peopleOfSession,
  task: peopleOfTask,
} satisfies Record<ScopedRecord, (db: Db, id: string) => string[]>
