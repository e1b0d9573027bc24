/**
 * The due-work summary (migration 022) against the sources: after random sequences of writes, voids, corrections and
 * moves of the person (ward, period, release, return, void), every summary row equals the row computed afresh from the
 * sources, and the ward's and the facility's due work read from the summary equal the computation over the sources
 * (computeDueWork: the facts queries the summary replaced, kept as the reference) on days before, on and after today.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { freshSummarySql } from '../../electron/core/db/migrations/022_due_summary'
import { computeDueWork, countItems, milestonesOfAll, onTheDay, summaryDueWork } from '../../electron/core/duework/dueworkCompute'
import { facilityDueCounts } from '../../electron/core/duework/dueworkCounts'
import { currentPeople, runSource, wardPeople } from '../../electron/core/duework/dueworkFactsQueries'
import { summaryOfFacility, summaryOfWard } from '../../electron/core/duework/dueworkSummaryQueries'
import type { DueItem, FacilityDueWork, WardDueWork } from '../../electron/shared/contract'
import { addDays } from '../../electron/shared/domain/dates'
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'
import { applyWrite, WRITE_OPS, type Write } from './dueworkSummaryFixtures'
import { call, makeWorld, ok, personInput, TODAY, type World } from './helpers'

const DAYS = [addDays(TODAY, -20), TODAY, addDays(TODAY, 45)]
const BODIES = ['11010119900307001', '11010119850615003', '11010119700101003', '11010119881212001']
const ID_NUMBERS = BODIES.map((body) => body + checkCharacterFor(body))

const itemKey = (i: DueItem) => `${i.personId}|${i.rule}|${i.occurrence}`
const sorted = (items: readonly DueItem[]) => [...items].sort((a, b) => (itemKey(a) < itemKey(b) ? -1 : itemKey(a) > itemKey(b) ? 1 : 0))

function storedRows(w: World): unknown[] {
  return w.db.prepare(`SELECT * FROM due_summary ORDER BY person_id`).all().map((r) => {
    const { stamp: _stamp, ...row } = r as Record<string, unknown>
    return row
  })
}

/** The summary equals the sources, and every reading of it equals the reference over the sources. */
function expectSummaryMatchesSources(w: World): void {
  expect(storedRows(w)).toEqual(w.db.prepare(freshSummarySql).all())
  const { db } = w
  for (const day of DAYS) {
    for (const wardId of [w.wards.a, w.wards.b]) {
      const reference = computeDueWork(db, wardPeople(db, wardId), day, day)
      const summary = summaryDueWork(db, summaryOfWard(db, wardId), day, day)
      expect(sorted(summary.items)).toEqual(sorted(reference.items))
      expect(milestonesOfAll(summary, day)).toEqual(milestonesOfAll(reference, day))
      const ward = ok(call(w.dispatch, 'duework:ward', { wardId, date: day }, w.sessions.admin!)) as WardDueWork
      expect(sorted(ward.items)).toEqual(sorted(reference.items.filter((i) => onTheDay(i, day))))
      expect(ward.counts).toEqual(countItems(reference.items))
      const people = JSON.stringify(wardPeople(db, wardId).map((p) => p.id))
      const open = people === '[]' ? { openTasks: 0, openCrises: 0 }
        : runSource<{ openTasks: number; openCrises: number }>(db, 'openWork', { people, instruments: '[]', handledSince: day, doneSince: day, today: day })[0]!
      expect({ openTasks: ward.openTasks, openCrises: ward.openCrises }).toEqual(open)
    }
    const all = computeDueWork(db, currentPeople(db), day, day)
    expect(sorted(summaryDueWork(db, summaryOfFacility(db, null), day, day).items)).toEqual(sorted(all.items))
    const facility = ok(call(w.dispatch, 'duework:facility', { date: day }, w.sessions.admin!)) as FacilityDueWork
    for (const row of facility.wards) {
      expect(row.counts).toEqual(countItems(all.items.filter((i) => i.wardId === row.wardId)))
      expect(row.residents).toBe(all.facts.filter((f) => f.wardId === row.wardId).length)
    }
    const counts = facilityDueCounts(db, day, null)
    expect(counts.byCentre).toEqual(countItems(all.items))
    expect(counts.due + counts.overdue).toBe(all.items.filter((i) => i.status === 'due' || i.status === 'overdue').length)
    expect(facilityDueCounts(db, day, [w.wards.b]).byCentre).toEqual(countItems(all.items.filter((i) => i.wardId === w.wards.b)))
  }
}

function worldWithPeople(): { w: World; people: string[] } {
  const w = makeWorld()
  const people = ID_NUMBERS.map((idNumber, k) => {
    const admitted = addDays(TODAY, -30 * k - 5)
    const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
    return ok(call(w.dispatch, 'people:create', personInput(k % 2 ? w.wards.b : w.wards.a, { name: ['张三', '李四', '王五', '赵六'][k]!, idNumber, birthDate: birth, admissionDate: admitted, decisionDate: admitted }), w.sessions.admin!)).id
  })
  return { w, people }
}

const writeArb: fc.Arbitrary<Write> = fc.record({
  op: fc.oneof({ arbitrary: fc.constantFrom(...WRITE_OPS), weight: 3 }, { arbitrary: fc.constantFrom('assessment' as const, 'void' as const, 'correct' as const, 'diag' as const, 'talk' as const), weight: 1 }),
  a: fc.nat(3),
  b: fc.nat(1000),
  d: fc.integer({ min: -120, max: 40 }),
})

describe('the due-work summary', () => {
  const opened: World[] = []
  afterAll(() => opened.forEach((w) => w.close()))

  it("computes each person's row by indexed seeks only (what every trigger runs on a write)", () => {
    const w = makeWorld()
    opened.push(w)
    const plan = (w.db.prepare(`EXPLAIN QUERY PLAN ${freshSummarySql}`).all() as Array<{ detail: string }>).map((r) => r.detail)
    // The rows of the backfill walk people (p); each source is searched by person (or crisis), never scanned.
    const scans = plan.filter((d) => /^SCAN /.test(d) && !/^SCAN (p USING|x$|e$|\(subquery-\d+\)$)/.test(d))
    expect(scans).toEqual([])
    for (const source of ['assessments_person_complete', 'fitness_tests_person_date', 'period_moves_person_entry', 'term_events_person', 'psych_tasks_person_status',
      'crises_person', 'crisis_events_crisis', 'diag_assessments_person_due', 'diag_evidence_requests_open', 'ward_talks_person_due', 'watch_measures_person']) {
      expect(plan.some((d) => d.startsWith('SEARCH ') && d.includes(`INDEX ${source} (`)), source).toBe(true)
    }
  })

  it('holds a row per current file from admission, and none for a released or voided file', () => {
    const { w, people } = worldWithPeople()
    opened.push(w)
    expect(storedRows(w).map((r) => (r as { person_id: string }).person_id).sort()).toEqual([...people].sort())
    w.db.prepare('UPDATE people SET ward_id = NULL WHERE id = ?').run(people[0])
    w.db.prepare(`UPDATE people SET voided_at = '2026-11-01T00:00:00Z', void_reason = '重复' WHERE id = ?`).run(people[1])
    expect(storedRows(w).map((r) => (r as { person_id: string }).person_id).sort()).toEqual([people[2], people[3]].sort())
    expectSummaryMatchesSources(w)
  })

  it('equals the sources after random writes, voids and corrections, and so do the ward and facility answers', () => {
    fc.assert(
      fc.property(fc.array(writeArb, { minLength: 10, maxLength: 80, size: 'max' }), (writes) => {
        const { w, people } = worldWithPeople()
        try {
          const wards = [w.wards.a, w.wards.b]
          writes.forEach((write, k) => {
            applyWrite(w.db, write, people, wards)
            // Midway too: the readers keep parsed rows between calls, so a stale one would show here.
            if (k === Math.floor(writes.length / 2)) expectSummaryMatchesSources(w)
          })
          expectSummaryMatchesSources(w)
        } finally {
          w.close()
        }
      }),
      { numRuns: 30 },
    )
  })
})
