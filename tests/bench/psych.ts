/**
 * Psychology rows of the bench table: the ward screen (150 residents over 500,000 assessments, p95 ≤ 10 ms) beside its
 * floor, and scoring one SCL-90 (≤ 0.2 ms).
 */
import { performance } from 'node:perf_hooks'
import type { WardPsychScreen } from '../../electron/shared/contract'
import { getInstrument } from '../../electron/core/psych/instruments'
import { scoreInstrument } from '../../electron/shared/domain/instruments'
import { wardScreenFloor } from './floors'
import { sameIds, type BenchContext } from './ops'
import type { Bench } from './table'

export function wardScreenOp(bench: Bench, c: BenchContext, wardIds: readonly string[]): void {
  bench.op({
    op: 'psych:wardScreen',
    target: 10,
    variants: wardIds,
    run: (wardId) => c.call<WardPsychScreen>('psych:wardScreen', { wardId }),
    floor: (wardId) => wardScreenFloor(c.db, wardId),
    describe: (wardId) => `ward ${wardId.slice(0, 8)}`,
    // Residents and latest results compared as sets: residents sharing a pinyin may come in either order.
    same: (ours, floor) => {
      const screen = ours as WardPsychScreen
      const f = floor as ReturnType<typeof wardScreenFloor>
      sameIds('residents', screen.rows.map((r) => r.personId).sort(), f.residents.map((r) => r.id).sort())
      const results = screen.rows.flatMap((r) => r.results.map((a) => `${r.personId}/${a.assessmentId}`)).sort()
      sameIds('latest assessments', results, f.latest.map((a) => `${a.person_id}/${a.id}`).sort())
    },
  })
}

/**
 * Scoring one SCL-90 with the real engine (target ≤ 0.2 ms), timed in batches of 1,000 (one scoring is too short for
 * the clock). A line after the table: in milliseconds rounded to 0.01 it would read 0.
 */
export function scoringLine(): string {
  const scl90 = getInstrument('scl90')!
  const answers = Array.from({ length: 90 }, (_, i) => 1 + ((i * 7) % 5))
  for (let i = 0; i < 5000; i++) scoreInstrument(scl90, answers)
  const perScoring: number[] = []
  for (let batch = 0; batch < 100; batch++) {
    const t0 = performance.now()
    for (let i = 0; i < 1000; i++) scoreInstrument(scl90, answers)
    perScoring.push((performance.now() - t0) / 1000)
  }
  perScoring.sort((a, b) => a - b)
  const median = perScoring[50]!
  return `scoring one SCL-90: median ${(median * 1000).toFixed(1)} µs per scoring (target ≤ 200 µs: ${median <= 0.2 ? 'PASS' : 'FAIL'}; 100,000 scorings)`
}
