/** The term warning rule (issue 8 item 7): both sides of the facility's warning window, and of the last day itself. */
import { describe, expect, it } from 'vitest'
import { termExpired, termWarning } from '../../electron/shared/domain/term'

const TODAY = '2026-11-23'
const N = 30

describe('termWarning(lastDay, today, days)', () => {
  it.each([
    ['no last day (open escape)', null, null],
    ['last day is today: due, 0 days left', '2026-11-23', { kind: 'due', days: 0 }],
    ['last day was yesterday: expired 1 day', '2026-11-22', { kind: 'expired', days: 1 }],
    ['last day 40 days ago: expired 40 days', '2026-10-14', { kind: 'expired', days: 40 }],
    ['last day tomorrow: due, 1 day', '2026-11-24', { kind: 'due', days: 1 }],
    ['last day today + N: still due, N days', '2026-12-23', { kind: 'due', days: N }],
    ['last day today + N + 1: no warning', '2026-12-24', null],
    ['last day two years out: no warning', '2028-11-23', null],
  ] as const)('%s', (_label, lastDay, expected) => {
    expect(termWarning(lastDay, TODAY, N)).toEqual(expected)
  })

  it('a window of 0 days warns only on the last day itself and after it', () => {
    expect(termWarning('2026-11-23', TODAY, 0)).toEqual({ kind: 'due', days: 0 })
    expect(termWarning('2026-11-24', TODAY, 0)).toBeNull()
    expect(termWarning('2026-11-22', TODAY, 0)).toEqual({ kind: 'expired', days: 1 })
  })

  it('counts calendar days across a month and a leap day', () => {
    expect(termWarning('2028-03-01', '2028-02-28', 1)).toBeNull() // 2 days: 02-29 exists in 2028
    expect(termWarning('2028-02-29', '2028-02-28', 1)).toEqual({ kind: 'due', days: 1 })
  })
})

describe('termExpired(lastDay, today)', () => {
  it.each([
    ['2026-11-22', true],
    ['2026-11-23', false],
    ['2026-11-24', false],
    [null, false],
  ] as const)('last day %s → %s', (lastDay, expected) => {
    expect(termExpired(lastDay, TODAY)).toBe(expected)
  })
})
