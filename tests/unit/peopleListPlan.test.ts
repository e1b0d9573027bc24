/**
 * The people list's WHERE clause holds only the filters present, so a ward's roster page reads through the people_ward
 * index instead of scanning every file (an optional-parameter OR filter, `(@x IS NULL OR col = @x)`, could use none).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { peopleListWhere } from '../../electron/core/people/peopleQueries'

let db: Db
beforeEach(() => {
  db = openDatabase(':memory:')
})
afterEach(() => db.close())

const planOf = (filters: Parameters<typeof peopleListWhere>[0]) => {
  const { where, params } = peopleListWhere(filters)
  return (db.prepare(`EXPLAIN QUERY PLAN SELECT p.id FROM people p WHERE ${where}`).all(params) as Array<{ detail: string }>).map((r) => r.detail)
}

describe('people list plan', () => {
  it.each([
    ['one ward', { wardId: 'w-1', includeVoided: false }],
    ['one ward and a period', { wardId: 'w-1', period: 'detox' as const, includeVoided: false }],
    ['one ward, a period and a sex', { wardId: 'w-1', period: 'education' as const, sex: 'F' as const, includeVoided: false }],
  ])('%s: searches the people_ward index, no scan of people', (_name, filters) => {
    const details = planOf(filters)
    expect(details.some((d) => /SEARCH p USING (COVERING )?INDEX people_ward/.test(d)), details.join(' | ')).toBe(true)
    expect(details.some((d) => /^SCAN p\b/.test(d)), details.join(' | ')).toBe(false)
  })

  it('binds only the filters present', () => {
    expect(peopleListWhere({ includeVoided: true })).toEqual({ where: '1', params: {} })
    expect(peopleListWhere({ wardId: 'w-1', includeVoided: false })).toEqual({
      where: 'p.voided_at IS NULL AND p.ward_id = @wardId',
      params: { wardId: 'w-1' },
    })
  })
})
