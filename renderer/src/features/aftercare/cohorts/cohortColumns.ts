import type { CohortFigures, CohortOutcome } from '@shared/contract'

/** The count columns of the cohort table, each the outcome its people-list opens. */
export const COUNT_COLUMNS: ReadonlyArray<{ outcome: CohortOutcome; value: (f: CohortFigures) => number }> = [
  { outcome: 'released', value: (f) => f.released },
  { outcome: 'reached', value: (f) => f.reached },
  { outcome: 'abstinent', value: (f) => f.abstinent },
  { outcome: 'relapsed', value: (f) => f.relapsed },
  { outcome: 'in_custody', value: (f) => f.inCustody },
  { outcome: 'deceased', value: (f) => f.deceased },
  { outcome: 'lost', value: (f) => f.lost },
  { outcome: 'not_reached', value: (f) => f.notReached },
]

/** What a clicked number opens. */
export interface CohortDrill {
  from: string
  to: string
  asOf: string
  outcome: CohortOutcome
  cohortLabel: string
}
