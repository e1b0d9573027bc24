/**
 * Follow-up statistics for other domains (the dashboard) and the CLI: the cohort figures of a release range as of a day
 * (SHAPES14 arithmetic, shared/domain/aftercare/cohort.ts) and the due/overdue follow-up counts of a day.
 */
import type { CohortFigures } from '../../shared/contract/aftercare'
import { countPerson, emptyFigures, withRates } from '../../shared/domain/aftercare/cohort'
import type { Db } from '../db/open'
import { cohortStatusCounts, type CohortRange } from './cohortQueries'

export { followUpDueCounts, cohortPeople, type CohortRange } from './cohortQueries'

export function cohortFigures(db: Db, range: CohortRange): CohortFigures {
  const figures = emptyFigures()
  for (const row of cohortStatusCounts(db, range)) countPerson(figures, row.status, row.n)
  return withRates(figures)
}
