/** Turns the rows of the batched source queries into each person's facts (domain/duework/facts.ts). */
import { todayIn, type IsoDate } from '../../shared/domain/dates'
import type { DiagPoint, FlagTaskFact, PersonFacts, SeriesFacts, TalkFact } from '../../shared/domain/duework/facts'
import type { DueRuleId } from '../../shared/domain/duework/vocabulary'
import { idTail } from '../../shared/domain/idNumber'
import { PERIODS, periodIndex, type Period } from '../../shared/domain/periods'
import { FACILITY_TIME_ZONE } from '../context'
import type { Db } from '../db/open'
import { personTerm } from '../people/personTerm'
import { runSource, type PersonRow, type SourceParams } from './dueworkFactsQueries'

export interface GatherOptions {
  today: IsoDate
  /** Screening instruments (psych settings). */
  screeningInstruments: readonly string[]
  /** Handled tasks and done planned talks are gathered from this date on ('' = all: a person's full list). */
  doneSince: IsoDate
}

type SeriesRow = { personId: string; which: 'first' | 'latest'; id: string; on: string }
export type TermRow = { personId: string; kind: 'extension' | 'escape'; months: number | null; fromDate: string | null; toDate: string | null }

/** A timestamp's calendar date in the facility's zone. */
export const localDate = (timestamp: string): IsoDate => todayIn(FACILITY_TIME_ZONE, new Date(timestamp))

/** The earliest early release, or null when barred (an escape, a recorded bar) or the term cannot be computed. */
/** Without term events the date depends on the decision date alone: computed once per date (people share them). */
const plainEarliest = new Map<IsoDate, IsoDate | null>()

export function earliestEarlyRelease(person: PersonRow, events: readonly TermRow[], today: IsoDate): IsoDate | null {
  if (person.earlyReleaseBar !== null) return null
  if (events.length === 0) {
    let date = plainEarliest.get(person.decisionDate)
    if (date === undefined) {
      date = earliestFromEvents(person, events, today)
      if (plainEarliest.size > 100_000) plainEarliest.clear()
      plainEarliest.set(person.decisionDate, date)
    }
    return date
  }
  return earliestFromEvents(person, events, today)
}

/** The people domain's term of the file (an escape still open counts up to today), from the live events read here. */
function earliestFromEvents(person: PersonRow, events: readonly TermRow[], today: IsoDate): IsoDate | null {
  const { result } = personTerm(person.decisionDate, person.earlyReleaseBar, events.map((e) => ({ ...e, voidedAt: null })), today)
  return result?.earlyReleaseAllowed ? result.earliestEarlyRelease : null
}

function seriesByPerson(rows: readonly SeriesRow[]): Map<string, SeriesFacts> {
  const out = new Map<string, SeriesFacts>()
  for (const r of rows) {
    let s = out.get(r.personId)
    if (!s) out.set(r.personId, (s = { first: null, latest: [] }))
    if (r.which === 'first') s.first = { id: r.id, on: r.on }
    else s.latest.push({ id: r.id, on: r.on })
  }
  // The subquery's order does not survive the join: newest first again.
  for (const s of out.values()) s.latest.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))
  return out
}

/** The date each period was last entered up to the current one (the current one: since periodSince). */
export function periodEntriesOf(p: PersonRow, moves: ReadonlyArray<{ period: Period; on: string }>): Partial<Record<Period, IsoDate>> {
  const periodEntries: Partial<Record<Period, IsoDate>> = {}
  for (const e of moves) periodEntries[e.period] = e.on
  if (p.period !== null && p.periodSince !== null) periodEntries[p.period] = p.periodSince
  // Periods after the current one (a corrected move) are not entered on this stay.
  if (p.period !== null) for (const later of PERIODS) if (periodIndex(later) > periodIndex(p.period)) delete periodEntries[later]
  return periodEntries
}

export function groupBy<T extends { personId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const list = out.get(r.personId)
    if (list) list.push(r)
    else out.set(r.personId, [r])
  }
  return out
}

/** Gathers every person's facts with one query per source. */
export function gatherFacts(db: Db, people: readonly PersonRow[], options: GatherOptions): PersonFacts[] {
  if (people.length === 0) return []
  const params: SourceParams = {
    people: JSON.stringify(people.map((p) => p.id)),
    instruments: JSON.stringify(options.screeningInstruments),
    handledSince: options.doneSince,
    doneSince: options.doneSince,
    today: options.today,
  }
  const terms = groupBy(runSource<TermRow>(db, 'termEvents', params))
  const entries = groupBy(runSource<{ personId: string; period: Period; on: string }>(db, 'periodEntries', params))
  const screenings = seriesByPerson(runSource<SeriesRow>(db, 'screenings', params))
  const fitness = seriesByPerson(runSource<SeriesRow>(db, 'fitnessTests', params))
  const tasks = groupBy(runSource<{ personId: string; id: string; createdAt: string; status: FlagTaskFact['status']; handledAt: string | null }>(db, 'flagTasks', params))
  const crises = groupBy(runSource<{ personId: string; id: string; raisedOn: string; eventId: string | null; eventOn: string | null }>(db, 'openCrises', params))
  const diag = groupBy(runSource<{ personId: string; id: string; point: DiagPoint; stagePeriod: Period | null; on: string; status: string }>(db, 'diagAssessments', params))
  const evidence = groupBy(runSource<{ personId: string; id: string; assessmentId: string; requestedOn: string }>(db, 'openEvidenceRequests', params))
  const talks = groupBy(runSource<TalkFact & { personId: string }>(db, 'talks', params))
  const measures = groupBy(runSource<{ personId: string; id: string; reviewOn: string }>(db, 'watchMeasures', params))
  const exemptions = groupBy(
    runSource<{ personId: string; id: string; rule: DueRuleId; occurrence: string; reason: string; by: string; byName: string; at: string; revision: number }>(db, 'exemptions', params),
  )

  return people.map((p): PersonFacts => {
    const periodEntries = periodEntriesOf(p, entries.get(p.id) ?? [])
    const openCrises = new Map<string, { id: string; raisedOn: string; events: Array<{ id: string; on: string }> }>()
    for (const c of crises.get(p.id) ?? []) {
      let crisis = openCrises.get(c.id)
      if (!crisis) openCrises.set(c.id, (crisis = { id: c.id, raisedOn: c.raisedOn, events: [] }))
      if (c.eventId !== null && c.eventOn !== null) crisis.events.push({ id: c.eventId, on: c.eventOn })
    }
    return {
      personId: p.id,
      personName: p.name,
      idTail: idTail(p.idNumber),
      wardId: p.wardId,
      admissionDate: p.admissionDate,
      period: p.period,
      periodSince: p.periodSince,
      periodEntries,
      lastDay: p.lastDay,
      earliestEarlyRelease: earliestEarlyRelease(p, terms.get(p.id) ?? [], options.today),
      screenings: screenings.get(p.id) ?? { first: null, latest: [] },
      fitnessTests: fitness.get(p.id) ?? { first: null, latest: [] },
      flagTasks: (tasks.get(p.id) ?? []).map((t) => ({
        id: t.id, raisedOn: localDate(t.createdAt), status: t.status, handledOn: t.handledAt ? localDate(t.handledAt) : null,
      })),
      openCrises: [...openCrises.values()],
      diagAssessments: (diag.get(p.id) ?? []).map((d) => ({ id: d.id, point: d.point, stagePeriod: d.stagePeriod, on: d.on, final: d.status === 'final' })),
      openEvidenceRequests: (evidence.get(p.id) ?? []).map(({ id, assessmentId, requestedOn }) => ({ id, assessmentId, requestedOn })),
      talks: (talks.get(p.id) ?? []).map(({ id, kind, status, plannedOn, doneOn }) => ({ id, kind, status, plannedOn, doneOn })),
      watchMeasures: (measures.get(p.id) ?? []).map(({ id, reviewOn }) => ({ id, reviewOn })),
      exemptions: (exemptions.get(p.id) ?? []).map(({ personId: _personId, ...e }) => e),
    }
  })
}
