/**
 * What the rules read about one person: the live records each rule looks at, already reduced to what it needs (the
 * core gathers them in one batched query per source, core/duework/dueworkFactsQueries.ts). Voided records are never
 * here; drafts are, marked, because a draft diagnostic assessment does not satisfy a rule.
 */
import type { IsoDate } from '../dates'
import type { Period } from '../periods'
import type { DueRuleId } from './vocabulary'

export interface DatedRecord {
  id: string
  on: IsoDate
}

/** The first record and the latest two (newest first) of a series: enough for an admission rule and an interval. */
export interface SeriesFacts {
  first: DatedRecord | null
  latest: DatedRecord[]
}

export interface FlagTaskFact {
  id: string
  raisedOn: IsoDate
  status: 'open' | 'done' | 'dismissed'
  handledOn: IsoDate | null
}

export interface CrisisFact {
  id: string
  raisedOn: IsoDate
  /** The latest two events (newest first). */
  events: DatedRecord[]
}

export type DiagPoint = 'admission' | 'detox' | 'stage' | 'one_year' | 'pre_expiry'

export interface DiagAssessmentFact {
  id: string
  point: DiagPoint
  stagePeriod: Period | null
  on: IsoDate
  final: boolean
}

export interface EvidenceRequestFact {
  id: string
  assessmentId: string
  requestedOn: IsoDate
}

export interface TalkFact {
  id: string
  kind: string
  status: 'planned' | 'done' | 'cancelled'
  plannedOn: IsoDate | null
  doneOn: IsoDate | null
}

export interface WatchMeasureFact {
  id: string
  reviewOn: IsoDate
}

export interface ExemptionFact {
  id: string
  rule: DueRuleId
  occurrence: string
  reason: string
  by: string
  byName: string
  at: string
  revision: number
}

export interface PersonFacts {
  personId: string
  personName: string
  idTail: string
  wardId: string | null
  admissionDate: IsoDate
  period: Period | null
  periodSince: IsoDate | null
  /** The date the person last entered each period up to the current one (period moves; the current from periodSince). */
  periodEntries: Partial<Record<Period, IsoDate>>
  lastDay: IsoDate | null
  /** From computeTerm; null when early release is barred (an escape, a recorded bar) or the term cannot be computed. */
  earliestEarlyRelease: IsoDate | null
  screenings: SeriesFacts
  fitnessTests: SeriesFacts
  flagTasks: FlagTaskFact[]
  openCrises: CrisisFact[]
  diagAssessments: DiagAssessmentFact[]
  openEvidenceRequests: EvidenceRequestFact[]
  /** Admission and release talks done, planned talks, and talks done from a plan. */
  talks: TalkFact[]
  /** Live watch measures not ended, with a review date. */
  watchMeasures: WatchMeasureFact[]
  exemptions: ExemptionFact[]
}

export const emptySeries = (): SeriesFacts => ({ first: null, latest: [] })

/** A person with no records yet (tests and partial views fill in what they have). */
export function blankFacts(personId: string, admissionDate: IsoDate, extra: Partial<PersonFacts> = {}): PersonFacts {
  return {
    personId, personName: '', idTail: '', wardId: null, admissionDate, period: null, periodSince: null, periodEntries: {}, lastDay: null,
    earliestEarlyRelease: null, screenings: emptySeries(), fitnessTests: emptySeries(), flagTasks: [], openCrises: [], diagAssessments: [],
    openEvidenceRequests: [], talks: [], watchMeasures: [], exemptions: [], ...extra,
  }
}
