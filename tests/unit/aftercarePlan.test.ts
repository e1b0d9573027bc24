/**
 * Issue 14: the follow-up plan made at release — table-driven over the cadence (monthly, quarterly), the months,
 * the first-contact days, the release-day contact and the kinds covered; each slot's window and state.
 */
import { describe, expect, it } from 'vitest'
import { planSlots } from '../../electron/shared/domain/aftercare/plan'
import { DEFAULT_AFTERCARE_PLAN, type AftercarePlanSettings } from '../../electron/shared/domain/aftercare/settings'
import { slotState } from '../../electron/core/aftercare/aftercareQueries'

const plan = (over: Partial<AftercarePlanSettings> = {}): AftercarePlanSettings => ({ ...DEFAULT_AFTERCARE_PLAN, ...over })
const brief = (p: AftercarePlanSettings, kind: Parameters<typeof planSlots>[1] = 'on_time', day = '2026-01-31') =>
  planSlots(p, kind, day).map((s) => `${s.kind}:${s.dueOn}`)

describe('plan slots', () => {
  const cases: Array<[string, Partial<AftercarePlanSettings>, number, string[]]> = [
    ['monthly for 12 months: release day, first week, 12 monthly', {}, 14, ['release_day:2026-01-31', 'first_week:2026-02-07', 'periodic:2026-02-28']],
    ['quarterly for 12 months: 4 quarterly', { cadence: 'quarterly' }, 6, ['release_day:2026-01-31', 'first_week:2026-02-07', 'periodic:2026-04-30']],
    ['quarterly for 11 months: only whole quarters (3)', { cadence: 'quarterly', months: 11 }, 5, ['release_day:2026-01-31', 'first_week:2026-02-07', 'periodic:2026-04-30']],
    ['quarterly for 2 months: no periodic contact', { cadence: 'quarterly', months: 2 }, 2, ['release_day:2026-01-31', 'first_week:2026-02-07']],
    ['monthly for 1 month', { months: 1 }, 3, ['release_day:2026-01-31', 'first_week:2026-02-07', 'periodic:2026-02-28']],
    ['no release-day contact', { releaseDayContact: false }, 13, ['first_week:2026-02-07', 'periodic:2026-02-28']],
    ['first contact within 1 day', { firstContactDays: 1 }, 14, ['release_day:2026-01-31', 'first_week:2026-02-01']],
    ['first contact within 60 days comes after the first monthly ones (ordered by date)', { firstContactDays: 60, months: 2 }, 4, ['release_day:2026-01-31', 'periodic:2026-02-28', 'periodic:2026-03-31', 'first_week:2026-04-01']],
  ]
  for (const [name, over, total, head] of cases) {
    it(name, () => {
      const slots = planSlots(plan(over), 'on_time', '2026-01-31')
      expect(slots).toHaveLength(total)
      expect(brief(plan(over)).slice(0, head.length)).toEqual(head)
      expect(slots.map((s) => s.seq)).toEqual(slots.map((_s, i) => i + 1))
      for (const [i, s] of slots.entries()) {
        expect(s.windowFrom <= s.dueOn && s.dueOn <= s.windowTo).toBe(true)
        // A slot stays open until the day before the next one is due.
        const next = slots[i + 1]
        if (next) expect(s.windowTo < next.dueOn).toBe(true)
      }
    })
  }

  it('the last monthly slot on 2027-01-31 (month ends kept), its window one month', () => {
    const last = planSlots(plan(), 'on_time', '2026-01-31').at(-1)!
    expect(last).toMatchObject({ kind: 'periodic', dueOn: '2027-01-31', windowFrom: '2027-01-24', windowTo: '2027-02-27' })
  })

  it('leadDays lists a periodic slot that many days before its date, never before the release', () => {
    const slots = planSlots(plan({ leadDays: 0 }), 'on_time', '2026-03-01')
    expect(slots[2]).toMatchObject({ dueOn: '2026-04-01', windowFrom: '2026-04-01' })
    const wide = planSlots(plan({ leadDays: 60, releaseDayContact: false }), 'on_time', '2026-03-01')
    expect(wide[1]!.windowFrom).toBe('2026-03-01')
  })

  it.each([
    ['on_time', 14],
    ['early', 14],
    ['community_conversion', 14],
    ['transfer', 0],
    ['medical', 0],
    ['death', 0],
  ] as const)('kind %s with the default covered kinds: %i slots', (kind, n) => {
    expect(planSlots(plan(), kind, '2026-01-31')).toHaveLength(n)
  })
  it('a facility covering medical releases gets plans for them', () => {
    expect(planSlots(plan({ coveredKinds: ['medical'] }), 'medical', '2026-01-31')).toHaveLength(14)
    expect(planSlots(plan({ coveredKinds: ['medical'] }), 'on_time', '2026-01-31')).toHaveLength(0)
  })
})

describe('slot state on a day', () => {
  const slot = { contactId: null, windowFrom: '2026-03-25', dueOn: '2026-04-01', windowTo: '2026-04-30' }
  it.each([
    ['2026-03-24', 'upcoming'],
    ['2026-03-25', 'due'],
    ['2026-04-01', 'due'],
    ['2026-04-02', 'overdue'],
    ['2026-04-30', 'overdue'],
    ['2026-05-01', 'missed'],
  ] as const)('%s → %s', (day, state) => {
    expect(slotState(slot, day)).toBe(state)
  })
  it('a fulfilled slot is done whatever the day', () => {
    expect(slotState({ ...slot, contactId: 'x' }, '2026-05-01')).toBe('done')
  })
})
