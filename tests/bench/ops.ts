/**
 * The people and ward operations of the bench table (issue 9): wards:list, roster, search, person. Each goes through
 * the dispatcher as the window calls it, cycles through its variants, and is checked once against its floor.
 */
import type { Db } from '../../electron/core/db/open'
import type { ListPage, PersonFile, PersonListRow, WardSummary } from '../../electron/shared/contract'
import { PERIODS } from '../../electron/shared/domain/periods'
import { personFloor, rosterFloor, searchFloor, wardsFloor, type RosterSort, type RosterVariant } from './floors'
import type { Bench } from './table'

export interface BenchContext {
  db: Db
  /** Calls a method through the dispatcher, signed in as admin; throws on an error result. */
  call: <T>(method: string, input: unknown) => T
  today: string
}

/** Throws naming the first difference between two id lists (order matters). */
export function sameIds(what: string, ours: readonly string[], floor: readonly string[]): void {
  const n = Math.max(ours.length, floor.length)
  for (let i = 0; i < n; i++) {
    if (ours[i] !== floor[i]) throw new Error(`${what}: row ${i + 1} is ${ours[i] ?? 'missing'} in the operation, ${floor[i] ?? 'missing'} in the floor (${ours.length} vs ${floor.length} rows)`)
  }
}

const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((r) => r.id)
const column = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).all(...params) as Array<Record<string, string>>).map((r) => Object.values(r)[0]!)

export function wardIdsInOrder(db: Db): string[] {
  return column(db, 'SELECT id FROM wards ORDER BY active DESC, name')
}

export function wardsListOp(bench: Bench, c: BenchContext): void {
  bench.op({
    op: 'wards:list',
    target: 5,
    variants: [null],
    run: () => c.call<WardSummary[]>('wards:list', {}),
    floor: () => wardsFloor(c.db),
    same: (ours, floor) => {
      const list = ours as WardSummary[]
      const f = floor as ReturnType<typeof wardsFloor>
      sameIds('wards', ids(list), ids(f.wards))
      for (const w of list) {
        const counts = f.counts.filter((r) => r.ward_id === w.id)
        const occupancy = counts.reduce((a, r) => a + r.n, 0)
        if (occupancy !== w.occupancy) throw new Error(`ward ${w.name}: occupancy ${w.occupancy}, floor counts ${occupancy}`)
        for (const r of counts) if (r.period && w.byPeriod[r.period as keyof WardSummary['byPeriod']] !== r.n) throw new Error(`ward ${w.name}: ${r.period} differs`)
      }
    },
  })
}

const SORTS: RosterSort[] = ['name', 'period', 'daysInPeriod', 'daysToLastDay', 'decisionDate']
const COMMON_SURNAMES = ['王', '李', '张', '刘', '陈']

/** Every sort × both directions × five filters (none, a period, a sex, a name character, pinyin initials). */
export function rosterVariants(db: Db, wardIds: readonly string[]): RosterVariant[] {
  const variants: RosterVariant[] = []
  let i = 0
  for (const sort of SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      for (const filter of ['none', 'period', 'sex', 'name', 'initials'] as const) {
        const wardId = wardIds[i % wardIds.length]!
        const v: RosterVariant = { wardId, sort, dir }
        if (filter === 'period') v.period = PERIODS[i % PERIODS.length]!
        if (filter === 'sex') v.sex = i % 2 === 0 ? 'F' : 'M'
        if (filter === 'name') v.q = COMMON_SURNAMES[Math.floor(i / 5) % COMMON_SURNAMES.length]!
        if (filter === 'initials') {
          const initials = column(db, 'SELECT name_initials FROM people WHERE ward_id = ? AND voided_at IS NULL ORDER BY name_pinyin', wardId)
          v.q = initials[(i * 7) % initials.length]!.slice(0, 2)
        }
        variants.push(v)
        i++
      }
    }
  }
  return variants
}

export function rosterOp(bench: Bench, c: BenchContext, wardIds: readonly string[]): void {
  bench.op({
    op: 'roster',
    target: 5,
    maxRatio: 5,
    variants: rosterVariants(c.db, wardIds),
    run: (v) => c.call<ListPage<PersonListRow>>('people:list', { ...v, limit: 50 }),
    floor: (v) => rosterFloor(c.db, v),
    same: (ours, floor) => sameIds('roster page', ids((ours as ListPage<PersonListRow>).rows), ids(floor as Array<{ id: string }>)),
    describe: (v) => JSON.stringify({ ...v, wardId: v.wardId.slice(0, 8) }),
  })
}

/** Search queries as people type them: a surname, a common full name, initials, full pinyin, a birth year, ID digits. */
export function searchVariants(db: Db): string[] {
  const commonName = column(db, "SELECT name FROM people WHERE length(name) = 2 AND name LIKE '张%' GROUP BY name ORDER BY count(*) DESC, name LIMIT 1")[0]!
  const residentId = column(db, 'SELECT id_number FROM people WHERE ward_id IS NOT NULL ORDER BY id LIMIT 1')[0]!
  const pastName = column(db, 'SELECT name FROM people WHERE ward_id IS NULL AND length(name) = 3 GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1')[0]!
  const pastId = column(db, 'SELECT id_number FROM people WHERE ward_id IS NULL ORDER BY id LIMIT 1')[0]!
  return ['张', commonName, 'zs', 'zhang', '1985', residentId.slice(-4), pastName, pastId]
}

export function searchOp(bench: Bench, c: BenchContext): void {
  bench.op({
    op: 'search',
    target: 5,
    variants: searchVariants(c.db),
    run: (q) => c.call<PersonListRow[]>('people:search', { q, limit: 10 }),
    floor: (q) => searchFloor(c.db, q, 10),
    same: (ours, floor) => sameIds('search', ids(ours as PersonListRow[]), ids(floor as Array<{ id: string }>)),
    describe: (q) => JSON.stringify(q),
  })
}

/** Ten residents and ten past files, spread over the table; two of each with term events (extension or escape). */
export function personVariants(db: Db): string[] {
  const files = (where: string) => column(db, `SELECT id FROM people p WHERE voided_at IS NULL AND ${where} ORDER BY id`)
  const withEvents = 'EXISTS (SELECT 1 FROM term_events e WHERE e.person_id = p.id)'
  const spread = (list: string[], n: number) => Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!)
  return [
    ...spread(files('ward_id IS NOT NULL'), 8),
    ...spread(files(`ward_id IS NOT NULL AND ${withEvents}`), 2),
    ...spread(files('ward_id IS NULL'), 8),
    ...spread(files(`ward_id IS NULL AND ${withEvents}`), 2),
  ]
}

export function personOp(bench: Bench, c: BenchContext): void {
  bench.op({
    op: 'person',
    target: 5,
    variants: personVariants(c.db),
    run: (id) => c.call<PersonFile>('people:get', { id }),
    floor: (id) => personFloor(c.db, id),
    describe: (id) => id,
    same: (ours, floor) => {
      const file = ours as PersonFile
      const f = floor as ReturnType<typeof personFloor>
      sameIds('person', [file.id], [f.person.id])
      sameIds('period moves', ids(file.periods), ids(f.periods))
      sameIds('ward assignments', ids(file.wards), ids(f.wards))
      sameIds('term events', ids(file.termEvents), ids(f.termEvents))
    },
  })
}

/**
 * What the issue asks of the past files, checked before timing: each ward holds its residents, a past file is found
 * by its name and its ID number, and opens with no current ward or period and its last day in the past.
 */
export function checkFacility(c: BenchContext): void {
  const fail = (message: string) => {
    throw new Error(`benchmark facility: ${message}`)
  }
  const wards = c.call<WardSummary[]>('wards:list', {})
  if (wards.some((w) => w.occupancy !== 150)) fail(`ward occupancy ${wards.map((w) => w.occupancy).join(', ')} (expected 150 each)`)
  const [pastName, pastIdNumber] = searchVariants(c.db).slice(-2) as [string, string]
  const byName = c.call<PersonListRow[]>('people:search', { q: pastName, limit: 10 })
  const byId = c.call<PersonListRow[]>('people:search', { q: pastIdNumber, limit: 10 })
  if (byId.length !== 1) fail(`searching the ID number ${pastIdNumber} found ${byId.length} files`)
  if (!byName.some((r) => r.id === byId[0]!.id) && byName[0]?.name !== pastName) fail(`searching the name ${pastName} did not find the file`)
  const file = c.call<PersonFile>('people:get', { id: byId[0]!.id })
  if (file.wardId !== null || file.period !== null) fail(`past file ${file.id} has a current ward or period`)
  if (!file.term.result || file.term.result.lastDay >= c.today) fail(`past file ${file.id} has no last day in the past`)
  if (file.wards.some((w) => w.endDate === null) || file.periods.length === 0) fail(`past file ${file.id}: open ward assignment or no period history`)
}
