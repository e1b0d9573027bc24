/**
 * Term arithmetic (domain-reference §1.2):
 *   lastDay = decision + 24 months + extension months − 1 day + days not counted
 *   earliestEarlyRelease = decision + 12 months + days not counted
 * An escape FROM:TO adds TO − FROM days not counted and bars early release. Expected dates are worked out by hand
 * (a day missing in the target month falls back to the month's last day).
 */
import { describe, expect, it } from 'vitest'
import { computeTerm, TermInputError, type EscapeInterval, type TermInput } from '../../electron/shared/domain/term'
import { expectOneJsonLine, runCli } from './helpers'

interface Case {
  name: string
  input: TermInput
  lastDay: string
  earliestEarlyRelease: string
  earlyReleaseAllowed: boolean
  daysNotCounted: number
}

const cases: Case[] = [
  {
    name: 'plain two years: 2024-03-15 + 24 m = 2026-03-15, − 1 day',
    input: { decisionDate: '2024-03-15' },
    lastDay: '2026-03-14',
    earliestEarlyRelease: '2025-03-15',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: 'leap day decision: 2024-02-29 + 24 m = 2026-02-28 (no 29th), − 1 day',
    input: { decisionDate: '2024-02-29' },
    lastDay: '2026-02-27',
    earliestEarlyRelease: '2025-02-28',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: 'month end: 2023-01-31 + 24 m = 2025-01-31, − 1 day',
    input: { decisionDate: '2023-01-31' },
    lastDay: '2025-01-30',
    earliestEarlyRelease: '2024-01-31',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: 'year end: 2024-12-31 + 24 m = 2026-12-31, − 1 day',
    input: { decisionDate: '2024-12-31' },
    lastDay: '2026-12-30',
    earliestEarlyRelease: '2025-12-31',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: 'decision 2026-03-01: + 24 m = 2028-03-01, − 1 day lands on the leap day',
    input: { decisionDate: '2026-03-01' },
    lastDay: '2028-02-29',
    earliestEarlyRelease: '2027-03-01',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: '6-month extension from a month end: 2024-08-31 + 30 m = 2027-02-28, − 1 day',
    input: { decisionDate: '2024-08-31', extensions: [6] },
    lastDay: '2027-02-27',
    earliestEarlyRelease: '2025-08-31',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: '2-month extension from 2024-12-31: + 26 m = 2027-02-28, − 1 day',
    input: { decisionDate: '2024-12-31', extensions: [2] },
    lastDay: '2027-02-27',
    earliestEarlyRelease: '2025-12-31',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: 'full 12-month extension: 2024-01-01 + 36 m = 2027-01-01, − 1 day',
    input: { decisionDate: '2024-01-01', extensions: [12] },
    lastDay: '2026-12-31',
    earliestEarlyRelease: '2025-01-01',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: 'two extensions 6 + 6 are the 12-month maximum',
    input: { decisionDate: '2024-01-01', extensions: [6, 6] },
    lastDay: '2026-12-31',
    earliestEarlyRelease: '2025-01-01',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: 'extensions 3 + 4: 2024-01-01 + 31 m = 2026-08-01, − 1 day',
    input: { decisionDate: '2024-01-01', extensions: [3, 4] },
    lastDay: '2026-07-31',
    earliestEarlyRelease: '2025-01-01',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
  {
    name: 'escape of 10 days after a leap-day decision: 2026-02-27 + 10',
    input: { decisionDate: '2024-02-29', escapes: [{ from: '2024-05-01', to: '2024-05-11' }] },
    lastDay: '2026-03-09',
    earliestEarlyRelease: '2025-03-10',
    earlyReleaseAllowed: false,
    daysNotCounted: 10,
  },
  {
    name: 'two escapes of 30 days each (03-01→03-31, 06-10→07-10) sum to 60',
    input: {
      decisionDate: '2024-01-01',
      escapes: [
        { from: '2024-03-01', to: '2024-03-31' },
        { from: '2024-06-10', to: '2024-07-10' },
      ],
    },
    lastDay: '2026-03-01', // 2025-12-31 + 60 (Feb 2026 has 28 days)
    earliestEarlyRelease: '2025-03-02', // 2025-01-01 + 60
    earlyReleaseAllowed: false,
    daysNotCounted: 60,
  },
  {
    name: 'the same two escapes given out of order',
    input: {
      decisionDate: '2024-01-01',
      escapes: [
        { from: '2024-06-10', to: '2024-07-10' },
        { from: '2024-03-01', to: '2024-03-31' },
      ],
    },
    lastDay: '2026-03-01',
    earliestEarlyRelease: '2025-03-02',
    earlyReleaseAllowed: false,
    daysNotCounted: 60,
  },
  {
    name: 'escape across a leap day: 2024-02-20 → 2024-03-05 is 14 days',
    input: { decisionDate: '2023-06-01', escapes: [{ from: '2024-02-20', to: '2024-03-05' }] },
    lastDay: '2025-06-14', // 2025-05-31 + 14
    earliestEarlyRelease: '2024-06-15', // 2024-06-01 + 14
    earlyReleaseAllowed: false,
    daysNotCounted: 14,
  },
  {
    name: 'escape across a year end: 2023-12-20 → 2024-01-05 is 16 days, with a 6-month extension',
    input: { decisionDate: '2023-05-10', extensions: [6], escapes: [{ from: '2023-12-20', to: '2024-01-05' }] },
    lastDay: '2025-11-25', // 2023-05-10 + 30 m = 2025-11-10, − 1 = 2025-11-09, + 16
    earliestEarlyRelease: '2024-05-26', // 2024-05-10 + 16
    earlyReleaseAllowed: false,
    daysNotCounted: 16,
  },
  {
    name: 'zero-day escape (FROM = TO) adds nothing but still bars early release',
    input: { decisionDate: '2024-01-01', escapes: [{ from: '2024-06-01', to: '2024-06-01' }] },
    lastDay: '2025-12-31',
    earliestEarlyRelease: '2025-01-01',
    earlyReleaseAllowed: false,
    daysNotCounted: 0,
  },
  {
    name: 'an escape on the decision day itself counts',
    input: { decisionDate: '2024-01-01', escapes: [{ from: '2024-01-01', to: '2024-01-03' }] },
    lastDay: '2026-01-02',
    earliestEarlyRelease: '2025-01-03',
    earlyReleaseAllowed: false,
    daysNotCounted: 2,
  },
  {
    name: 'a recorded bar (戒毒条例 §38 ¶2) rules out early release without changing dates',
    input: { decisionDate: '2024-03-15', earlyReleaseBarred: true },
    lastDay: '2026-03-14',
    earliestEarlyRelease: '2025-03-15',
    earlyReleaseAllowed: false,
    daysNotCounted: 0,
  },
  {
    name: 'empty lists behave like none',
    input: { decisionDate: '2024-03-15', extensions: [], escapes: [] },
    lastDay: '2026-03-14',
    earliestEarlyRelease: '2025-03-15',
    earlyReleaseAllowed: true,
    daysNotCounted: 0,
  },
]

describe('computeTerm', () => {
  it.each(cases)('$name', ({ input, lastDay, earliestEarlyRelease, earlyReleaseAllowed, daysNotCounted }) => {
    const r = computeTerm(input)
    expect({
      lastDay: r.lastDay,
      earliestEarlyRelease: r.earliestEarlyRelease,
      earlyReleaseAllowed: r.earlyReleaseAllowed,
      daysNotCounted: r.daysNotCounted,
    }).toEqual({ lastDay, earliestEarlyRelease, earlyReleaseAllowed, daysNotCounted })
  })

  it('reports what bars early release', () => {
    expect(computeTerm({ decisionDate: '2024-01-01' }).earlyReleaseBarredBy).toBeNull()
    expect(computeTerm({ decisionDate: '2024-01-01', earlyReleaseBarred: true }).earlyReleaseBarredBy).toBe('recorded_bar')
    const both = computeTerm({ decisionDate: '2024-01-01', earlyReleaseBarred: true, escapes: [{ from: '2024-02-01', to: '2024-02-02' }] })
    expect(both.earlyReleaseBarredBy).toBe('escape')
    expect(both.earlyReleaseAllowed).toBe(false)
  })

  it('sums the extension months', () => {
    expect(computeTerm({ decisionDate: '2024-01-01', extensions: [3, 4] }).extensionMonths).toBe(7)
    expect(computeTerm({ decisionDate: '2024-01-01' }).extensionMonths).toBe(0)
  })
})

describe('computeTerm: steps explain the arithmetic', () => {
  it('lists base, extension, minus one day, each escape and early release, in that order', () => {
    const r = computeTerm({
      decisionDate: '2023-05-10',
      extensions: [2, 4],
      escapes: [
        { from: '2024-03-01', to: '2024-03-04' },
        { from: '2023-12-20', to: '2024-01-05' },
      ],
    })
    expect(r.steps).toEqual([
      { kind: 'base', from: '2023-05-10', months: 24, date: '2025-05-10' },
      { kind: 'extension', months: 6, date: '2025-11-10' },
      { kind: 'minus_one_day', date: '2025-11-09' },
      { kind: 'escape', from: '2023-12-20', to: '2024-01-05', days: 16, date: '2025-11-25' },
      { kind: 'escape', from: '2024-03-01', to: '2024-03-04', days: 3, date: '2025-11-28' },
      { kind: 'early_release', months: 12, daysNotCounted: 19, date: '2024-05-29' },
    ])
    expect(r.lastDay).toBe('2025-11-28')
  })

  it('has no extension or escape step when there are none', () => {
    const r = computeTerm({ decisionDate: '2024-02-29' })
    expect(r.steps.map((s) => s.kind)).toEqual(['base', 'minus_one_day', 'early_release'])
    expect(r.steps[0]).toEqual({ kind: 'base', from: '2024-02-29', months: 24, date: '2026-02-28' })
    expect(r.steps[1]).toEqual({ kind: 'minus_one_day', date: '2026-02-27' })
    expect(r.steps[2]).toEqual({ kind: 'early_release', months: 12, daysNotCounted: 0, date: '2025-02-28' })
  })

  it('the last step before early release carries the last day', () => {
    const r = computeTerm({ decisionDate: '2024-01-01', escapes: [{ from: '2024-06-01', to: '2024-06-01' }] })
    expect(r.steps.map((s) => s.kind)).toEqual(['base', 'minus_one_day', 'escape', 'early_release'])
    expect(r.steps[2]).toMatchObject({ days: 0, date: '2025-12-31' })
  })
})

describe('computeTerm: refused input', () => {
  const escape = (from: string, to: string): EscapeInterval => ({ from, to })
  it.each<[string, TermInput, 'decisionDate' | 'extensions' | 'escapes']>([
    ['decision 2024-02-30 is not a date', { decisionDate: '2024-02-30' }, 'decisionDate'],
    ['decision in the wrong format', { decisionDate: '2024/01/01' }, 'decisionDate'],
    ['empty decision date', { decisionDate: '' }, 'decisionDate'],
    ['a single extension of 13 months', { decisionDate: '2024-01-01', extensions: [13] }, 'extensions'],
    ['extensions 12 + 1 total 13', { decisionDate: '2024-01-01', extensions: [12, 1] }, 'extensions'],
    ['extensions 6 + 6 + 1 total 13', { decisionDate: '2024-01-01', extensions: [6, 6, 1] }, 'extensions'],
    ['a zero extension', { decisionDate: '2024-01-01', extensions: [0] }, 'extensions'],
    ['a negative extension', { decisionDate: '2024-01-01', extensions: [-3] }, 'extensions'],
    ['a negative extension that would bring the total under 12', { decisionDate: '2024-01-01', extensions: [12, -1, 1] }, 'extensions'],
    ['a fractional extension', { decisionDate: '2024-01-01', extensions: [1.5] }, 'extensions'],
    ['a NaN extension', { decisionDate: '2024-01-01', extensions: [Number.NaN] }, 'extensions'],
    ['escape ending before it starts', { decisionDate: '2024-01-01', escapes: [escape('2024-03-10', '2024-03-01')] }, 'escapes'],
    ['escape before the decision', { decisionDate: '2024-01-01', escapes: [escape('2023-12-31', '2024-01-05')] }, 'escapes'],
    ['escape with an impossible date', { decisionDate: '2024-01-01', escapes: [escape('2024-02-30', '2024-03-05')] }, 'escapes'],
    ['escape with garbage dates', { decisionDate: '2024-01-01', escapes: [escape('soon', 'later')] }, 'escapes'],
    [
      'overlapping escapes',
      { decisionDate: '2024-01-01', escapes: [escape('2024-03-01', '2024-03-20'), escape('2024-03-10', '2024-03-25')] },
      'escapes',
    ],
    [
      'an escape inside another',
      { decisionDate: '2024-01-01', escapes: [escape('2024-03-01', '2024-04-30'), escape('2024-03-10', '2024-03-12')] },
      'escapes',
    ],
    [
      'overlapping escapes given out of order',
      { decisionDate: '2024-01-01', escapes: [escape('2024-03-10', '2024-03-25'), escape('2024-03-01', '2024-03-20')] },
      'escapes',
    ],
  ])('%s → TermInputError on %s', (_name, input, field) => {
    let thrown: unknown
    try {
      computeTerm(input)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TermInputError)
    expect((thrown as TermInputError).field).toBe(field)
  })

  it('names the limit in the message when extensions exceed 12 months', () => {
    expect(() => computeTerm({ decisionDate: '2024-01-01', extensions: [7, 6] })).toThrow(/13 months.*12/)
  })
})

describe('CLI term', () => {
  it('prints exactly the four keys for a valid term, exit 0', () => {
    const run = runCli(['term', '--decision', '2024-01-01', '--extension-months', '6', '--escape', '2024-03-01:2024-03-31'])
    expect(run.code).toBe(0)
    expectOneJsonLine(run)
    // 2024-01-01 + 30 m = 2026-07-01, − 1 = 2026-06-30, + 30 days = 2026-07-30; early release 2025-01-01 + 30 = 2025-01-31
    expect(run.stdout.trim()).toBe('{"lastDay":"2026-07-30","earliestEarlyRelease":"2025-01-31","earlyReleaseAllowed":false,"daysNotCounted":30}')
  })

  it('prints the plain term without options other than --decision', () => {
    const run = runCli(['term', '--decision', '2024-02-29'])
    expect(run.code).toBe(0)
    expect(run.json).toEqual({ lastDay: '2026-02-27', earliestEarlyRelease: '2025-02-28', earlyReleaseAllowed: true, daysNotCounted: 0 })
  })

  it.each([
    ['a bad decision date', ['term', '--decision', '2024-02-30']],
    ['--extension-months 13', ['term', '--decision', '2024-01-01', '--extension-months', '13']],
    ['--escape garbage', ['term', '--decision', '2024-01-01', '--escape', 'garbage']],
  ])('%s → {"error": …}, exit 2', (_name, args) => {
    const run = runCli(args)
    expect(run.code).toBe(2)
    expectOneJsonLine(run)
    expect(Object.keys(run.json as object)).toEqual(['error'])
    expect(typeof (run.json as { error: unknown }).error).toBe('string')
    expect((run.json as { error: string }).error.length).toBeGreaterThan(0)
  })
})
