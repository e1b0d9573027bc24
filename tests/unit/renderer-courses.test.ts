/**
 * Issue 12: the pure rules behind the course screens — a typed exam score, a typed certificate number in the batch
 * dialog (format, year against the issue date, level against the course, duplicates within the batch), and the
 * fortnight a person's timetable shows.
 */
import { describe, expect, it } from 'vitest'
import { numberProblem } from '../../renderer/src/features/courses/certificates/certificateRows'
import { readScore } from '../../renderer/src/features/courses/exams/scores'
import { fortnightOf } from '../../renderer/src/features/courses/person/fortnight'

describe('exam score as typed', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['0', 0],
    ['60', 60],
    ['59.5', 59.5],
    ['100', 100],
    ['１００', 100],
    ['８２．５', 82.5],
  ])('%j reads as %j', (text, value) => expect(readScore(text)).toEqual({ ok: true, value }))

  it.each(['100.1', '101', '-1', '59.55', 'abc', '6 0', '1e2'])('%j is refused', (text) => expect(readScore(text)).toEqual({ ok: false }))
})

describe('certificate number in the batch dialog', () => {
  const at = { issuedOn: '2026-12-01', level: 5, required: false, others: [] as string[] }
  const good = 'Y000144123456265000001'

  it('accepts a number whose year and level match', () => expect(numberProblem(good, at)).toBeNull())
  it('refuses the wrong year with both years', () =>
    expect(numberProblem('Y000144123456255000001', at)).toBe('cert.year_mismatch|{"position":14,"found":"25","expected":"26"}'))
  it('refuses a level other than the course level', () => expect(numberProblem('Y000144123456264000001', at)).toMatch(/^cert\.level_mismatch\|/))
  it('refuses the wrong length and category', () => {
    expect(numberProblem('Y00014412345626500000', at)).toMatch(/^cert\.wrong_length\|/)
    expect(numberProblem('X000144123456265000001', at)).toMatch(/^cert\.bad_category/)
  })
  it('says nothing about a blank number while typing, and asks for it on saving', () => {
    expect(numberProblem('', at)).toBeNull()
    expect(numberProblem('', { ...at, required: true })).toBe('cert.empty')
  })
  it('refuses a number typed twice in the batch (full-width and lower case read the same)', () => {
    expect(numberProblem(good, { ...at, others: ['y000144123456265000001'] })).toBe('cert.duplicate')
    expect(numberProblem(good, { ...at, others: ['Y000144123456265000002'] })).toBeNull()
  })
  it('checks the number without the year while the issue date is unfinished', () =>
    expect(numberProblem('Y000144123456255000001', { ...at, issuedOn: '2026-1' })).toBeNull())
})

describe('timetable fortnight', () => {
  it.each([
    ['2026-11-30', '2026-11-30', '2026-12-13'], // a Monday
    ['2026-12-06', '2026-11-30', '2026-12-13'], // a Sunday belongs to the week before
    ['2026-12-02', '2026-11-30', '2026-12-13'],
    ['2027-01-01', '2026-12-28', '2027-01-10'],
  ])('%s → %s to %s', (date, from, to) => expect(fortnightOf(date)).toEqual({ from, to }))
})
