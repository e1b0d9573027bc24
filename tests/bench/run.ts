/**
 * `npm run bench`: the core's hot paths on the benchmark facility (tests/bench/facility.ts: 20 wards of 150 residents,
 * 50,000 past files, 500,000 assessments), one table of p50/p95 against the targets and the ratio to each floor.
 * `npm run -s bench -- --json` prints only the rows as one JSON array on stdout; progress goes to stderr.
 * Options: --seed N (or BENCH_SEED; default 7), --runs N (timed runs per operation, default 300), --only op,op.
 * Not part of `npm test`. Exit code 0 even when targets are missed: it is a report.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { FACILITY_TIME_ZONE } from '../../electron/core/context'
import { createDispatcher } from '../../electron/core/dispatch'
import { openDatabase } from '../../electron/core/db/open'
import { todayIn } from '../../electron/shared/domain/dates'
import { importRows } from '../unit/importRows'
import { ensureBenchFacility } from './facility'
import { certificateImportTimes } from './certificates'
import { fitnessImportTimes } from './fitnessImport'
import { fitnessOps } from './fitness'
import { coursesOps } from './courses'
import { checkFacility, personOp, rosterOp, searchOp, wardIdsInOrder, wardsListOp, type BenchContext } from './ops'
import { scoringLine, wardScreenOp } from './psych'
import { Bench } from './table'
import { vocationalStatsOps } from './vocationalStats'
import { dueworkOps } from './duework'
import { aftercareOps } from './aftercare'
import { statsOps } from './stats'

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  return at === -1 ? undefined : process.argv[at + 1]
}
function wholeNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, got ${raw}`)
  return value
}

const json = process.argv.includes('--json')
const seed = wholeNumber('seed', option('seed') ?? process.env.BENCH_SEED, 7)
const runs = wholeNumber('runs', option('runs'), 300)
const only = option('only') ? new Set(option('only')!.split(',')) : undefined
const log = (line: string) => process.stderr.write(`${line}\n`)

const facility = ensureBenchFacility({ seed })
// Work on a copy: people:get is an audited read and writes audit rows; the cached file stays as generated.
const dir = mkdtempSync(join(tmpdir(), 'xinsheng-bench-'))
const file = join(dir, 'bench.db')
copyFileSync(facility.path, file)
const db = openDatabase(file)
try {
  const dispatch = createDispatcher({ db })
  const login = dispatch('auth:login', { username: 'admin', password: 'Admin#2026' }, null)
  if (!login.ok) throw new Error(`admin sign-in failed: ${login.error.message}`)
  const session = (login.value as { sessionId: string }).sessionId
  const c: BenchContext = {
    db,
    today: todayIn(FACILITY_TIME_ZONE),
    call: <T>(method: string, input: unknown): T => {
      const r = dispatch(method, input, session)
      if (!r.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${r.error.message}`)
      return r.value as T
    },
  }
  checkFacility(c)
  const wardIds = wardIdsInOrder(db)
  const bench = new Bench({ runs, log, only })
  log(`timing (${runs} runs per operation; the machine may be shared, so figures are noisy)…`)
  wardsListOp(bench, c)
  rosterOp(bench, c, wardIds)
  searchOp(bench, c)
  personOp(bench, c)
  wardScreenOp(bench, c, wardIds)
  fitnessOps(bench, c, wardIds)
  coursesOps(bench, c, runs)
  vocationalStatsOps(bench, c)
  dueworkOps(bench, c, wardIds)
  aftercareOps(bench, c)
  statsOps(bench, c)

  // Onboarding: 1,000 sheet rows validated against the whole facility (target ≤ 1 s with the parse).
  if (!only || only.has('import:preview1000')) {
    const wardNames = c.call<Array<{ name: string }>>('wards:list', {}).map((w) => w.name)
    const input = { fileName: 'bench.xlsx', rows: importRows(1000, wardNames) }
    c.call('people:importPreview', input)
    const times = Array.from({ length: 10 }, () => {
      const t0 = performance.now()
      c.call('people:importPreview', input)
      return performance.now() - t0
    })
    bench.add('import:preview1000', times, null, 1000, null)
  }
  // Fitness: a 1,000-row workbook parsed, matched, checked and dry-run on the server (target ≤ 1 s).
  if (!only || only.has('fitness:import1000')) bench.add('fitness:import1000', await fitnessImportTimes(c), null, 1000, null)
  // Certificates issued elsewhere: a 1,000-row workbook parsed and checked on the server (target ≤ 1 s).
  if (!only || only.has('certificates:import1000')) bench.add('certificates:import1000', await certificateImportTimes(c), null, 1000, null)
  const scoring = scoringLine()

  if (json) {
    process.stdout.write(`${bench.json()}\n`)
    log(scoring)
    log(bench.summary())
  } else {
    const people = (db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n
    const assessments = (db.prepare('SELECT count(*) AS n FROM assessments').get() as { n: number }).n
    const measurements = (db.prepare('SELECT count(*) AS n FROM fitness_measurements').get() as { n: number }).n
    console.log(`\nbenchmark facility seed ${seed}: ${people} people, ${assessments} assessments, ${measurements} fitness measurements (${(facility.bytes / 1024 / 1024).toFixed(0)} MB)`)
    console.log(bench.table())
    console.log(scoring)
    console.log(`\n${bench.summary()}`)
  }
} finally {
  db.close()
  rmSync(dir, { recursive: true, force: true })
}
