/**
 * Issue 14: cohort arithmetic on a hand-checked fixture — released, reached, abstinent, relapsed, in custody, deceased,
 * lost, not reached; both abstinence rates (null when the divisor is 0); the as-of cut; kinds not covered and voided
 * releases left out; the year and quarter tables; the people behind each figure; and a property test that the stored
 * outcome always equals a fresh computation from the contacts after random record / edit / void sequences.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ContactStatus } from '../../electron/shared/contract/aftercare'
import { cohortFigures } from '../../electron/core/aftercare/aftercareStats'
import { voidFollowUpPlan } from '../../electron/core/aftercare/aftercareService'
import { latestStatus } from '../../electron/shared/domain/aftercare/cohort'
import { aftercareWorld, contact } from './aftercareFixtures'
import { err, ok } from './helpers'

type Step = [string, ContactStatus | null, boolean?]
function fixture() {
  const s = aftercareWorld()
  const people: Record<string, { personId: string; releaseId: string }> = {}
  const add = (key: string, day: string, kind: Parameters<typeof s.released>[1], steps: Step[]) => {
    people[key] = s.released(day, kind)
    for (const [on, status, reached] of steps) {
      ok(s.run('aftercare:recordContact', contact({ personId: people[key].personId, contactOn: on, status, reached: reached ?? (status !== null && status !== 'lost_contact') })))
    }
  }
  add('A', '2025-01-10', 'on_time', [['2025-02-01', 'abstinent'], ['2025-06-01', 'relapsed']])
  add('B', '2025-02-15', 'early', [['2025-03-01', 'abstinent']])
  add('C', '2025-03-20', 'community_conversion', [['2025-04-20', 'lost_contact'], ['2025-05-01', null, false]])
  add('D', '2025-05-05', 'on_time', [['2025-07-01', 'in_custody']])
  add('E', '2025-06-06', 'on_time', [['2025-08-08', 'deceased']])
  add('F', '2025-08-01', 'on_time', [])
  add('G', '2025-09-01', 'transfer', [['2025-09-05', 'abstinent']])
  add('H', '2025-10-10', 'on_time', [['2025-11-01', 'abstinent'], ['2025-12-01', null, false]])
  add('I', '2026-01-05', 'on_time', [['2026-02-01', 'abstinent']])
  add('J', '2025-04-01', 'on_time', [['2025-05-01', 'abstinent']])
  // J's release voided: out of every cohort.
  s.w.db.prepare("UPDATE releases SET voided_at = '2025-06-01T00:00:00Z', voided_by = ?, void_reason = '录入错误' WHERE id = ?").run(s.adminId, people.J!.releaseId)
  voidFollowUpPlan(s.w.db, people.J!.releaseId, { at: '2025-06-01T00:00:00Z', by: s.adminId, reason: '录入错误' })
  return { s, people }
}

const figures = (released: number, abstinent: number, relapsed: number, inCustody: number, deceased: number, lost: number, notReached: number) => {
  const reached = abstinent + relapsed + inCustody + deceased
  return {
    released, reached, abstinent, relapsed, inCustody, deceased, lost, notReached,
    abstinenceRateReached: reached === 0 ? null : abstinent / reached,
    abstinenceRateAll: released === 0 ? null : abstinent / released,
  }
}

describe('cohort arithmetic on a hand-checked fixture', () => {
  let f: ReturnType<typeof fixture>
  beforeAll(() => {
    f = fixture()
  })
  afterAll(() => f.s.w.close())

  it.each([
    ['2025 as of today', '2025-01-01', '2025-12-31', '2026-11-23', figures(7, 2, 1, 1, 1, 1, 1)],
    ['2025 as of 2025-03-01 (C not yet released, A and B abstinent)', '2025-01-01', '2025-12-31', '2025-03-01', figures(2, 2, 0, 0, 0, 0, 0)],
    ['2025 as of 2025-06-30 (A relapsed, D and E not yet reached)', '2025-01-01', '2025-12-31', '2025-06-30', figures(5, 1, 1, 0, 0, 1, 2)],
    ['Q3 2025: only F, nobody reached (rate of the reached null)', '2025-07-01', '2025-09-30', '2026-11-23', figures(1, 0, 0, 0, 0, 0, 1)],
    ['2020: nobody released (both rates null)', '2020-01-01', '2020-12-31', '2026-11-23', figures(0, 0, 0, 0, 0, 0, 0)],
    ['one day, the release day of A', '2025-01-10', '2025-01-10', '2026-11-23', figures(1, 0, 1, 0, 0, 0, 0)],
  ])('%s', (_name, from, to, asOf, expected) => {
    expect(cohortFigures(f.s.w.db, { from, to, asOf })).toEqual(expected)
  })

  it('rates: 2/5 of the reached, 2/7 of all released in 2025', () => {
    const r = cohortFigures(f.s.w.db, { from: '2025-01-01', to: '2025-12-31', asOf: '2026-11-23' })
    expect(r.abstinenceRateReached).toBeCloseTo(0.4, 10)
    expect(r.abstinenceRateAll).toBeCloseTo(2 / 7, 10)
  })

  it('the quarter table of 2025 and its total', () => {
    const table = ok(f.s.run('aftercare:cohorts', { by: 'quarter', from: '2025-01-01', to: '2025-12-31' }))
    expect(table.rows.map((r) => [r.label, r.figures])).toEqual([
      ['2025-Q1', figures(3, 1, 1, 0, 0, 1, 0)],
      ['2025-Q2', figures(2, 0, 0, 1, 1, 0, 0)],
      ['2025-Q3', figures(1, 0, 0, 0, 0, 0, 1)],
      ['2025-Q4', figures(1, 1, 0, 0, 0, 0, 0)],
    ])
    expect(table.total).toEqual(figures(7, 2, 1, 1, 1, 1, 1))
    const years = ok(f.s.run('aftercare:cohorts', { by: 'year', from: '2024-06-01', to: '2026-11-23' }))
    expect(years.rows.map((r) => [r.label, r.from, r.to, r.figures.released])).toEqual([
      ['2024', '2024-06-01', '2024-12-31', 0],
      ['2025', '2025-01-01', '2025-12-31', 7],
      ['2026', '2026-01-01', '2026-11-23', 1],
    ])
  })

  it('every figure opens its people', () => {
    const people = (outcome: Parameters<typeof f.s.run<'aftercare:cohortPeople'>>[1]['outcome']) =>
      ok(f.s.run('aftercare:cohortPeople', { from: '2025-01-01', to: '2025-12-31', outcome }))
        .map((p) => Object.entries(f.people).find(([, v]) => v.personId === p.personId)![0])
        .sort()
    expect(people('released')).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'H'])
    expect(people('reached')).toEqual(['A', 'B', 'D', 'E', 'H'])
    expect(people('abstinent')).toEqual(['B', 'H'])
    expect(people('relapsed')).toEqual(['A'])
    expect(people('in_custody')).toEqual(['D'])
    expect(people('deceased')).toEqual(['E'])
    expect(people('lost')).toEqual(['C'])
    expect(people('not_reached')).toEqual(['F'])
  })

  it('ranges checked: end before start, as-of in the future', () => {
    expect(err(f.s.run('aftercare:cohorts', { by: 'year', from: '2025-01-01', to: '2024-12-31' })).fields?.to).toBeDefined()
    expect(err(f.s.run('aftercare:cohorts', { by: 'year', from: '2025-01-01', to: '2025-12-31', asOf: '2026-11-24' })).fields?.asOf).toBeDefined()
    ok(f.s.run('aftercare:cohorts', { by: 'year', from: '2025-01-01', to: '2025-12-31', asOf: '2026-11-23' }))
  })
})

describe('the stored outcome always equals a fresh computation from the contacts', () => {
  it('after random record / edit / void sequences', () => {
    const s = aftercareWorld()
    const releases = [s.released('2026-01-10'), s.released('2026-03-03')]
    const statuses: Array<[boolean, ContactStatus | null]> = [[true, 'abstinent'], [true, 'relapsed'], [true, 'in_custody'], [true, 'deceased'], [false, 'lost_contact'], [false, null]]
    const live: Array<{ personId: string; id: string; revision: number }> = []
    const op = fc.record({
      kind: fc.constantFrom('record', 'record', 'update', 'void'),
      who: fc.nat(1),
      day: fc.integer({ min: 0, max: 300 }),
      status: fc.nat(statuses.length - 1),
      pick: fc.nat(50),
    })
    const check = () => {
      const outcomes = s.w.db.prepare('SELECT release_id AS releaseId, status, status_on AS statusOn, contacts, last_contact_on AS lastOn FROM followup_outcomes').all() as Array<{
        releaseId: string; status: ContactStatus | null; statusOn: string | null; contacts: number; lastOn: string | null
      }>
      for (const o of outcomes) {
        const contacts = s.w.db
          .prepare('SELECT id, contact_on AS contactOn, recorded_at AS recordedAt, status FROM followup_contacts WHERE release_id = ? AND voided_at IS NULL')
          .all(o.releaseId) as Array<{ id: string; contactOn: string; recordedAt: string; status: ContactStatus | null }>
        const fresh = latestStatus(contacts, '9999-12-31')
        expect({ status: o.status, on: o.statusOn }).toEqual({ status: fresh?.status ?? null, on: fresh?.on ?? null })
        expect(o.contacts).toBe(contacts.length)
        expect(o.lastOn).toBe(contacts.length ? contacts.map((c) => c.contactOn).sort().at(-1) : null)
      }
    }
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        for (const o of ops) {
          const r = releases[o.who]!
          const base = o.who === 0 ? '2026-01-10' : '2026-03-03'
          const on = new Date(Date.parse(base) + o.day * 86_400_000).toISOString().slice(0, 10)
          const [reached, status] = statuses[o.status]!
          const fields = contact({ personId: r.personId, contactOn: on > '2026-11-23' ? '2026-11-23' : on, reached, status })
          const mine = live.filter((c) => c.personId === r.personId)
          if (o.kind === 'record' || mine.length === 0) {
            const made = ok(s.run('aftercare:recordContact', fields))
            live.push({ personId: r.personId, ...made })
          } else {
            const target = mine[o.pick % mine.length]!
            if (o.kind === 'update') {
              target.revision = ok(s.run('aftercare:updateContact', { ...fields, id: target.id, revision: target.revision, slotId: null })).revision
            } else {
              ok(s.run('aftercare:voidContact', { personId: r.personId, id: target.id, revision: target.revision, reason: '随机撤销' }))
              live.splice(live.indexOf(target), 1)
            }
          }
          check()
        }
      }),
      { numRuns: 40, seed: 14 },
    )
    s.w.close()
  })
})

describe('the people of a figure as of an earlier day', () => {
  it('carry the status and its date as they stood that day', () => {
    const f = fixture()
    const asOf = ok(f.s.run('aftercare:cohortPeople', { from: '2025-01-01', to: '2025-01-31', asOf: '2025-03-01', outcome: 'abstinent' }))
    expect(asOf.map((p) => [p.personId, p.status, p.statusOn])).toEqual([[f.people.A!.personId, 'abstinent', '2025-02-01']])
    const now = ok(f.s.run('aftercare:cohortPeople', { from: '2025-01-01', to: '2025-01-31', outcome: 'relapsed' }))
    expect(now.map((p) => [p.status, p.statusOn])).toEqual([['relapsed', '2025-06-01']])
    f.s.w.close()
  })
})
