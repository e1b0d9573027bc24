/**
 * Due-work rows of the bench table: a 150-person ward's due work (p95 ≤ 10 ms), the whole facility's 3,000 current
 * files (≤ 100 ms) in the core through the dispatcher, and the dashboard's due/overdue counts (facilityDueCounts,
 * ≤ 40 ms). The facts come from the due-work summary (migration 022, kept current by triggers), so the floor is the
 * same rows read by plain SQL: the summary rows of the ward (or every current file) and what the day adds (flag tasks
 * handled and planned talks done since yesterday, the live exemptions), without the parse and the rules. Until issue
 * 14 the floor was the sources themselves (a query per source over the people: 154 ms for the facility).
 */
import type { Db } from '../../electron/core/db/open'
import { facilityDueCounts, type FacilityDueCounts } from '../../electron/core/duework/dueworkCounts'
import { DUE_SQL } from '../../electron/core/duework/dueworkFactsQueries'
import type { FacilityDueWork, WardDueWork } from '../../electron/shared/contract'
import { addDays } from '../../electron/shared/domain/dates'
import { sameIds, type BenchContext } from './ops'
import type { Bench } from './table'

/** The summary rows of a ward (or every current file), then the day's additions over them: the rows the rules read. */
export function dueworkFloor(db: Db, wardId: string | null, today: string): { people: string[]; rows: number } {
  const rows = (wardId === null
    ? db.prepare('SELECT * FROM due_summary').all()
    : db.prepare('SELECT * FROM due_summary WHERE ward_id = ? ORDER BY name_pinyin, person_id').all(wardId)) as Array<{ person_id: string }>
  const ids = rows.map((r) => r.person_id)
  const since = addDays(today, -1)
  let count = rows.length
  count += db.prepare(`SELECT * FROM psych_tasks WHERE assessment_id IS NOT NULL AND status IN ('done', 'dismissed') AND handled_at >= ?`).all(since).length
  count += db.prepare(`SELECT * FROM ward_talks WHERE voided_at IS NULL AND status = 'done' AND planned_on IS NOT NULL AND done_on >= ?`).all(since).length
  count += db.prepare(DUE_SQL.exemptions).all({ people: JSON.stringify(ids) }).length
  return { people: ids.sort(), rows: count }
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
  bench.op({
    op: 'duework:facilityDueCounts',
    target: 40,
    variants: ['facility'],
    runs: 60,
    run: () => facilityDueCounts(c.db, c.today, null),
    floor: () => dueworkFloor(c.db, null, c.today),
    // The dashboard's counts are the facility screen's, summed over the wards.
    same: (ours) => {
      const counts = ours as FacilityDueCounts
      const wards = c.call<FacilityDueWork>('duework:facility', { date: c.today }).wards
      const open = (status: 'due' | 'overdue') => wards.reduce((n, w) => n + Object.values(w.counts).reduce((m, x) => m + x[status], 0), 0)
      sameIds('due and overdue', [String(counts.due), String(counts.overdue)], [String(open('due')), String(open('overdue'))])
    },
  })
}
