/**
 * The benchmark facility (issue 9): 20 wards of 150 residents, 50,000 files of people released in earlier years,
 * 500,000 psychological assessments and 1,000,000 raw fitness measurements (issue 11), in a migrated SQLite file
 * generated once per seed and reused. Later capabilities add their rows here (and bump GENERATOR_VERSION).
 *
 * The cache lives in node_modules/.cache/xinsheng-bench/, one file per seed, generator version, schema version (with a
 * hash of the migrations' text) and anchor day (the "today" the stays are laid out from). A file is reused for 30 days
 * after its anchor: residents' dates are relative to it, and a month's drift changes nothing that matters to timing.
 * The file is written under a temporary name and renamed when complete, so an interrupted run leaves no half cache.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { wardNameFor } from '../../electron/shared/domain/chineseNumerals'
import { daysBetween, todayIn } from '../../electron/shared/domain/dates'
import { createStaff } from '../../electron/core/auth/staffService'
import { FACILITY_TIME_ZONE } from '../../electron/core/context'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { DEMO_ACCOUNTS, demoAccountWards } from '../../electron/core/demo/generate'
import { initializeFacility } from '../../electron/core/facility/facilityService'
import { insertWardRow } from '../../electron/core/wards/wardsRepo'
import { PeopleWriter, type Stay } from './generate/people'
import { writeFitness } from './generate/fitness'
import { writePsychology } from './generate/psych'
import { writeVocational } from './generate/vocational'
import { writeWardRecords } from './generate/wardwork'
import { seededRandom } from './generate/random'
import { writeAssessments } from './generate/assessment'
import { writeAftercare } from './generate/aftercare'

/** Bump when the generated content changes: cached files of another version are not reused. */
export const GENERATOR_VERSION = 8

export interface FacilitySize {
  wards: number
  /** Residents per ward (each ward's capacity is 150). */
  residentsPerWard: number
  /** Files of people whose stay ended in earlier years. */
  past: number
  assessments: number
  /** Raw fitness measurements (about 12 per test, a test every ~3 months over each stay); none when absent. */
  fitnessMeasurements?: number
  /** Course attendance rows (issue 12; ~600 courses over 15 years with their enrolments and exams); none when absent. */
  attendance?: number
  /** Certificates: eligible course passers first, the rest recorded from elsewhere (needs `attendance`). */
  certificates?: number
}

export const FULL_SIZE: FacilitySize = { wards: 20, residentsPerWard: 150, past: 50_000, assessments: 500_000, fitnessMeasurements: 1_000_000, attendance: 200_000, certificates: 20_000 }

const CACHE_DIR = resolve(import.meta.dirname, '../../node_modules/.cache/xinsheng-bench')
const REUSE_DAYS = 30
/** Files of any key laid out longer ago than this are deleted (each holds hundreds of megabytes). */
const KEEP_DAYS = 60
const BATCH = 2_000

const log = (message: string) => process.stderr.write(`${message}\n`)
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** Fills an empty, migrated database with the benchmark facility laid out around `today`. */
export function generateBenchFacility(
  db: Db,
  o: { seed: number; today: string; size: FacilitySize },
): { people: number; assessments: number; tasks: number; fitnessTests: number; fitnessMeasurements: number; attendance: number; certificates: number } {
  const r = seededRandom(o.seed)
  const at = `${o.today}T00:00:00.000Z`
  const { size } = o
  const batch = <T>(items: T[], write: (item: T) => void) => {
    for (let i = 0; i < items.length; i += BATCH) db.transaction(() => items.slice(i, i + BATCH).forEach(write))()
  }
  const { wardIds, officerOf, counsellors } = db.transaction(() => {
    initializeFacility(db, '示范省第一强制隔离戒毒所', at)
    // The wards' rows as insertWard writes them, with seeded ids (the people rows name them: same seed, same files).
    const wardIds = Array.from({ length: size.wards }, (_, i) => {
      const id = r.uuid()
      insertWardRow(db, { id, name: wardNameFor(i + 1), capacity: 150, note: null, at })
      return id
    })
    // The demo accounts (admin / Admin#2026 …), then an officer for every other ward and more counsellors.
    const demo = DEMO_ACCOUNTS.map((a) =>
      createStaff(db, at, { username: a.username, displayName: a.displayName, role: a.role, password: a.password, wardIds: demoAccountWards(a, wardIds) }),
    )
    const officerOf = wardIds.map((wardId, i) =>
      i === 0 ? demo[4]! : createStaff(db, at, { username: `officer${i + 1}`, displayName: `大队民警${i + 1}`, role: 'ward_officer', password: 'Officer#2026', wardIds: [wardId] }),
    )
    const counsellors = [demo[1]!, ...[2, 3, 4].map((n) => createStaff(db, at, { username: `xinli${n}`, displayName: `心理咨询师${n}`, role: 'counsellor', password: 'Xinli#2026', wardIds: wardIds.filter((_, i) => i % 4 === n - 1) }))]
    return { wardIds, officerOf, counsellors }
  })()

  const writer = new PeopleWriter({ db, r, today: o.today, wardIds, officerOf })
  const stays: Stay[] = []
  const t0 = performance.now()
  batch(Array.from({ length: size.wards * size.residentsPerWard }, (_, n) => n % size.wards), (ward) => stays.push(writer.current(ward)))
  batch(Array.from({ length: size.past }), () => {
    stays.push(writer.past())
    if (stays.length % 10_000 === 0) log(`  ${stays.length} files (${((performance.now() - t0) / 1000).toFixed(0)} s)`)
  })
  log(`  ${stays.length} files written in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const t1 = performance.now()
  let psych = { assessments: 0, tasks: 0 }
  db.transaction(() => {
    psych = writePsychology({
      db, r, today: o.today, stays, counsellors, total: size.assessments,
      onProgress: (done, total) => log(`  ${done} / ${total} assessments (${((performance.now() - t1) / 1000).toFixed(0)} s)`),
    })
  })()
  log(`  ${psych.assessments} assessments, ${psych.tasks} follow-up tasks in ${((performance.now() - t1) / 1000).toFixed(1)} s`)

  const t2 = performance.now()
  let fitness = { tests: 0, measurements: 0, contraindications: 0 }
  if (size.fitnessMeasurements) {
    const trainer = (db.prepare("SELECT id FROM staff WHERE role = 'trainer' ORDER BY created_at, username LIMIT 1").get() as { id: string }).id
    db.transaction(() => {
      fitness = writeFitness({
        db, r, today: o.today, stays, trainer, measurements: size.fitnessMeasurements!,
        onProgress: (done, total) => log(`  ${done} / ${total} fitness tests (${((performance.now() - t2) / 1000).toFixed(0)} s)`),
      })
    })()
    log(`  ${fitness.tests} fitness tests, ${fitness.measurements} measurements in ${((performance.now() - t2) / 1000).toFixed(1)} s`)
  }
  let vocational = { attendance: 0, certificates: 0 }
  if (size.attendance) {
    const t3 = performance.now()
    const teacher = (db.prepare("SELECT id FROM staff WHERE role = 'vocational' ORDER BY created_at, username LIMIT 1").get() as { id: string }).id
    db.transaction(() => {
      vocational = writeVocational({ db, r, today: o.today, stays, by: teacher, attendance: size.attendance!, certificates: size.certificates ?? 0 })
    })()
    log(`  ${vocational.attendance} course attendance rows, ${vocational.certificates} certificates in ${((performance.now() - t3) / 1000).toFixed(1)} s`)
  }
  log(`  ${db.transaction(() => writeAssessments({ db, r, today: o.today, stays, by: officerOf[0]! }))().assessments} diagnostic assessments`)
  db.transaction(() => log(`  ward records: ${JSON.stringify(writeWardRecords({ db, r, today: o.today, stays, officerOf: (wardId) => officerOf[wardIds.indexOf(wardId)]! }))}`))()
  db.transaction(() => log(`  releases and follow-ups: ${JSON.stringify(writeAftercare({ db, r, today: o.today, stays, by: officerOf[0]! }))}`))()
  return { people: stays.length, ...psych, fitnessTests: fitness.tests, fitnessMeasurements: fitness.measurements, attendance: vocational.attendance, certificates: vocational.certificates }
}

/**
 * A short hash of the migrations' text: a migration not yet shipped may still be edited in place (same count, other
 * schema), and a cached file of the old text must not be reused.
 */
function schemaFingerprint(): string {
  const text = MIGRATIONS.map((m) => (typeof m === 'string' ? m : m.toString())).join('\n--\n')
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Deletes the half-written files of runs that died, and cached files laid out more than KEEP_DAYS ago. */
function removeAbandoned(dir: string, today: string) {
  for (const f of readdirSync(dir)) {
    const writer = /\.sqlite\.tmp-(\d+)(-wal|-shm)?$/.exec(f)
    const anchor = /-(\d{4}-\d{2}-\d{2})\.sqlite$/.exec(f)
    if ((writer && !processAlive(Number(writer[1]))) || (anchor && daysBetween(anchor[1]!, today) > KEEP_DAYS)) rmSync(join(dir, f), { force: true })
  }
}

export interface BenchFacility {
  /** The cached file: copy it before use (reads such as people:get write audit rows). */
  path: string
  /** Generation time, or null when a cached file was reused. */
  generatedMs: number | null
  bytes: number
  /** The day the stays were laid out from. */
  anchor: string
}

/** The cached benchmark facility for `seed`, generated first when there is none fresh enough. */
export function ensureBenchFacility(o: { seed: number; size?: FacilitySize; cacheDir?: string }): BenchFacility {
  const size = o.size ?? FULL_SIZE
  const dir = o.cacheDir ?? CACHE_DIR
  mkdirSync(dir, { recursive: true })
  const sizeKey = size === FULL_SIZE ? '' : `-w${size.wards}x${size.residentsPerWard}-p${size.past}-a${size.assessments}-f${size.fitnessMeasurements ?? 0}-v${size.attendance ?? 0}c${size.certificates ?? 0}`
  const prefix = `facility-seed${o.seed}${sizeKey}-gen${GENERATOR_VERSION}-schema${MIGRATIONS.length}.${schemaFingerprint()}-`
  const today = todayIn(FACILITY_TIME_ZONE)
  removeAbandoned(dir, today)
  const cached = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.sqlite'))
    .map((f) => ({ file: f, anchor: f.slice(prefix.length, -'.sqlite'.length) }))
    .filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.anchor))
    .sort((a, b) => (a.anchor < b.anchor ? 1 : -1))
  const fresh = cached.find((c) => c.anchor <= today && daysBetween(c.anchor, today) <= REUSE_DAYS)
  for (const stale of cached.filter((c) => c !== fresh)) rmSync(join(dir, stale.file), { force: true })
  if (fresh) {
    const path = join(dir, fresh.file)
    const bytes = statSync(path).size
    log(`benchmark facility: reusing cached ${path} (${megabytes(bytes)}, laid out on ${fresh.anchor})`)
    return { path, generatedMs: null, bytes, anchor: fresh.anchor }
  }

  const path = join(dir, `${prefix}${today}.sqlite`)
  const temporary = `${path}.tmp-${process.pid}`
  for (const suffix of ['', '-wal', '-shm']) rmSync(temporary + suffix, { force: true })
  log(`benchmark facility: generating seed ${o.seed} (${size.wards} wards × ${size.residentsPerWard}, ${size.past} past files, ${size.assessments} assessments, ${size.fitnessMeasurements ?? 0} fitness measurements)…`)
  const t0 = performance.now()
  // No audit seal (key and anchor files): each bench run opens its own copy, which gets a key of its own.
  const db = openDatabase(temporary, { seal: false })
  try {
    // Content is the same either way: no journal and no sync (a crash loses only this temporary file, and the next run
    // starts again), and a page cache that holds the indexes the random-keyed inserts touch. The file is switched back
    // to WAL, as openDatabase leaves every database, before it is closed.
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -524288')
    generateBenchFacility(db, { seed: o.seed, today, size })
    db.pragma('journal_mode = WAL')
  } catch (error) {
    db.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(temporary + suffix, { force: true })
    throw error
  }
  db.close()
  if (existsSync(`${temporary}-wal`)) throw new Error(`benchmark facility: ${temporary}-wal left after close`)
  renameSync(temporary, path)
  const generatedMs = performance.now() - t0
  const bytes = statSync(path).size
  log(`benchmark facility: generated in ${(generatedMs / 1000).toFixed(1)} s, ${megabytes(bytes)} → ${path}`)
  return { path, generatedMs, bytes, anchor: today }
}
