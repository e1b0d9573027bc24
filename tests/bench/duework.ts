/**
 * Due-work rows of the bench table: a 150-person ward's due work (p95 ≤ 10 ms) and the whole facility's 3,000 current
 * files (≤ 100 ms), in the core through the dispatcher. The floor is the same facts read by plain SQL (the people, then
 * each source over them), without the rules: what the rules and the mapping around the queries add is the ratio.
 */
import type { Db } from '../../electron/core/db/open'
import { DUE_SQL } from '../../electron/core/duework/dueworkFactsQueries'
import type { FacilityDueWork, WardDueWork } from '../../electron/shared/contract'
import { sameIds, type BenchContext } from './ops'
import type { Bench } from './table'

const SOURCES = ['termEvents', 'periodEntries', 'screenings', 'fitnessTests', 'flagTasks', 'openCrises', 'diagAssessments', 'openEvidenceRequests', 'talks', 'watchMeasures', 'exemptions'] as const
const SCREENING = JSON.stringify(['scl90', 'phq9', 'gad7', 'zung_sds', 'zung_sas'])

/** The people (a ward's, or every current file), then each fact source over them: the rows the rules read. */
export function dueworkFloor(db: Db, wardId: string | null, today: string): { people: string[]; rows: number } {
  const people = (wardId === null
    ? db.prepare('SELECT id FROM people WHERE ward_id IS NOT NULL AND voided_at IS NULL').all()
    : db.prepare('SELECT id FROM people WHERE ward_id = ? AND voided_at IS NULL').all(wardId)) as Array<{ id: string }>
  const ids = people.map((p) => p.id)
  const all = { people: JSON.stringify(ids), instruments: SCREENING, handledSince: today, doneSince: today, today }
  let rows = 0
  for (const source of SOURCES) {
    const sql = DUE_SQL[source]
    const params = Object.fromEntries(Object.entries(all).filter(([key]) => sql.includes(`@${key}`)))
    rows += db.prepare(sql).all(params).length
  }
  return { people: ids.sort(), rows }
}

export function dueworkOps(bench: Bench, c: BenchContext, wardIds: readonly string[]): void {
  bench.op({
    op: 'duework:ward',
    target: 10,
    variants: wardIds,
    run: (wardId) => c.call<WardDueWork>('duework:ward', { wardId, date: c.today }),
    floor: (wardId) => dueworkFloor(c.db, wardId, c.today),
    describe: (wardId) => `ward ${wardId.slice(0, 8)}`,
    // Every item is about a resident of the ward.
    same: (ours, floor) => {
      const residents = new Set((floor as ReturnType<typeof dueworkFloor>).people)
      const strangers = (ours as WardDueWork).items.filter((i) => !residents.has(i.personId)).map((i) => i.personId)
      sameIds('items of people outside the ward', strangers, [])
    },
  })
  bench.op({
    op: 'duework:facility',
    target: 100,
    variants: ['facility'],
    runs: 60,
    run: () => c.call<FacilityDueWork>('duework:facility', { date: c.today }),
    floor: () => dueworkFloor(c.db, null, c.today),
    same: (ours, floor) => {
      const residents = (ours as FacilityDueWork).wards.reduce((n, w) => n + w.residents, 0)
      sameIds('current files', [String(residents)], [String((floor as ReturnType<typeof dueworkFloor>).people.length)])
    },
  })
}
