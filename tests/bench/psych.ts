/**
 * Psychology figures (issue targets): scoring an SCL-90 ≤ 0.2 ms; the ward psychology screen for 150 people over a
 * database of 500,000 assessments ≤ 30 ms in the core.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Db } from '../../electron/core/db/open'
import type { Dispatch } from '../../electron/core/dispatch'
import { getInstrument } from '../../electron/core/psych/instruments'
import { scoreInstrument } from '../../electron/shared/domain/instruments'

export function benchScoring(): void {
  const scl90 = getInstrument('scl90')!
  const answers = Array.from({ length: 90 }, (_, i) => 1 + ((i * 7) % 5))
  for (let i = 0; i < 5000; i++) scoreInstrument(scl90, answers)
  const runs = 100_000
  const t0 = performance.now()
  for (let i = 0; i < runs; i++) scoreInstrument(scl90, answers)
  const perRun = (performance.now() - t0) / runs
  console.log(`${'scoring one SCL-90 (target ≤ 0.2 ms)'.padEnd(52)} ${(perRun * 1000).toFixed(1)} µs per scoring (${runs} runs)`)
}

/** Fills the database with `total` assessments spread over every person, then times the ward screen of a 150-person ward. */
export function benchWardScreen(db: Db, dispatch: Dispatch, session: string, total: number, measure: (label: string, runs: number, fn: () => unknown) => void): void {
  const people = db.prepare('SELECT id, ward_id FROM people WHERE voided_at IS NULL').all() as Array<{ id: string; ward_id: string }>
  const staffId = (db.prepare("SELECT id FROM staff WHERE role = 'counsellor' LIMIT 1").get() as { id: string }).id
  const insert = db.prepare(
    `INSERT INTO assessments (id, person_id, instrument_id, instrument_version, setting, administered_on, administered_by, answers,
      cutoff_set_id, rounding, result, headline, band_id, band_severity, recorded_at, recorded_by)
     VALUES (?, ?, 'phq9', '1', 'periodic', ?, ?, '[1,1,1,1,1,1,1,1,0]', 'PHQ9_STANDARD', 'truncate', ?, 8, 'mild', 1, ?, ?)`,
  )
  const result = JSON.stringify({ scores: { total: 8 }, factors: {}, band: { id: 'mild', label: { zh: '轻度', en: 'Mild' }, severity: 1 }, flags: [] })
  const t0 = performance.now()
  db.transaction(() => {
    for (let i = 0; i < total; i++) {
      const p = people[i % people.length]!
      const day = new Date(Date.UTC(2025, 0, 1) + (i % 690) * 86_400_000).toISOString().slice(0, 10)
      insert.run(randomUUID(), p.id, day, staffId, result, `${day}T02:00:00.000Z`, staffId)
    }
  })()
  console.log(`${total} assessments inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const ward = db
    .prepare('SELECT ward_id, count(*) AS n FROM people WHERE voided_at IS NULL GROUP BY ward_id ORDER BY abs(count(*) - 150) LIMIT 1')
    .get() as { ward_id: string; n: number }
  measure(`psych:wardScreen, ${ward.n} people, ${total} assessments (≤ 30 ms)`, 30, () => {
    const r = dispatch('psych:wardScreen', { wardId: ward.ward_id }, session)
    if (!r.ok) throw new Error(r.error.message)
  })
}
