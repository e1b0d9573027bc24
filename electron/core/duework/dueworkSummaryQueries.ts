/**
 * The due-work facts of a ward's or the facility's current files, read from the per-person summary (table
 * due_summary, migration 022, kept current by triggers on every source): one indexed read of the rows, plus what
 * depends on the day asked about (flag tasks handled and planned talks done since the day before, read by date from
 * their own indexes) and the live exemptions. One person's full list still reads the sources (dueworkFacts.ts), and
 * tests/unit/dueworkSummary.test.ts holds the two to the same answers.
 */
import type { IsoDate } from '../../shared/domain/dates'
import type { DiagPoint, ExemptionFact, PersonFacts, SeriesFacts } from '../../shared/domain/duework/facts'
import { idTail } from '../../shared/domain/idNumber'
import type { Period } from '../../shared/domain/periods'
import type { Db } from '../db/open'
import { earliestEarlyRelease, groupBy, localDate, periodEntriesOf, type TermRow } from './dueworkFacts'
import { runSource, type PersonRow } from './dueworkFactsQueries'

/** A summary row: the person's columns, their open task count and the fact columns as one JSON array (one parse). */
export interface SummaryPerson extends PersonRow {
  openTasks: number
  facts: string
}

type ScreeningEntry = [id: string, instrument: string, on: string, recordedAt: string]
type FactsJson = [
  screenings: ScreeningEntry[],
  fitness: Array<[id: string, on: string]>,
  entries: Partial<Record<Period, string>>,
  terms: Array<[kind: TermRow['kind'], months: number | null, fromDate: string | null, toDate: string | null]>,
  flagTasks: Array<[id: string, createdAt: string]>,
  crises: Array<[id: string, raisedOn: string, events: Array<[id: string, on: string]>]>,
  diag: Array<[id: string, point: DiagPoint, stagePeriod: Period | null, on: string]>,
  evidence: Array<[id: string, assessmentId: string, requestedOn: string]>,
  talks: Array<[id: string, kind: string, status: 'planned' | 'done' | 'cancelled', plannedOn: string | null, doneOn: string | null]>,
  measures: Array<[id: string, reviewOn: string, endOn: string | null]>,
]

const COLUMNS = `person_id AS id, name, id_number AS idNumber, ward_id AS wardId, admission_date AS admissionDate, period, period_since AS periodSince,
  last_day AS lastDay, decision_date AS decisionDate, early_release_bar AS earlyReleaseBar, open_tasks AS openTasks,
  '[' || screenings || ',' || fitness || ',' || entries || ',' || terms || ',' || flag_tasks || ',' || crises || ',' || diag || ',' || evidence
    || ',' || talks || ',' || measures || ']' AS facts`

export const SUMMARY_SQL = {
  /** A ward's current files in roster order. */
  ward: `SELECT ${COLUMNS} FROM due_summary INDEXED BY due_summary_ward WHERE ward_id = @wardId ORDER BY name_pinyin, person_id`,
  /** Every current file (the table holds nothing else). */
  facility: `SELECT ${COLUMNS} FROM due_summary`,
  /** Flag tasks handled since @since (a timestamp compared with a date: from that day on). */
  handledFlagTasks: `SELECT t.person_id AS personId, t.id, t.created_at AS createdAt, t.status, t.handled_at AS handledAt
    FROM psych_tasks t INDEXED BY psych_tasks_flag_handled WHERE t.assessment_id IS NOT NULL AND t.status IN ('done', 'dismissed') AND t.handled_at >= @since`,
  /** Talks done from a plan since @since (admission and release talks done are in the summary whenever done). */
  doneFromPlan: `SELECT t.person_id AS personId, t.id, t.kind, t.status, t.planned_on AS plannedOn, t.done_on AS doneOn
    FROM ward_talks t INDEXED BY ward_talks_done_from_plan
    WHERE t.voided_at IS NULL AND t.status = 'done' AND t.planned_on IS NOT NULL AND t.done_on >= @since AND t.kind NOT IN ('admission', 'release')`,
} as const

export function summaryOfWard(db: Db, wardId: string): SummaryPerson[] {
  return db.prepare(SUMMARY_SQL.ward).all({ wardId }) as SummaryPerson[]
}

/** Every current file, or those of `wardIds`. */
export function summaryOfFacility(db: Db, wardIds: readonly string[] | null): SummaryPerson[] {
  const rows = db.prepare(SUMMARY_SQL.facility).all() as SummaryPerson[]
  if (wardIds === null) return rows
  const allowed = new Set(wardIds)
  return rows.filter((r) => r.wardId !== null && allowed.has(r.wardId))
}

/** Key order of the source index: date, recording time, instrument (then id, where the index has the rowid). */
const screeningOrder = (a: ScreeningEntry, b: ScreeningEntry): number =>
  a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0

/** The first and latest two of the configured instruments' records (each instrument's first and latest two are stored). */
function screeningSeries(entries: ScreeningEntry[], instruments: ReadonlySet<string>): SeriesFacts {
  const chosen = entries.filter((e) => instruments.has(e[1])).sort(screeningOrder)
  if (chosen.length === 0) return { first: null, latest: [] }
  const first = chosen[0]!
  return { first: { id: first[0], on: first[2] }, latest: chosen.slice(-2).reverse().map((e) => ({ id: e[0], on: e[2] })) }
}

function fitnessSeries(tests: Array<[string, string]>): SeriesFacts {
  if (tests.length === 0) return { first: null, latest: [] }
  const [id, on] = tests[0]!
  return { first: { id, on }, latest: tests.slice(-2).reverse().map(([id, on]) => ({ id, on })) }
}

export interface SummaryFactOptions {
  today: IsoDate
  screeningInstruments: readonly string[]
  /** Flag tasks handled and planned talks done are gathered from this date on (a date; never '' here). */
  doneSince: IsoDate
}

/** Each person's facts from their summary row and what the day adds: the same facts gatherFacts reads from the sources. */
export function summaryFacts(db: Db, people: readonly SummaryPerson[], options: SummaryFactOptions): PersonFacts[] {
  if (people.length === 0) return []
  const since = { since: options.doneSince }
  const handled = groupBy(db.prepare(SUMMARY_SQL.handledFlagTasks).all(since) as Array<{ personId: string; id: string; createdAt: string; status: 'done' | 'dismissed'; handledAt: string }>)
  const doneTalks = groupBy(db.prepare(SUMMARY_SQL.doneFromPlan).all(since) as Array<{ personId: string; id: string; kind: string; status: 'done'; plannedOn: string; doneOn: string }>)
  const params = { people: JSON.stringify(people.map((p) => p.id)), instruments: '[]', handledSince: '', doneSince: '', today: options.today }
  const exemptions = groupBy(runSource<ExemptionFact & { personId: string }>(db, 'exemptions', params))
  const instruments = new Set(options.screeningInstruments)

  return people.map((p): PersonFacts => {
    const [screenings, fitness, entries, terms, flagTasks, crises, diag, evidence, talks, measures] = JSON.parse(p.facts) as FactsJson
    const moves = Object.entries(entries).map(([period, on]) => ({ period: period as Period, on: on! }))
    const termRows = terms.map(([kind, months, fromDate, toDate]) => ({ personId: p.id, kind, months, fromDate, toDate }))
    return {
      personId: p.id,
      personName: p.name,
      idTail: idTail(p.idNumber),
      wardId: p.wardId,
      admissionDate: p.admissionDate,
      period: p.period,
      periodSince: p.periodSince,
      periodEntries: periodEntriesOf(p, moves),
      lastDay: p.lastDay,
      earliestEarlyRelease: earliestEarlyRelease(p, termRows, options.today),
      screenings: screeningSeries(screenings, instruments),
      fitnessTests: fitnessSeries(fitness),
      flagTasks: [
        ...flagTasks.map(([id, createdAt]) => ({ id, raisedOn: localDate(createdAt), status: 'open' as const, handledOn: null })),
        ...(handled.get(p.id) ?? []).map((t) => ({ id: t.id, raisedOn: localDate(t.createdAt), status: t.status, handledOn: localDate(t.handledAt) })),
      ],
      openCrises: crises.map(([id, raisedOn, events]) => ({ id, raisedOn, events: events.map(([eventId, on]) => ({ id: eventId, on })) })),
      diagAssessments: diag.map(([id, point, stagePeriod, on]) => ({ id, point, stagePeriod, on, final: true })),
      openEvidenceRequests: evidence.map(([id, assessmentId, requestedOn]) => ({ id, assessmentId, requestedOn })),
      talks: [
        ...talks.map(([id, kind, status, plannedOn, doneOn]) => ({ id, kind, status, plannedOn, doneOn })),
        ...(doneTalks.get(p.id) ?? []).map(({ id, kind, status, plannedOn, doneOn }) => ({ id, kind, status, plannedOn, doneOn })),
      ],
      watchMeasures: measures.filter(([, , endOn]) => endOn === null || endOn > options.today).map(([id, reviewOn]) => ({ id, reviewOn })),
      exemptions: (exemptions.get(p.id) ?? []).map(({ personId: _personId, ...e }) => e),
    }
  })
}
