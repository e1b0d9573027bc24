/**
 * `npm run bench`: prints figures for the paths that must stay fast with thousands of files. Not part of `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createDispatcher } from '../../electron/core/dispatch'
import { openDatabase } from '../../electron/core/db/open'
import { generateDemo } from '../../electron/core/demo/generate'
import { systemClock } from '../../electron/core/context'
import { benchScoring, benchWardScreen } from './psych'
import { importRows } from '../unit/importRows'

function measure(label: string, runs: number, fn: () => unknown) {
  fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]!
  const p95 = times[Math.floor(times.length * 0.95)]!
  console.log(`${label.padEnd(52)} median ${median.toFixed(2)} ms   p95 ${p95.toFixed(2)} ms   (${runs} runs)`)
}

const people = Number(process.env.BENCH_PEOPLE ?? 4950)
const assessments = Number(process.env.BENCH_ASSESSMENTS ?? 500_000)
const dir = mkdtempSync(join(tmpdir(), 'xinsheng-bench-'))
const db = openDatabase(join(dir, 'bench.db'))
const t0 = performance.now()
db.transaction(() => generateDemo(db, { people, seed: 7, clock: systemClock, wardSize: 150, psychology: false }))()
console.log(`demo facility with ${people} people generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

const dispatch = createDispatcher({ db })
const login = dispatch('auth:login', { username: 'admin', password: 'Admin#2026' }, null)
if (!login.ok) throw new Error('login failed')
const session = (login.value as { sessionId: string }).sessionId
const wards = dispatch('wards:list', {}, session)
if (!wards.ok) throw new Error('wards:list failed')
const wardId = (wards.value as Array<{ id: string }>)[0]!.id
const anyPerson = dispatch('people:list', { limit: 1 }, session)
const personId = anyPerson.ok ? (anyPerson.value as { rows: Array<{ id: string }> }).rows[0]!.id : ''

measure('wards:list (occupancy per period)', 50, () => dispatch('wards:list', {}, session))
measure('people:list ward roster, sort by days to last day', 50, () => dispatch('people:list', { wardId, sort: 'daysToLastDay', limit: 50 }, session))
measure('people:list all people, page 20 of 50', 50, () => dispatch('people:list', { offset: 950, limit: 50 }, session))
measure('people:search "zs" (pinyin initials)', 50, () => dispatch('people:search', { q: 'zs' }, session))
measure('people:search "zhang" (full pinyin)', 50, () => dispatch('people:search', { q: 'zhang' }, session))
measure('people:search ID digits "1985"', 50, () => dispatch('people:search', { q: '1985' }, session))
measure('people:get (file with term, history; audited read)', 50, () => dispatch('people:get', { id: personId }, session))
// Onboarding: 1,000 sheet rows validated against the 4,950-file database (target ≤ 1 s with the parse). Ward names from the demo.
const wardNames = (wards.value as Array<{ name: string }>).map((w) => w.name)
const importInput = { fileName: 'bench.xlsx', rows: importRows(1000, wardNames) }
measure('import:preview1000 (people:importPreview, 1,000 rows)', 10, () => dispatch('people:importPreview', importInput, session))

benchScoring()
benchWardScreen(db, dispatch, session, assessments, measure)

db.close()
rmSync(dir, { recursive: true, force: true })
