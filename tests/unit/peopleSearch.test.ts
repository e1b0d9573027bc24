/**
 * Search and the all-people list at facility size (issue 9): ranking (exact, then starting with the query, then a
 * fragment; people in the wards before past files; then pinyin), one- and two-character Chinese queries, ID digits,
 * the stay filter and totals counted only when asked. Past files have no ward (release is recorded by a later
 * capability; here the ward is cleared in SQL, as the release will do).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'
import { searchTermOf } from '../../electron/core/people/peopleSearchQueries'
import { call, makeWorld, ok, personInput, type World } from './helpers'

/** A valid ID number for a birth date and sex (region 110101, sequence chosen by `n`). */
function idFor(birthDate: string, sex: 'M' | 'F', n: number): string {
  const seq = String(n * 2 + (sex === 'M' ? 1 : 0)).padStart(3, '0')
  const body = `110101${birthDate.replaceAll('-', '')}${seq}`
  return body + checkCharacterFor(body)
}

let w: World
const ids: Record<string, string> = {}
const PEOPLE: Array<[key: string, name: string, birth: string, past: boolean]> = [
  ['zhangweiNow', '张伟', '1985-04-02', false],
  ['zhangweiPast', '张伟', '1979-01-15', true],
  ['zhangweiqiang', '张伟强', '1990-08-20', false],
  ['lizhangwei', '李张伟', '1988-12-01', false],
  ['wangxiaozhang', '王小张', '1985-06-30', true],
  ['zhaosi', '赵四', '1992-02-29', false],
  ['zhangsanPast', '张三', '1975-11-11', true],
  // 安 sorts after 伟 by code point but zhangan before zhangwei by pinyin: the order must be the pinyin's.
  ['zhangan', '张安', '1983-03-03', false],
]

beforeAll(() => {
  w = makeWorld()
  const admin = w.sessions.admin!
  PEOPLE.forEach(([key, name, birth], n) => {
    ids[key] = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name, birthDate: birth, idNumber: idFor(birth, 'M', n) }), admin)).id
  })
  const release = w.db.prepare('UPDATE people SET ward_id = NULL WHERE id = ?')
  for (const [key, , , past] of PEOPLE) if (past) release.run(ids[key])
})
afterAll(() => w.close())

const search = (q: string, limit = 10) => ok(call(w.dispatch, 'people:search', { q, limit }, w.sessions.admin!)).map((r) => r.id)
const keys = (...k: string[]) => k.map((key) => ids[key])

describe('people:search ranking', () => {
  it.each([
    ['张伟', ['zhangweiNow', 'zhangweiPast', 'zhangweiqiang', 'lizhangwei'], 'exact (ward, then past), prefix, fragment'],
    ['张', ['zhangan', 'zhangweiNow', 'zhangweiqiang', 'zhangsanPast', 'zhangweiPast', 'lizhangwei', 'wangxiaozhang'], 'one character: names starting with it (ward first, by pinyin), then containing it'],
    ['伟', ['lizhangwei', 'zhangweiNow', 'zhangweiqiang', 'zhangweiPast'], 'a given-name character: fragments only'],
    ['zs', ['zhaosi', 'zhangsanPast'], 'initials, ward first'],
    ['zhangwei', ['zhangweiNow', 'zhangweiPast', 'zhangweiqiang'], 'full pinyin exact before pinyin prefix'],
    ['Zhang Wei', ['zhangweiNow', 'zhangweiPast', 'zhangweiqiang'], 'pinyin typed with capitals and a space'],
    ['19850402', ['zhangweiNow'], 'a birth date inside the ID number'],
    ['1985', ['zhangweiNow', 'wangxiaozhang'], 'ID digits: the ward file before the past one'],
  ])('%s: %s', (q, expected, _why) => {
    expect(search(q)).toEqual(keys(...expected))
  })

  it('matches a whole ID number, and its last characters', () => {
    const id = idFor('1992-02-29', 'M', 5)
    expect(search(id)).toEqual(keys('zhaosi'))
    expect(search(id.slice(-6).toLowerCase())).toEqual(keys('zhaosi'))
  })

  it('stops at the limit with the best matches', () => {
    expect(search('张', 4)).toEqual(keys('zhangan', 'zhangweiNow', 'zhangweiqiang', 'zhangsanPast'))
    expect(search('张伟', 1)).toEqual(keys('zhangweiNow'))
  })

  it('finds nothing for fewer than 3 digits or no match, and never a voided file', () => {
    expect(search('19')).toEqual([])
    expect(search('钱')).toEqual([])
    ok(call(w.dispatch, 'people:void', { id: ids.zhaosi!, reason: '重复建档' }, w.sessions.admin!))
    expect(search('zs')).toEqual(keys('zhangsanPast'))
    expect(search('赵四')).toEqual([])
  })

  it('follows a rename at once', () => {
    const p = ok(call(w.dispatch, 'people:get', { id: ids.lizhangwei! }, w.sessions.admin!))
    ok(call(w.dispatch, 'people:update', { ...personInput(w.wards.a, { name: '李章伟', birthDate: '1988-12-01', idNumber: idFor('1988-12-01', 'M', 3) }), id: p.id, revision: p.revision }, w.sessions.admin!))
    expect(search('李章伟')).toEqual(keys('lizhangwei'))
    expect(search('张伟')).not.toContain(ids.lizhangwei)
  })
})

describe('searchTermOf', () => {
  it.each([
    ['张', '张'],
    [' zhang san ', 'zhangsan'],
    ["xi'an", 'xian'],
    ['ZS', 'zs'],
    ['123', '123'],
    ['12', null],
    ['00x', '00X'],
    ['   ', null],
    ['张3', '张3'],
  ])('%j → %j', (q, term) => {
    expect(searchTermOf(q)).toBe(term)
  })
})

describe('people:list over current and past files', () => {
  const list = (input: Parameters<typeof call<'people:list'>>[2]) => ok(call(w.dispatch, 'people:list', input, w.sessions.admin!))

  it.each([
    ['current', ['zhangweiNow', 'zhangweiqiang', 'lizhangwei', 'zhangan']],
    ['past', ['zhangsanPast', 'zhangweiPast', 'wangxiaozhang']],
  ] as const)('stay %s', (stay, expected) => {
    const page = list({ stay })
    expect(page.rows.map((r) => r.id).sort()).toEqual(keys(...expected).sort())
    expect(page.total).toBe(expected.length)
  })

  it('past files raise no term warning (their stay has ended), files in a ward do', () => {
    const rows = list({ stay: 'all', limit: 50 }).rows
    expect(rows.filter((r) => r.wardId === null).every((r) => r.termWarning === null)).toBe(true)
    // personInput's decision date 2026-03-01 puts every last day in 2028: no warning either way today.
    w.db.prepare("UPDATE people SET last_day = '2026-11-01'").run()
    const after = list({ stay: 'all', limit: 50 }).rows
    expect(after.filter((r) => r.wardId !== null).every((r) => r.termWarning?.kind === 'expired')).toBe(true)
    expect(after.filter((r) => r.wardId === null).every((r) => r.termWarning === null)).toBe(true)
  })

  it('all files by name, in pages whose total is counted only when asked', () => {
    const first = list({ stay: 'all', limit: 2 })
    expect(first.total).toBe(7)
    const second = list({ stay: 'all', limit: 2, offset: 2, withTotal: false })
    expect(second.total).toBeNull()
    const whole = list({ stay: 'all', limit: 50 })
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(whole.rows.slice(0, 4).map((r) => r.id))
    expect(whole.rows.map((r) => r.name)).toEqual([...whole.rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN-u-co-pinyin')))
  })

  it('a text filter over every live file, or within a ward', () => {
    expect(list({ q: '张', stay: 'past' }).rows.map((r) => r.id).sort()).toEqual(keys('zhangsanPast', 'zhangweiPast', 'wangxiaozhang').sort())
    expect(list({ q: 'zw', wardId: w.wards.a }).rows.map((r) => r.id).sort()).toEqual(keys('zhangweiNow', 'zhangweiqiang').sort())
    // By pinyin, not by code point (李张伟 was renamed 李章伟 above).
    expect(list({ q: '张', stay: 'current' }).rows.map((r) => r.name)).toEqual(['张安', '张伟', '张伟强'])
    expect(list({ q: '19', stay: 'all' }).rows).toEqual([])
    expect(list({ wardId: w.wards.a, stay: 'past' }).rows).toEqual([])
  })

  it.each(['name', 'period', 'daysInPeriod', 'daysToLastDay', 'decisionDate'] as const)('sorted by %s both ways: one order reversed', (sort) => {
    const asc = list({ stay: 'current', sort, dir: 'asc' }).rows.map((r) => r.id)
    const desc = list({ stay: 'current', sort, dir: 'desc' }).rows.map((r) => r.id)
    expect(desc).toEqual([...asc].reverse())
  })
})
