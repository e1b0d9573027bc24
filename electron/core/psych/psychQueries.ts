/**
 * Psychology lists and screens: open work (tasks, crises), counselling sessions, and the ward screen's per-person
 * assessment facts. People and staff names come from their domains' batched lookups (one query per list).
 */
import type { CrisisDetail, CrisisSummary, PsychTask, PsychTaskDetail, SessionDetail, SessionSummary, WardResult } from '../../shared/contract'
import type { Bilingual } from '../../shared/domain/instruments'
import { taskFilterStatuses, type TaskFilter } from '../../shared/domain/psych'
import { staffNamesByIds } from '../auth/staffRepo'
import type { Db } from '../db/open'
import { personRefsByIds, voidedPersonIds, wardResidents } from '../people/peopleQueries'

/** Lists show at most this many rows (open work sorts first). */
const LIST_LIMIT = 500

/** The people a work list covers: exactly these, or everyone but these. */
export type PersonScope = { only: readonly string[] } | { except: readonly string[] }

/**
 * Live files only; of the ward when one is named (the person's current ward, as the ward screen shows them) and of the
 * person when one is named; with neither, of `readable` wards only when the caller's reach is limited (ward scoping;
 * null: every ward and past files). A named ward or person outside the reach is refused before this (assertReadable).
 */
export function livePeopleScope(db: Db, f: { wardId?: string | undefined; personId?: string | undefined }, readable: readonly string[] | null): PersonScope {
  if (f.wardId) {
    const ids = wardResidents(db, f.wardId).map((p) => p.id)
    return { only: f.personId ? ids.filter((id) => id === f.personId) : ids }
  }
  if (f.personId) {
    const person = personRefsByIds(db, [f.personId]).get(f.personId)
    return { only: person && !person.voided ? [person.id] : [] }
  }
  if (readable !== null) return { only: readable.flatMap((wardId) => wardResidents(db, wardId).map((p) => p.id)) }
  return { except: voidedPersonIds(db) }
}

/** The scope as a condition on `column`, reading the ids from @people. */
function scopeFilter(column: string, scope: PersonScope) {
  return 'only' in scope
    ? { sql: `${column} IN (SELECT value FROM json_each(@people))`, people: JSON.stringify(scope.only) }
    : { sql: `${column} NOT IN (SELECT value FROM json_each(@people))`, people: JSON.stringify(scope.except) }
}

/**
 * Open tasks first, the latest raised first; then handled ones, the latest handled first (a person's follow-up
 * history). rowid keeps the tasks one assessment raised at once in the order raised. The filter reads
 * psych_tasks_person_status (person, status) for a ward's people or one person.
 */
/** Tasks as lists show them: the flag and its handling, without which flag it was or the note (see PsychTask). */
export function listTasks(db: Db, scope: PersonScope, status: TaskFilter | undefined): PsychTask[] {
  const filter = scopeFilter('t.person_id', scope)
  const rows = db
    .prepare(
      `SELECT t.id, t.person_id AS personId, t.ward_id AS wardId, t.assessment_id AS assessmentId, t.created_at AS createdAt,
              t.status, t.handled_at AS handledAt, t.handled_by AS handledById
       FROM psych_tasks t WHERE ${filter.sql} AND t.status IN (SELECT value FROM json_each(@statuses))
       ORDER BY t.status <> 'open', CASE t.status WHEN 'open' THEN t.created_at ELSE t.handled_at END DESC, t.rowid LIMIT ${LIST_LIMIT}`,
    )
    .all({ people: filter.people, statuses: JSON.stringify(taskFilterStatuses(status)) }) as Array<Omit<PsychTask, 'personName' | 'handledBy'> & { handledById: string | null }>
  return withTaskNames(db, rows)
}

function withTaskNames<T extends { personId: string; handledById: string | null }>(db: Db, rows: T[]): Array<Omit<T, 'handledById'> & { personName: string; handledBy: string | null }> {
  const people = personRefsByIds(db, rows.map((r) => r.personId))
  const staffNames = staffNamesByIds(db, rows.map((r) => r.handledById))
  return rows.map(({ handledById, ...t }) => ({
    ...t,
    personName: people.get(t.personId)?.name ?? '',
    handledBy: handledById === null ? null : (staffNames.get(handledById) ?? null),
  }))
}

/** One task with what raised it and the handling note (the audited psych:getTask). */
export function taskDetail(db: Db, id: string): PsychTaskDetail | undefined {
  const row = db
    .prepare(
      `SELECT t.id, t.person_id AS personId, t.ward_id AS wardId, t.kind, t.label, t.assessment_id AS assessmentId, t.created_at AS createdAt,
              t.status, t.handled_at AS handledAt, t.handled_by AS handledById, t.handled_note AS handledNote
       FROM psych_tasks t WHERE t.id = ?`,
    )
    .get(id) as (Omit<PsychTaskDetail, 'personName' | 'label' | 'handledBy'> & { label: string; handledById: string | null }) | undefined
  if (!row) return undefined
  const [named] = withTaskNames(db, [row])
  return { ...named!, label: JSON.parse(row.label) as Bilingual }
}

const CRISIS = `
  SELECT c.id, c.person_id AS personId, c.risk_level AS riskLevel, c.reason, c.raised_on AS raisedOn, c.raised_by AS raisedById,
         c.status, c.closed_on AS closedOn, c.outcome,
         (SELECT max(e.event_on) FROM crisis_events e WHERE e.crisis_id = c.id) AS lastEventOn,
         (SELECT e.next_follow_up FROM crisis_events e WHERE e.crisis_id = c.id ORDER BY e.event_on DESC, e.recorded_at DESC LIMIT 1) AS nextFollowUp
  FROM crises c`

type CrisisRow = Omit<CrisisSummary, 'personName' | 'wardId' | 'raisedBy'> & { raisedById: string; reason: string; outcome: string | null }

/**
 * Adds the person's name and current ward and the raiser's name (one lookup each for the whole list), and leaves out
 * the reason and the outcome: a list shows the flag, the audited detail the text.
 */
function crisisSummaries(db: Db, rows: CrisisRow[]): CrisisSummary[] {
  const people = personRefsByIds(db, rows.map((r) => r.personId))
  const staffNames = staffNamesByIds(db, rows.map((r) => r.raisedById))
  return rows.map(({ raisedById, reason: _reason, outcome: _outcome, ...c }) => {
    const person = people.get(c.personId)
    return { ...c, personName: person?.name ?? '', wardId: person?.wardId ?? null, raisedBy: staffNames.get(raisedById) ?? '' }
  })
}

const RISK_ORDER = "CASE c.risk_level WHEN 'imminent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END"

/** Open crises first, the most urgent first, then the latest raised (rowid: then in the order raised). */
export function listCrises(db: Db, scope: PersonScope, status: 'open' | 'closed' | undefined): CrisisSummary[] {
  const filter = scopeFilter('c.person_id', scope)
  const rows = db
    .prepare(
      // The status condition is added only when a status is asked for (an optional-parameter OR defeats indexes).
      `${CRISIS} WHERE ${filter.sql}${status ? ' AND c.status = @status' : ''}
       ORDER BY c.status = 'closed', ${RISK_ORDER}, c.raised_on DESC, c.rowid LIMIT ${LIST_LIMIT}`,
    )
    .all(status ? { people: filter.people, status } : { people: filter.people }) as CrisisRow[]
  return crisisSummaries(db, rows)
}

export function crisisDetail(db: Db, id: string): CrisisDetail | undefined {
  const row = db.prepare(`${CRISIS} WHERE c.id = ?`).get(id) as CrisisRow | undefined
  if (!row) return undefined
  const events = db
    .prepare(
      `SELECT id, kind, event_on AS "on", by_staff AS byId, note, next_follow_up AS nextFollowUp FROM crisis_events
       WHERE crisis_id = ? ORDER BY event_on, recorded_at, rowid`,
    )
    .all(id) as Array<Omit<CrisisDetail['events'][number], 'by'> & { byId: string }>
  const staffNames = staffNamesByIds(db, events.map((e) => e.byId))
  return {
    ...crisisSummaries(db, [row])[0]!,
    reason: row.reason,
    outcome: row.outcome,
    events: events.map(({ byId, ...e }) => ({ ...e, by: staffNames.get(byId) ?? '' })),
  }
}

const SESSION = `
  SELECT id, kind, session_date AS date, duration_minutes AS durationMinutes, counsellor_id AS counsellorId, topic,
         presenting_issue AS presentingIssue, intervention, response, risk_observed AS riskObserved, plan,
         recorded_at AS recordedAt, recorded_by AS recordedById, revision, voided_at AS voidedAt, voided_by AS voidedById, void_reason AS voidReason
  FROM counselling_sessions`

type SessionRow = SessionDetail['note'] & Pick<SessionSummary, 'id' | 'kind' | 'date' | 'durationMinutes' | 'topic'> & {
  counsellorId: string
  recordedAt: string
  recordedById: string
  revision: number
  voidedAt: string | null
  voidedById: string | null
  voidReason: string | null
}

/** The people a session was held with. */
export const sessionParticipantIds = (db: Db, sessionId: string): string[] =>
  (db.prepare('SELECT person_id AS personId FROM counselling_participants WHERE session_id = ?').all(sessionId) as Array<{ personId: string }>).map((r) => r.personId)

/** Each session's participants by pinyin (voided files too: the note was written about them). */
function participantsOf(db: Db, sessionIds: string[]): Map<string, SessionSummary['participants']> {
  const rows = db
    .prepare('SELECT session_id AS sessionId, person_id AS personId FROM counselling_participants WHERE session_id IN (SELECT value FROM json_each(?)) ORDER BY person_id')
    .all(JSON.stringify(sessionIds)) as Array<{ sessionId: string; personId: string }>
  const people = personRefsByIds(db, rows.map((r) => r.personId))
  const bySession = new Map<string, Array<{ personId: string; name: string; pinyin: string }>>(sessionIds.map((id) => [id, []]))
  for (const r of rows) {
    const person = people.get(r.personId)
    if (person) bySession.get(r.sessionId)?.push({ personId: r.personId, name: person.name, pinyin: person.namePinyin })
  }
  // Code-unit order, as SQLite's BINARY collation sorts the (ASCII) pinyin.
  const byPinyin = (a: { pinyin: string }, b: { pinyin: string }) => (a.pinyin < b.pinyin ? -1 : a.pinyin > b.pinyin ? 1 : 0)
  return new Map([...bySession].map(([id, list]) => [id, list.sort(byPinyin).map(({ personId, name }) => ({ personId, name }))]))
}

function sessionSummaries(db: Db, rows: SessionRow[]): SessionSummary[] {
  const participants = participantsOf(db, rows.map((r) => r.id))
  const staffNames = staffNamesByIds(db, rows.flatMap((r) => [r.counsellorId, r.voidedById]))
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    date: r.date,
    durationMinutes: r.durationMinutes,
    counsellor: staffNames.get(r.counsellorId) ?? '',
    topic: r.topic,
    participants: participants.get(r.id) ?? [],
    riskObserved: !!r.riskObserved,
    revision: r.revision,
    voided: r.voidedAt ? { at: r.voidedAt, by: staffNames.get(r.voidedById ?? '') ?? '', reason: r.voidReason ?? '' } : null,
  }))
}

/** The person's sessions, latest first; voided ones stay listed (marked voided), as the record of what was written. */
export function personSessions(db: Db, personId: string): SessionSummary[] {
  const rows = db
    .prepare(
      `${SESSION} WHERE id IN (SELECT session_id FROM counselling_participants WHERE person_id = ?)
       ORDER BY session_date DESC, recorded_at DESC`,
    )
    .all(personId) as SessionRow[]
  return sessionSummaries(db, rows)
}

export function sessionDetail(db: Db, id: string): SessionDetail | undefined {
  const r = db.prepare(`${SESSION} WHERE id = ?`).get(id) as SessionRow | undefined
  if (!r) return undefined
  return {
    ...sessionSummaries(db, [r])[0]!,
    note: { presentingIssue: r.presentingIssue, intervention: r.intervention, response: r.response, riskObserved: r.riskObserved, plan: r.plan },
    recordedAt: r.recordedAt,
    recordedBy: staffNamesByIds(db, [r.recordedById]).get(r.recordedById) ?? '',
  }
}

/** A record's stored revisions, oldest first, with who changed it. */
export function sessionRevisions(db: Db, sessionId: string) {
  const rows = db
    .prepare(
      `SELECT revision, data, changed_at AS changedAt, changed_by AS changedById, change_note AS changeNote
       FROM counselling_session_revisions WHERE session_id = ? ORDER BY revision`,
    )
    .all(sessionId) as Array<{ revision: number; data: string; changedAt: string; changedById: string; changeNote: string | null }>
  const staffNames = staffNamesByIds(db, rows.map((r) => r.changedById))
  return rows.map(({ changedById, ...r }) => ({ ...r, changedBy: staffNames.get(changedById) ?? '' }))
}

/** What the ward screen shows of a person's assessments. */
export interface WardAssessmentFacts {
  /** The latest live assessment of each instrument, newest first. */
  results: WardResult[]
  /** The last complete screening (any of the screening instruments), for the due rule. */
  lastScreeningOn: string | null
}

/**
 * Per person and instrument: the latest live assessment and the last complete one's date, in one query for the whole
 * ward. Each (person, instrument) pair is a short backward walk of assessments_person_instrument (person, instrument,
 * date, recorded, voided, incomplete) that stops at the first live entry; only when that latest one is incomplete does
 * a second walk look for the last complete date. No per-person queries from the service and no scan of a person's whole
 * history. The bench holds the ward screen (150 people over 500,000 assessments) to p95 ≤ 10 ms.
 */
export const WARD_RESULTS_SQL = `
  WITH pairs AS (
    SELECT p.value AS personId, i.value AS instrumentId FROM json_each(@people) p, json_each(@instruments) i
  ), latest AS (
    SELECT personId, instrumentId,
           (SELECT c.rowid FROM assessments c INDEXED BY assessments_person_instrument
            WHERE c.person_id = personId AND c.instrument_id = instrumentId AND c.voided_at IS NULL
            ORDER BY c.administered_on DESC, c.recorded_at DESC LIMIT 1) AS latestRowid
    FROM pairs
  )
  SELECT l.personId,
         CASE WHEN a.incomplete_reason IS NULL THEN a.administered_on ELSE
           (SELECT d.administered_on FROM assessments d INDEXED BY assessments_person_instrument
            WHERE d.person_id = l.personId AND d.instrument_id = l.instrumentId AND d.voided_at IS NULL AND d.incomplete_reason IS NULL
            ORDER BY d.administered_on DESC LIMIT 1) END AS lastCompleteOn,
         a.id AS assessmentId, a.instrument_id AS instrumentId, a.administered_on AS "on",
         a.incomplete_reason IS NOT NULL AS incomplete, a.band_id AS bandId, a.band_severity AS severity,
         json_extract(a.result, '$.band.label') AS bandLabel, coalesce(json_array_length(a.result, '$.flags'), 0) > 0 AS flagged
  FROM latest l JOIN assessments a ON a.rowid = l.latestRowid
  ORDER BY l.personId, a.administered_on DESC, a.recorded_at DESC, a.rowid DESC`

export function wardAssessmentFacts(
  db: Db,
  personIds: readonly string[],
  instrumentIds: readonly string[],
  screeningInstruments: readonly string[],
): Map<string, WardAssessmentFacts> {
  type Row = Omit<WardResult, 'incomplete' | 'flagged' | 'bandLabel'> & { personId: string; lastCompleteOn: string | null; incomplete: 0 | 1; flagged: 0 | 1; bandLabel: string | null }
  const rows = db.prepare(WARD_RESULTS_SQL).all({ people: JSON.stringify(personIds), instruments: JSON.stringify(instrumentIds) }) as Row[]
  const screening = new Set(screeningInstruments)
  // A ward has hundreds of results but a handful of distinct band labels: each label's JSON is parsed once.
  const labels = new Map<string, Bilingual>()
  const label = (json: string) => labels.get(json) ?? labels.set(json, JSON.parse(json) as Bilingual).get(json)!
  const facts = new Map<string, WardAssessmentFacts>(personIds.map((id) => [id, { results: [], lastScreeningOn: null }]))
  for (const r of rows) {
    const f = facts.get(r.personId)
    if (!f) continue
    f.results.push({
      assessmentId: r.assessmentId,
      instrumentId: r.instrumentId,
      on: r.on,
      incomplete: r.incomplete === 1,
      bandId: r.bandId,
      bandLabel: r.bandLabel ? label(r.bandLabel) : null,
      severity: r.severity,
      flagged: r.flagged === 1,
    })
    if (screening.has(r.instrumentId) && r.lastCompleteOn && (!f.lastScreeningOn || r.lastCompleteOn > f.lastScreeningOn)) f.lastScreeningOn = r.lastCompleteOn
  }
  return facts
}
