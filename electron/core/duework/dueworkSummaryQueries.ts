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

/** A current file's summary: the person's columns, their open task count and the parsed fact columns (never mutated). */
export interface SummaryPerson extends PersonRow {
  openTasks: number
  json: FactsJson
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

const COLUMNS = `person_id AS id, stamp, name, id_number AS idNumber, ward_id AS wardId, admission_date AS admissionDate, period,
  period_since AS periodSince, last_day AS lastDay, decision_date AS decisionDate, early_release_bar AS earlyReleaseBar, open_tasks AS openTasks,
  '[' || screenings || ',' || fitness || ',' || entries || ',' || terms || ',' || flag_tasks || ',' || crises || ',' || diag || ',' || evidence
    || ',' || talks || ',' || measures || ']' AS facts`

export const SUMMARY_SQL = {
  /** A ward's current files in roster order, with their stamps (from the index alone). */
  wardStamps: `SELECT person_id AS id, stamp FROM due_summary INDEXED BY due_summary_ward WHERE ward_id = @wardId ORDER BY name_pinyin, person_id`,
  /** Every current file (the table holds nothing else), with its stamp (from the index alone). */
  facilityStamps: `SELECT person_id AS id, ward_id AS wardId, stamp FROM due_summary INDEXED BY due_summary_ward WHERE ward_id > ''`,
  /** The rows of @ids (a JSON array) not parsed yet, or changed since. */
  rows: `SELECT ${COLUMNS} FROM json_each(@ids) i JOIN due_summary s ON s.person_id = i.value`,
  /** Flag tasks handled since @since (a timestamp compared with a date: from that day on). */
  handledFlagTasks: `SELECT t.person_id AS personId, t.id, t.created_at AS createdAt, t.status, t.handled_at AS handledAt
    FROM psych_tasks t INDEXED BY psych_tasks_flag_handled WHERE t.assessment_id IS NOT NULL AND t.status IN ('done', 'dismissed') AND t.handled_at >= @since`,
  /** Talks done from a plan since @since (admission and release talks done are in the summary whenever done). */
  doneFromPlan: `SELECT t.person_id AS personId, t.id, t.kind, t.status, t.planned_on AS plannedOn, t.done_on AS doneOn
    FROM ward_talks t INDEXED BY ward_talks_done_from_plan
    WHERE t.voided_at IS NULL AND t.status = 'done' AND t.planned_on IS NOT NULL AND t.done_on >= @since AND t.kind NOT IN ('admission', 'release')`,
} as const

type Stamp = { id: string; stamp: number }
type Parsed = SummaryPerson & { stamp: number }

/**
 * Rows parsed earlier, per database, kept while their stamp is unchanged (every write to a row gives it a new random
 * stamp, in whatever connection; a rolled-back write restores the stamp its content had). Parsing the facility's
 * 3,000 rows is most of a read; a day's screens re-read rows that rarely changed since.
 */
const parsedRows = new WeakMap<Db, Map<string, Parsed>>()
/** Bounds the cache: the facility's current files are far fewer. */
const MAX_PARSED = 20_000

function summariesOf(db: Db, stamps: readonly Stamp[]): SummaryPerson[] {
  let cache = parsedRows.get(db)
  if (!cache) parsedRows.set(db, (cache = new Map()))
  const missing = stamps.filter((s) => cache.get(s.id)?.stamp !== s.stamp).map((s) => s.id)
  if (missing.length > 0) {
    if (cache.size + missing.length > MAX_PARSED) cache.clear()
    const rows = db.prepare(SUMMARY_SQL.rows).all({ ids: JSON.stringify(missing) }) as Array<PersonRow & { stamp: number; openTasks: number; facts: string }>
    for (const { facts, ...row } of rows) cache.set(row.id, { ...row, json: JSON.parse(facts) as FactsJson })
  }
  const out: SummaryPerson[] = []
  // A row changed between the two reads is taken as read second (still the current row).
  for (const s of stamps) {
    const row = cache.get(s.id)
    if (row) out.push(row)
  }
  return out
}

export function summaryOfWard(db: Db, wardId: string): SummaryPerson[] {
  return summariesOf(db, db.prepare(SUMMARY_SQL.wardStamps).all({ wardId }) as Stamp[])
}

/** Every current file, or those of `wardIds`. */
export function summaryOfFacility(db: Db, wardIds: readonly string[] | null): SummaryPerson[] {
  let stamps = db.prepare(SUMMARY_SQL.facilityStamps).all() as Array<Stamp & { wardId: string }>
  if (wardIds !== null) {
    const allowed = new Set(wardIds)
    stamps = stamps.filter((r) => allowed.has(r.wardId))
  }
  return summariesOf(db, stamps)
}

/** The first and latest two of the configured instruments' records (stored in date order, each instrument's first and latest two). */
function screeningSeries(entries: readonly ScreeningEntry[], instruments: ReadonlySet<string>): SeriesFacts {
  const chosen = entries.filter((e) => instruments.has(e[1]))
  if (chosen.length === 0) return { first: null, latest: [] }
  const first = chosen[0]!
  return { first: { id: first[0], on: first[2] }, latest: chosen.slice(-2).reverse().map((e) => ({ id: e[0], on: e[2] })) }
}

function fitnessSeries(tests: ReadonlyArray<[string, string]>): SeriesFacts {
  if (tests.length === 0) return { first: null, latest: [] }
  const [id, on] = tests[0]!
  return { first: { id, on }, latest: tests.slice(-2).reverse().map(([id, on]) => ({ id, on })) }
}

/** What of a person's facts depends on neither the day asked about nor the exemptions (read every time). */
type BaseFacts = Omit<PersonFacts, 'earliestEarlyRelease' | 'watchMeasures' | 'exemptions'> & { termRows: TermRow[] }

/** Base facts per parsed row and screening instruments: the rules never change the facts they are given. */
const baseFactsMemo = new WeakMap<SummaryPerson, { instruments: string; base: BaseFacts }>()

function baseFacts(p: SummaryPerson, instrumentsKey: string, instruments: ReadonlySet<string>): BaseFacts {
  const memo = baseFactsMemo.get(p)
  if (memo?.instruments === instrumentsKey) return memo.base
  const [screenings, fitness, entries, terms, flagTasks, crises, diag, evidence, talks] = p.json
  const moves = Object.entries(entries).map(([period, on]) => ({ period: period as Period, on: on! }))
  const base: BaseFacts = {
    personId: p.id,
    personName: p.name,
    idTail: idTail(p.idNumber),
    wardId: p.wardId,
    admissionDate: p.admissionDate,
    period: p.period,
    periodSince: p.periodSince,
    periodEntries: periodEntriesOf(p, moves),
    lastDay: p.lastDay,
    termRows: terms.map(([kind, months, fromDate, toDate]) => ({ personId: p.id, kind, months, fromDate, toDate })),
    screenings: screeningSeries(screenings, instruments),
    fitnessTests: fitnessSeries(fitness),
    flagTasks: flagTasks.map(([id, createdAt]) => ({ id, raisedOn: localDate(createdAt), status: 'open' as const, handledOn: null })),
    openCrises: crises.map(([id, raisedOn, events]) => ({ id, raisedOn, events: events.map(([eventId, on]) => ({ id: eventId, on })) })),
    diagAssessments: diag.map(([id, point, stagePeriod, on]) => ({ id, point, stagePeriod, on, final: true })),
    openEvidenceRequests: evidence.map(([id, assessmentId, requestedOn]) => ({ id, assessmentId, requestedOn })),
    talks: talks.map(([id, kind, status, plannedOn, doneOn]) => ({ id, kind, status, plannedOn, doneOn })),
  }
  baseFactsMemo.set(p, { instruments: instrumentsKey, base })
  return base
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
  const instrumentsKey = JSON.stringify(options.screeningInstruments)

  return people.map((p): PersonFacts => {
    const base = baseFacts(p, instrumentsKey, instruments)
    const handledTasks = handled.get(p.id)
    const talksDone = doneTalks.get(p.id)
    const measures = p.json[9]
    // Fields named one by one: an object rest or spread per person costs more than the rules.
    return {
      personId: base.personId,
      personName: base.personName,
      idTail: base.idTail,
      wardId: base.wardId,
      admissionDate: base.admissionDate,
      period: base.period,
      periodSince: base.periodSince,
      periodEntries: base.periodEntries,
      lastDay: base.lastDay,
      screenings: base.screenings,
      fitnessTests: base.fitnessTests,
      openCrises: base.openCrises,
      diagAssessments: base.diagAssessments,
      openEvidenceRequests: base.openEvidenceRequests,
      earliestEarlyRelease: earliestEarlyRelease(p, base.termRows, options.today),
      flagTasks: handledTasks === undefined ? base.flagTasks
        : [...base.flagTasks, ...handledTasks.map((t) => ({ id: t.id, raisedOn: localDate(t.createdAt), status: t.status, handledOn: localDate(t.handledAt) }))],
      talks: talksDone === undefined ? base.talks : [...base.talks, ...talksDone.map(({ id, kind, status, plannedOn, doneOn }) => ({ id, kind, status, plannedOn, doneOn }))],
      watchMeasures: measures.length === 0 ? [] : measures.filter(([, , endOn]) => endOn === null || endOn > options.today).map(([id, reviewOn]) => ({ id, reviewOn })),
      exemptions: exemptions.get(p.id)?.map(({ personId: _personId, ...e }) => e) ?? [],
    }
  })
}
