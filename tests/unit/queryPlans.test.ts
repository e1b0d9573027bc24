/**
 * Query-plan guard for the hot paths (issue 9). Each entry of HOT_CALLS is one dispatcher call; the test records every
 * statement the call prepares, with its parameters, and asks SQLite (EXPLAIN QUERY PLAN) how it runs each one on a
 * migrated database. No statement may read a big table row by row:
 *   - a bare `SCAN <big table>` fails;
 *   - `SCAN <big table> USING … INDEX` passes only when the index gives the order and a LIMIT stops the walk (no temp
 *     B-tree for the ORDER BY), or when it is a count read from the index alone (COVERING), never from the table.
 * A table is big unless it is listed in SMALL_TABLES, so tables that later capabilities add (fitness measurements,
 * attendance…) are guarded from their first hot query. Adding a hot query is one line in HOT_CALLS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemo } from '../../electron/core/demo/generate'
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { registerOn } from '../../electron/core/courses/sessionQueries'
import { ROSTER_SORTS, STAYS, type Input, type MethodName } from '../../electron/shared/contract'
import { fixedClock, ok } from './helpers'

/** Tables whose size does not grow with the files: a scan of them is harmless. */
const SMALL_TABLES = new Set(['wards', 'staff', 'settings', 'config_versions', 'instrument_texts', 'search_positions'])

interface World {
  wardId: string
  currentId: string
  pastId: string
}

/** A call and who makes it: the administrator, or the demo's ward officer (lists cut to his ward, 包队责任制). */
type HotCall = [label: string, call: (w: World) => { [M in MethodName]: [M, Input<M>] }[MethodName], as?: 'officer']

const DIRS = ['asc', 'desc'] as const

const HOT_CALLS: HotCall[] = [
  ['wards:list', () => ['wards:list', {}]],
  // One ward's roster page, every sort both ways, each filter, and a later page (its total is counted).
  ...ROSTER_SORTS.flatMap((sort) => DIRS.map((dir): HotCall => [`roster by ${sort} ${dir}`, (w) => ['people:list', { wardId: w.wardId, sort, dir, offset: 50, limit: 50 }]])),
  ['roster, one period', (w) => ['people:list', { wardId: w.wardId, period: 'education', offset: 50 }]],
  ['roster, one sex', (w) => ['people:list', { wardId: w.wardId, sex: 'F', offset: 50 }]],
  ['roster, name fragment', (w) => ['people:list', { wardId: w.wardId, q: '张', offset: 50 }]],
  ['roster, initials', (w) => ['people:list', { wardId: w.wardId, q: 'zs', sort: 'daysToLastDay', offset: 50 }]],
  ['ward roster for print', (w) => ['people:roster', { wardId: w.wardId }]],
  // The all-people list over 53,000 files: a deep page in the orders an index gives, and its total.
  ...STAYS.flatMap((stay) =>
    ROSTER_SORTS.flatMap((sort) =>
      DIRS.map((dir): HotCall => [`all people (${stay}) by ${sort} ${dir}`, () => ['people:list', { stay, sort, dir, offset: 500, limit: 100 }]]),
    ),
  ),
  ['all people, name fragment', () => ['people:list', { q: '张伟', stay: 'all', offset: 100 }]],
  ...['张', '张伟', '伟', 'zs', 'zhang', 'z', '1985', '0512', '110101199003070011'].map((q): HotCall => [`search "${q}"`, () => ['people:search', { q, limit: 10 }]]),
  ['person file', (w) => ['people:get', { id: w.currentId }]],
  ['past person file', (w) => ['people:get', { id: w.pastId }]],
  ['person history', (w) => ['people:history', { id: w.currentId }]],
  ['psych ward screen', (w) => ['psych:wardScreen', { wardId: w.wardId }]],
  ['psych person assessments', (w) => ['psych:personAssessments', { personId: w.currentId }]],
  ['psych open tasks of a ward', (w) => ['psych:tasks', { wardId: w.wardId, status: 'open' }]],
  ['psych open crises', () => ['psych:crises', { status: 'open' }]],
  ['audit log, newest page', () => ['audit:list', {}]],
  ['audit log of one file', (w) => ['audit:list', { personId: w.currentId }]],
  ['audit log by method and dates', () => ['audit:list', { method: 'people:get', from: '2026-01-01', to: '2026-11-23' }]],
  ['audit trail on a person file', (w) => ['people:auditTrail', { id: w.currentId }]],
  ['audit daily summary', () => ['audit:dailySummary', { date: '2026-11-23' }]],
  // Exercise training (运动戒毒): a ward's groups, its sessions by date (all groups, one group), a person's record.
  ['training groups of a ward', (w) => ['training:groups', { wardId: w.wardId, includeInactive: true }]],
  ['training sessions of a ward', (w) => ['training:sessions', { wardId: w.wardId, from: '2026-01-01', to: '2026-11-23', offset: 50 }]],
  ['training sessions of a group', (w) => ['training:sessions', { wardId: w.wardId, groupId: '00000000-0000-4000-8000-000000000000', from: '2026-01-01', to: '2026-11-23' }]],
  ['training record of a person', (w) => ['training:person', { personId: w.currentId }]],
  // A ward officer's lists without a ward named: his wards only.
  ...ROSTER_SORTS.map((sort): HotCall => [`officer: his people by ${sort}`, () => ['people:list', { sort, offset: 20, limit: 20 }], 'officer']),
  ['officer: his people, name fragment', () => ['people:list', { q: '张' }], 'officer'],
  ['officer: search', () => ['people:search', { q: 'zs', limit: 10 }], 'officer'],
  ['officer: open crises', () => ['psych:crises', { status: 'open' }], 'officer'],
  ['officer: open tasks', () => ['psych:tasks', { status: 'open' }], 'officer'],
  ['fitness test day of a ward', (w) => ['fitness:testDay', { wardId: w.wardId, date: '2026-11-23' }]],
  ['fitness test day check', (w) => ['fitness:checkTestDay', { wardId: w.wardId, date: '2026-11-23', rows: [{ personId: w.currentId, measurements: { grip_kg: 40 } }] }]],
  ['fitness person history', (w) => ['fitness:personHistory', { personId: w.currentId }]],
  ['fitness past person history', (w) => ['fitness:personHistory', { personId: w.pastId }]],
  ['fitness ward summary', (w) => ['fitness:wardSummary', { wardId: w.wardId }]],
  ['fitness contraindications', (w) => ['fitness:contraindications', { personId: w.currentId }]],
  // Courses (issue 12): a course's roster, register, exams; saving a register; a person's courses and timetable.
  ['course roster', () => ['courses:roster', { courseId: demoCourse('vocational') }]],
  ['course roster, officer', () => ['courses:roster', { courseId: demoCourse('vocational') }], 'officer'],
  ['course register of a day', () => ['courses:register', { courseId: demoCourse('running'), date: '2026-11-23', hours: 2 }]],
  ['course register saved', () => ['courses:recordSession', { courseId: demoCourse('running'), date: '2026-11-23', startTime: '21:00', hours: 1, topic: '查询计划', attendance: registerOn(db, demoCourse('running'), '2026-11-23').map((p) => ({ personId: p.personId, status: 'present' as const })) }]],
  ['course exams', () => ['courses:exams', { courseId: demoCourse('vocational') }]],
  ['course list, current', () => ['courses:list', { kind: 'vocational', status: 'current' }]],
  ['course sessions', () => ['courses:sessions', { courseId: demoCourse('vocational') }]],
  ['person courses', (w) => ['courses:personSummary', { personId: demoCourse('person') ?? w.currentId }]],
  ['person timetable', (w) => ['courses:personTimetable', { personId: demoCourse('person') ?? w.currentId, from: '2026-08-23', to: '2026-11-23' }]],
  // Certificate roster (证书花名册): each filter shape, a deep page, public mode, a ward officer's; a person's certificates.
  ['certificate roster, all', () => ['certificates:roster', { offset: 500, limit: 100 }]],
  ['certificate roster, one course', () => ['certificates:roster', { courseId: demoCourse('vocational') }]],
  ['certificate roster, issue period', () => ['certificates:roster', { issuedFrom: '2025-01-01', issuedTo: '2025-12-31', privacy: 'public' }]],
  ['certificate roster, occupation', () => ['certificates:roster', { occupation: '电工' }]],
  ['certificate roster, level', () => ['certificates:roster', { level: 5 }]],
  ['certificate roster, evaluation body', () => ['certificates:roster', { evaluationBody: '某市职业技能鉴定中心' }]],
  ['certificate roster, course and level and period', () => ['certificates:roster', { courseId: '00000000-0000-4000-8000-000000000000', level: 4, issuedFrom: '2025-01-01' }]],
  ['officer: certificate roster', () => ['certificates:roster', { limit: 1000 }], 'officer'],
  ['certificates of a person', (w) => ['certificates:person', { personId: w.currentId }]],
  ['academic records of a person', (w) => ['academic:person', { personId: w.currentId }]],
  // Knowledge tests: a person's sittings (what diagnostic assessment reads), the sittings list (all, one paper, an officer's).
  ['knowledge sittings of a person', (w) => ['knowledge:person', { personId: w.currentId }]],
  ['knowledge sittings, a later page', () => ['knowledge:sittings', { offset: 50 }]],
  ['knowledge sittings of a paper', () => ['knowledge:sittings', { paperId: '00000000-0000-4000-8000-000000000000' }]],
  ['officer: knowledge sittings', () => ['knowledge:sittings', {}], 'officer'],
  // Training statistics (issue 12): the figures for all years by course, trade and year; a course's and the total's
  // drill-down; the headline figures of a year and their lists; employment events, a person's referrals, agreements
  // awaiting an outcome (also as the ward officer: his wards listed, the rest counted).
  ['stats figures by course, all years', () => ['vocationalStats:figures', { groupBy: 'course', kind: 'vocational' }]],
  ['stats figures by trade, all years', () => ['vocationalStats:figures', { groupBy: 'trade', kind: 'vocational' }]],
  ['stats figures by year, a range', () => ['vocationalStats:figures', { groupBy: 'year', kind: 'education', fromYear: 2024, toYear: 2026 }]],
  ['stats people of a course', () => ['vocationalStats:people', { figure: 'passed', group: 'course', courseId: '00000000-0000-4000-8000-000000000000', kind: 'vocational' }]],
  ['stats people of a trade', () => ['vocationalStats:people', { figure: 'certified', group: 'trade', tradeId: '00000000-0000-4000-8000-000000000000', kind: 'vocational' }]],
  ['stats people of the total', () => ['vocationalStats:people', { figure: 'enrolled', group: 'total', kind: 'vocational', offset: 50 }]],
  ['stats headline of a year', () => ['vocationalStats:headline', { from: '2026-01-01', to: '2026-11-23' }]],
  ...(['certified', 'sat', 'passed', 'agreements', 'referrals', 'jobTaken'] as const).map((figure): HotCall => [`stats people of the year: ${figure}`, () => ['vocationalStats:people', { figure, group: 'period', from: '2026-01-01', to: '2026-11-23' }]]),
  ['officer: stats people of the total', () => ['vocationalStats:people', { figure: 'enrolled', group: 'total', kind: 'vocational' }], 'officer'],
  ['employment events of a year', () => ['employment:events', { year: 2026 }]],
  ['employment events, all', () => ['employment:events', { offset: 20 }]],
  ['employment referrals of a person', (w) => ['employment:person', { personId: w.currentId }]],
  ['employment agreements awaiting an outcome', () => ['employment:awaitingOutcome', {}]],
  ['officer: agreements awaiting an outcome', () => ['employment:awaitingOutcome', {}], 'officer'],
  // Diagnostic assessment: a person's tab (assessments, proposals, open evidence requests), the facility list newest first,
  // per point, per status, per ward, a deep page, and the officer's list cut to his ward.
  ['diag assessments of a person', (w) => ['assessment:person', { personId: w.currentId }]],
  ['diag assessment list, newest', () => ['assessment:list', { offset: 50 }]],
  ['diag assessment list, one point', () => ['assessment:list', { point: 'one_year', offset: 50 }]],
  ['diag assessment list, drafts', () => ['assessment:list', { status: 'draft' }]],
  ['diag assessment list, one ward', (w) => ['assessment:list', { wardId: w.wardId }]],
  ['officer: diag assessment list', () => ['assessment:list', {}], 'officer'],
  // Ward records (issue 13): the ward's day (its lists and counts), the daily log, a month of the ward's records, a person's ledger and records.
  ['wardwork ward day', (w) => ['wardwork:wardDay', { wardId: w.wardId, date: '2026-11-20' }]],
  ['wardwork daily log', (w) => ['wardwork:log', { wardId: w.wardId, date: '2026-11-20' }]],
  ['wardwork ward records of a month', (w) => ['wardwork:wardRecords', { wardId: w.wardId, from: '2026-10-24', to: '2026-11-23' }]],
  ['wardwork records of a person', (w) => ['wardwork:person', { personId: w.currentId }]],
  // Due work: every fact query runs once per call over the ward's (or the facility's) people.
  ['due work of a ward', (w) => ['duework:ward', { wardId: w.wardId }]],
  ['due work of the facility', () => ['duework:facility', {}]],
  ['due work of a person', (w) => ['duework:person', { personId: w.currentId }]],
  ['due work drill-down', () => ['duework:people', { centre: 'psych', status: 'overdue' }]],
  ['officer: due work drill-down', () => ['duework:people', { status: 'due' }], 'officer'],
  // Release (issue 14): 出所管理's planned and recent releases (50,000 on the benchmark), by month, kind and ward, a deep page, the officer's; a person's release.
  ['releases planned, and terms ending unplanned', () => ['release:list', { view: 'upcoming' }]],
  ['releases planned of a ward', (w) => ['release:list', { view: 'upcoming', wardId: w.wardId }]],
  ['releases recent, a deep page', () => ['release:list', { view: 'recent', offset: 500 }]],
  ['releases recent of a month and kind', () => ['release:list', { view: 'recent', month: '2026-10', kind: 'on_time' }]],
  ['releases recent of a ward', (w) => ['release:list', { view: 'recent', wardId: w.wardId, offset: 50 }]],
  ['officer: releases planned', () => ['release:list', { view: 'upcoming' }], 'officer'],
  ['release of a person', (w) => ['release:get', { personId: w.pastId }]],
  ['aftercare due follow-ups', () => ['aftercare:due', {}]],
  ['officer: aftercare due follow-ups', () => ['aftercare:due', {}], 'officer'],
  ['aftercare cohorts by quarter', () => ['aftercare:cohorts', { by: 'quarter', from: '2023-01-01', to: '2026-11-23' }]],
  ['aftercare cohorts as of an earlier day', () => ['aftercare:cohorts', { by: 'year', from: '2023-01-01', to: '2026-11-23', asOf: '2025-06-30' }]],
  ['aftercare cohort people', () => ['aftercare:cohortPeople', { from: '2023-01-01', to: '2026-11-23', outcome: 'abstinent' }]],
  ['aftercare of a released person', () => ['aftercare:person', { personId: releasedPerson() }]],
]

/** A person of the demo's released people (aftercare's demo rows). */
function releasedPerson(): string {
  return db.prepare("SELECT person_id FROM releases WHERE status = 'released' AND voided_at IS NULL ORDER BY release_date DESC LIMIT 1").pluck().get() as string
}

/** The demo's busiest finished vocational course, its busiest running course, and a person on the most courses. */
function demoCourse(which: 'vocational' | 'running' | 'person'): string {
  const sql = {
    vocational: "SELECT e.course_id FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE c.kind = 'vocational' AND c.end_date < '2026-11-23' GROUP BY e.course_id ORDER BY count(*) DESC LIMIT 1",
    running: "SELECT e.course_id FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE c.start_date <= '2026-11-23' AND c.end_date >= '2026-11-23' AND e.status = 'enrolled' GROUP BY e.course_id ORDER BY count(*) DESC LIMIT 1",
    person: 'SELECT person_id FROM enrolments GROUP BY person_id ORDER BY count(*) DESC LIMIT 1',
  }[which]
  return db.prepare(sql).pluck().get() as string
}

interface Recorded {
  sql: string
  args: unknown[]
}

/** Wraps db.prepare so each statement run is recorded with its arguments. */
function recordStatements(db: Db): { take: () => Recorded[] } {
  let recorded: Recorded[] = []
  const prepare = db.prepare.bind(db)
  db.prepare = ((sql: string) => {
    const statement = prepare(sql)
    return new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown
        if (typeof value !== 'function') return value
        if (prop === 'all' || prop === 'get' || prop === 'run' || prop === 'iterate') {
          return (...args: unknown[]) => {
            recorded.push({ sql, args })
            return (value as (...a: unknown[]) => unknown).apply(target, args)
          }
        }
        return (value as (...a: unknown[]) => unknown).bind(target)
      },
    })
  }) as Db['prepare']
  return {
    take() {
      const out = recorded
      recorded = []
      return out
    },
  }
}

/** Table behind each name a plan line can show (aliases from FROM/JOIN). */
function aliasesOf(sql: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    const table = m[1]!
    map.set(table, table)
    const alias = m[2]
    if (alias && !/^(WHERE|JOIN|LEFT|INNER|ON|ORDER|GROUP|LIMIT|USING|CROSS|UNION|AND)$/i.test(alias)) map.set(alias, table)
  }
  return map
}

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 160)

/** Why a statement reads a big table row by row, or null when its plan is fine. */
function planProblem(db: Db, { sql, args }: Recorded, bigTables: Set<string>): string | null {
  if (!/^\s*(SELECT|WITH|UPDATE|DELETE)\b/i.test(sql)) return null
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as [])) as Array<{ id: number; parent: number; detail: string }>
  const details = plan.map((r) => r.detail)
  const aliases = aliasesOf(sql)
  const isCount = /^\s*SELECT\s+count\(\*\)/i.test(sql)
  for (const { parent, detail } of plan) {
    const scan = /^SCAN (\w+)(?: USING (COVERING )?INDEX (\w+))?/.exec(detail)
    if (!scan) continue
    // A sort at the scan's own level means the scan does not give the order: it reads everything, then sorts.
    const sortsForOrder = plan.some((r) => r.parent === parent && /USE TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF )?ORDER BY/.test(r.detail))
    const table = aliases.get(scan[1]!) ?? scan[1]!
    if (!bigTables.has(table)) continue
    const [, , covering, index] = scan
    const orderedWalk = /\bLIMIT\b/i.test(sql) && !sortsForOrder
    if (!index && !orderedWalk) return `full scan of ${table}: ${details.join(' | ')} — ${oneLine(sql)}`
    const indexOnlyCount = isCount && covering !== undefined
    if (index && !orderedWalk && !indexOnlyCount) return `reads all of ${table} through ${index}: ${details.join(' | ')} — ${oneLine(sql)}`
  }
  return null
}

let db: Db
let dispatch: Dispatch
let session: string
let officerSession: string
let world: World
let recorder: { take: () => Recorded[] }
let bigTables: Set<string>

beforeAll(() => {
  db = openDatabase(':memory:')
  db.transaction(() => generateDemo(db, { people: 40, seed: 3, clock: fixedClock, wardSize: 20 }))()
  // Past files, as they are kept after release: no current ward.
  const [past] = db.prepare('SELECT id FROM people ORDER BY id LIMIT 5').all() as Array<{ id: string }>
  db.prepare('UPDATE people SET ward_id = NULL WHERE id IN (SELECT id FROM people ORDER BY id LIMIT 5)').run()
  dispatch = createDispatcher({ db, clock: fixedClock })
  const signIn = (username: string, password: string) =>
    ok(dispatch('auth:login', { username, password }, null) as never as { ok: true; value: { sessionId: string } }).sessionId
  session = signIn('admin', 'Admin#2026')
  officerSession = signIn('minjing', 'Minjing#2026')
  const wardId = (db.prepare('SELECT ward_id AS id FROM people WHERE ward_id IS NOT NULL LIMIT 1').get() as { id: string }).id
  const currentId = (db.prepare('SELECT id FROM people WHERE ward_id = ? LIMIT 1').get(wardId) as { id: string }).id
  world = { wardId, currentId, pastId: past!.id }
  bigTables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>)
      .map((r) => r.name)
      .filter((name) => !SMALL_TABLES.has(name)),
  )
  recorder = recordStatements(db)
})
afterAll(() => db.close())

describe('hot queries read the big tables through indexes', () => {
  it.each(HOT_CALLS)('%s', (_label, makeCall, as) => {
    const [method, input] = makeCall(world)
    recorder.take()
    const result = dispatch(method, input, as === 'officer' ? officerSession : session)
    expect(result.ok, JSON.stringify(result)).toBe(true)
    const statements = recorder.take()
    expect(statements.length).toBeGreaterThan(0)
    const problems = statements.map((s) => planProblem(db, s, bigTables)).filter((p): p is string => p !== null)
    expect(problems).toEqual([])
  })
})

describe('the guard itself', () => {
  it.each([
    ['a filter on an unindexed column', "SELECT id FROM people WHERE household_address = 'x'", 'full scan of people'],
    ['an optional-parameter filter', 'SELECT id FROM people p WHERE (@w IS NULL OR p.ward_id = @w)', 'full scan of people'],
    ['a fragment LIKE', "SELECT id FROM people p WHERE p.name LIKE '%伟%'", 'full scan of people'],
    ['a page sorted outside any index', 'SELECT id FROM people p WHERE p.voided_at IS NULL ORDER BY p.ethnicity LIMIT 10', ''],
    ['a count that reads the table', "SELECT count(*) FROM people WHERE sex = 'M'", 'full scan of people'],
  ])('fails %s', (_name, sql, message) => {
    const args = sql.includes('@w') ? [{ w: null }] : []
    const problem = planProblem(db, { sql, args }, bigTables)
    expect(problem).not.toBeNull()
    expect(problem).toContain(message)
  })

  it('passes an indexed page and an index-only count', () => {
    expect(planProblem(db, { sql: 'SELECT id FROM people p WHERE p.ward_id = ? AND p.voided_at IS NULL', args: ['w'] }, bigTables)).toBeNull()
    expect(planProblem(db, { sql: 'SELECT count(*) FROM people p WHERE p.voided_at IS NULL', args: [] }, bigTables)).toBeNull()
  })
})
