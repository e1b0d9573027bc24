/**
 * Due-work summary (issue 14): one row per current file (a live person in a ward) holding what the due-work rules read
 * about the person — the person's own columns, and per source the few records the rules look at, as compact JSON —
 * so a ward's or the facility's due work is one indexed read of this table instead of a dozen queries over millions
 * of rows (the benchmark facility's 154 ms floor). Kept current by the triggers below: every insert, update (voids and
 * corrections included) and delete on a source recomputes that person's one column with an indexed subquery; a change
 * of the person's ward, period, term or void rebuilds the row, a file leaving the wards (release, void) drops it.
 * What depends on the day asked about stays out (tasks handled and planned talks done lately are read by date from
 * their own indexes; a measure's end is compared with the day when read). core/duework/dueworkSummaryQueries.ts reads
 * the JSON shapes written here, and keeps each row it has parsed until the row's stamp changes. Never edit once shipped: the names and shapes below are frozen.
 */

/** The person whose row a statement computes (`P`): an SQL expression. */
type P = string

/**
 * Each complete live screening instrument's first record and latest two: [id, instrument, on, recordedAt], in the
 * source index's order (date, recording time, instrument; then id). The configured instruments are chosen when read:
 * the first of the union is the least first, its latest two are among the instruments' latest two.
 */
const screenings = (p: P) => `(SELECT json_group_array(json_array(x.id, x.ins, x.d, x.rec) ORDER BY x.d, x.rec, x.ins, x.id) FROM (
    SELECT c.id, c.instrument_id AS ins, c.administered_on AS d, c.recorded_at AS rec,
      row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on, c.recorded_at, c.id) AS up,
      row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on DESC, c.recorded_at DESC, c.id DESC) AS down
    FROM assessments c INDEXED BY assessments_person_complete
    WHERE c.person_id = ${p} AND c.voided_at IS NULL AND c.incomplete_reason IS NULL) x WHERE x.up = 1 OR x.down <= 2)`

/** The first live fitness test and the latest two, in date order: [id, on] (one live test per person and date). */
const fitness = (p: P) => `(SELECT json_group_array(json_array(x.id, x.d) ORDER BY x.d) FROM (
    SELECT t.id, t.test_date AS d, row_number() OVER (ORDER BY t.test_date) AS up, row_number() OVER (ORDER BY t.test_date DESC) AS down
    FROM fitness_tests t INDEXED BY fitness_tests_person_date WHERE t.person_id = ${p} AND t.voided_at IS NULL) x WHERE x.up = 1 OR x.down <= 2)`

/** The date each period was last entered: {period: date}. */
const entries = (p: P) => `(SELECT json_group_object(x.period, x.d) FROM (
    SELECT m.to_period AS period, max(m.effective_date) AS d FROM period_moves m INDEXED BY period_moves_person_entry WHERE m.person_id = ${p} GROUP BY m.to_period) x)`

/** Live term events in term order: [kind, months, fromDate, toDate]. */
const terms = (p: P) => `(SELECT json_group_array(json_array(e.kind, e.months, e.from_date, e.to_date) ORDER BY coalesce(e.from_date, e.recorded_at), e.recorded_at)
    FROM term_events e INDEXED BY term_events_person WHERE e.person_id = ${p} AND e.voided_at IS NULL)`

/** Open tasks raised by an assessment flag: [id, createdAt]. */
const flagTasks = (p: P) => `(SELECT json_group_array(json_array(t.id, t.created_at) ORDER BY t.created_at, t.id)
    FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = ${p} AND t.status = 'open' AND t.assessment_id IS NOT NULL)`

/** Open tasks of any kind (the ward's day shows the count). */
const openTasks = (p: P) => `(SELECT count(*) FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = ${p} AND t.status = 'open')`

/** Open crises with their latest two events, newest first: [id, raisedOn, [[eventId, on], …]]. */
const crises = (p: P) => `(SELECT json_group_array(json_array(c.id, c.raised_on, json((
      SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
        SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
        ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
    FROM crises c INDEXED BY crises_person WHERE c.person_id = ${p} AND c.status = 'open')`

/** Final live diagnostic assessments (a draft satisfies no rule): [id, point, stagePeriod, on]. */
const diag = (p: P) => `(SELECT json_group_array(json_array(d.id, d.point, d.stage_period, d.assessed_on) ORDER BY d.point, d.assessed_on, d.stage_period, d.id)
    FROM diag_assessments d INDEXED BY diag_assessments_person_due WHERE d.person_id = ${p} AND d.voided_at IS NULL AND d.status = 'final')`

/** Open evidence requests: [id, assessmentId, requestedOn]. */
const evidence = (p: P) => `(SELECT json_group_array(json_array(r.id, r.assessment_id, r.requested_on) ORDER BY r.requested_on, r.id)
    FROM diag_evidence_requests r INDEXED BY diag_evidence_requests_open WHERE r.person_id = ${p} AND r.closed_at IS NULL)`

/** Planned talks and admission and release talks done: [id, kind, status, plannedOn, doneOn]. */
const talks = (p: P) => `(SELECT json_group_array(json_array(t.id, t.kind, t.status, t.planned_on, t.done_on) ORDER BY t.status, t.kind, t.planned_on, t.done_on, t.id)
    FROM ward_talks t INDEXED BY ward_talks_person_due
    WHERE t.person_id = ${p} AND t.voided_at IS NULL AND (t.status = 'planned' OR (t.status = 'done' AND t.kind IN ('admission', 'release'))))`

/** Live watch measures with a review date: [id, reviewOn, endOn] (whether one has ended is asked on the day read). */
const measures = (p: P) => `(SELECT json_group_array(json_array(m.id, m.review_on, m.end_on) ORDER BY m.start_on, m.id)
    FROM watch_measures m INDEXED BY watch_measures_person WHERE m.person_id = ${p} AND m.voided_at IS NULL AND m.review_on IS NOT NULL)`

const FACT_COLUMNS = { screenings, fitness, entries, terms, flag_tasks: flagTasks, open_tasks: openTasks, crises, diag, evidence, talks, measures }
type FactColumn = keyof typeof FACT_COLUMNS

const PERSON_COLUMNS = ['ward_id', 'name_pinyin', 'name', 'id_number', 'admission_date', 'period', 'period_since', 'last_day', 'decision_date', 'early_release_bar']

/** The row of each current file `where` selects (people aliased p), stamp aside, each column named as in the table. */
const rowSelect = (where: string) => `SELECT p.id AS person_id, ${PERSON_COLUMNS.map((c) => `p.${c} AS ${c}`).join(', ')},
    ${Object.entries(FACT_COLUMNS).map(([column, f]) => `${f('p.id')} AS ${column}`).join(',\n    ')}
  FROM people p WHERE ${where} AND p.ward_id IS NOT NULL AND p.voided_at IS NULL`

const fullRow = (where: string) => `INSERT OR REPLACE INTO due_summary (person_id, ${PERSON_COLUMNS.join(', ')}, ${Object.keys(FACT_COLUMNS).join(', ')}, stamp)
  SELECT *, random() FROM (${rowSelect(where)})`

/** Recomputes `columns` of the rows of `people` (a list of SQL expressions; rows of past files do not exist). */
const refresh = (columns: readonly FactColumn[], people: string) =>
  `UPDATE due_summary SET stamp = random(), ${columns.map((c) => `${c} = ${FACT_COLUMNS[c]('due_summary.person_id')}`).join(',\n    ')} WHERE person_id IN (${people});`

/**
 * Insert, update and delete triggers of a source whose rows name the person (`person` column of NEW/OLD); `changed`:
 * the columns whose change matters (an update touching none of them recomputes nothing).
 */
function sourceTriggers(table: string, columns: readonly FactColumn[], changed: readonly string[], person = (row: 'NEW' | 'OLD') => `${row}.person_id`): string {
  const when = changed.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')
  return `
CREATE TRIGGER due_summary_${table}_insert AFTER INSERT ON ${table} BEGIN
  ${refresh(columns, person('NEW'))}
END;
CREATE TRIGGER due_summary_${table}_update AFTER UPDATE ON ${table} WHEN ${when} BEGIN
  ${refresh(columns, `${person('NEW')}, ${person('OLD')}`)}
END;
CREATE TRIGGER due_summary_${table}_delete AFTER DELETE ON ${table} BEGIN
  ${refresh(columns, person('OLD'))}
END;`
}

const crisisPerson = (row: 'NEW' | 'OLD') => `(SELECT person_id FROM crises WHERE id = ${row}.crisis_id)`

export const sql = /* sql */ `
CREATE TABLE due_summary (
  person_id TEXT PRIMARY KEY,
  -- A new random number on every change of the row: readers keep rows they have parsed until it changes.
  stamp INTEGER NOT NULL,
  ward_id TEXT NOT NULL,
  name_pinyin TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL,
  admission_date TEXT NOT NULL,
  period TEXT,
  period_since TEXT,
  last_day TEXT,
  decision_date TEXT NOT NULL,
  early_release_bar TEXT,
  screenings TEXT NOT NULL,
  fitness TEXT NOT NULL,
  entries TEXT NOT NULL,
  terms TEXT NOT NULL,
  flag_tasks TEXT NOT NULL,
  open_tasks INTEGER NOT NULL,
  crises TEXT NOT NULL,
  diag TEXT NOT NULL,
  evidence TEXT NOT NULL,
  talks TEXT NOT NULL,
  measures TEXT NOT NULL
) STRICT;
-- A ward's rows in roster order (name, then id) with their stamps, from the index alone.
CREATE INDEX due_summary_ward ON due_summary (ward_id, name_pinyin, person_id, stamp);
-- What the day's screens add to the summary: flag tasks handled lately and talks done from a plan lately, by date.
CREATE INDEX psych_tasks_flag_handled ON psych_tasks (handled_at, person_id) WHERE assessment_id IS NOT NULL AND status IN ('done', 'dismissed');
CREATE INDEX ward_talks_done_from_plan ON ward_talks (done_on, person_id) WHERE voided_at IS NULL AND status = 'done' AND planned_on IS NOT NULL;

${fullRow('1')};

-- A file entering the wards gets its row; leaving them (release, void) drops it; a change the rules read rebuilds it.
CREATE TRIGGER due_summary_people_insert AFTER INSERT ON people WHEN NEW.ward_id IS NOT NULL AND NEW.voided_at IS NULL BEGIN
  ${fullRow('p.id = NEW.id')};
END;
CREATE TRIGGER due_summary_people_update AFTER UPDATE ON people
  WHEN ${['ward_id', 'voided_at', ...PERSON_COLUMNS.slice(1)].map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}
BEGIN
  DELETE FROM due_summary WHERE person_id = OLD.id AND (NEW.ward_id IS NULL OR NEW.voided_at IS NOT NULL);
  ${fullRow('p.id = NEW.id')};
END;
CREATE TRIGGER due_summary_people_delete AFTER DELETE ON people BEGIN
  DELETE FROM due_summary WHERE person_id = OLD.id;
END;
${sourceTriggers('assessments', ['screenings'], ['person_id', 'instrument_id', 'administered_on', 'recorded_at', 'voided_at', 'incomplete_reason'])}
${sourceTriggers('fitness_tests', ['fitness'], ['person_id', 'test_date', 'voided_at'])}
${sourceTriggers('period_moves', ['entries'], ['person_id', 'to_period', 'effective_date'])}
${sourceTriggers('term_events', ['terms'], ['person_id', 'kind', 'months', 'from_date', 'to_date', 'recorded_at', 'voided_at'])}
${sourceTriggers('psych_tasks', ['flag_tasks', 'open_tasks'], ['person_id', 'status', 'assessment_id', 'created_at'])}
${sourceTriggers('crises', ['crises'], ['person_id', 'status', 'raised_on'])}
${sourceTriggers('crisis_events', ['crises'], ['crisis_id', 'event_on', 'recorded_at'], crisisPerson)}
${sourceTriggers('diag_assessments', ['diag'], ['person_id', 'point', 'stage_period', 'assessed_on', 'status', 'voided_at'])}
${sourceTriggers('diag_evidence_requests', ['evidence'], ['person_id', 'assessment_id', 'requested_on', 'closed_at'])}
${sourceTriggers('ward_talks', ['talks'], ['person_id', 'kind', 'status', 'planned_on', 'done_on', 'voided_at'])}
${sourceTriggers('watch_measures', ['measures'], ['person_id', 'review_on', 'end_on', 'start_on', 'voided_at'])}
`

/** The summary row each current file should have, computed afresh from the sources (tests compare it with the table). */
export const freshSummarySql = `${rowSelect('1')} ORDER BY p.id`
