import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseItemTexts } from '../../electron/shared/domain/instruments/itemTexts'
import { REPO_ROOT } from './helpers'

/** The facility's licensed item texts arrive as a file; every problem is reported with its line and nothing is kept. */
describe('parseItemTexts', () => {
  it('reads numbered CSV lines with a header row, in any order, and sorts them', () => {
    const r = parseItemTexts('编号,条目文本\n2,第二条\n1,"第一条, 带逗号"\n3,第三条\n', 3)
    expect(r.errors).toEqual([])
    expect(r.mode).toBe('numbered')
    expect(r.items.map((i) => [i.number, i.zh, i.line])).toEqual([[1, '第一条, 带逗号', 3], [2, '第二条', 2], [3, '第三条', 4]])
  })

  it('reads tab-separated and full-width comma lines, and a BOM', () => {
    const r = parseItemTexts('\uFEFF1\t头痛\n2，神经过敏\r\n', 2)
    expect(r.errors).toEqual([])
    expect(r.items.map((i) => i.zh)).toEqual(['头痛', '神经过敏'])
  })

  it('reads numbering as printed on paper forms: "1. text", "1．text", "1、text" (a comma inside the text stays)', () => {
    const r = parseItemTexts('1. 头痛，头晕\n2、神经过敏, 心中不踏实\n3．头脑中有不必要的想法\n4.   字句\n', 4)
    expect(r.errors).toEqual([])
    expect(r.mode).toBe('numbered')
    expect(r.items.map((i) => [i.number, i.zh])).toEqual([
      [1, '头痛，头晕'],
      [2, '神经过敏, 心中不踏实'],
      [3, '头脑中有不必要的想法'],
      [4, '字句'],
    ])
  })

  it('reports problems in dotted numbering as in the other formats', () => {
    expect(parseItemTexts('1、甲\n1、乙', 2).errors).toEqual([{ line: 2, key: 'duplicate', params: { number: 1, first: 1 } }])
    expect(parseItemTexts('1. 甲\n2. ', 2).errors).toEqual([{ line: 2, key: 'emptyText', params: { number: 2 } }])
    expect(parseItemTexts('1. 甲\n3、乙', 2).errors).toEqual([{ line: 2, key: 'outOfRange', params: { number: 3, expected: 2 } }])
  })

  it('numbers plain lines in order', () => {
    const r = parseItemTexts('甲\n乙\n丙', 3)
    expect(r.mode).toBe('plain')
    expect(r.items.map((i) => i.number)).toEqual([1, 2, 3])
    expect(r.errors).toEqual([])
  })

  it.each([
    ['an empty file', '', 2, [{ line: null, key: 'empty' }]],
    ['an empty line inside', '1,甲\n\n2,乙', 2, [{ line: 2, key: 'emptyLine' }]],
    ['a number that is not an integer', '1,甲\n2.5,乙', 2, [{ line: 2, key: 'notInteger', params: { value: '2.5' } }]],
    ['a duplicate number', '1,甲\n1,乙', 2, [{ line: 2, key: 'duplicate', params: { number: 1, first: 1 } }]],
    ['a number out of range', '1,甲\n3,乙', 2, [{ line: 2, key: 'outOfRange', params: { number: 3, expected: 2 } }]],
    ['too few items', '1,甲', 2, [{ line: null, key: 'count', params: { expected: 2, got: 1 } }]],
    ['an empty text', '1,甲\n2,', 2, [{ line: 2, key: 'emptyText', params: { number: 2 } }]],
  ] as const)('reports %s with its line', (_what, content, expected, errors) => {
    expect(parseItemTexts(content, expected).errors).toEqual(errors)
  })
})

describe('licence notes shown to users', () => {
  const dir = join(REPO_ROOT, 'resources/instruments')
  it.each(readdirSync(dir).filter((f) => f.endsWith('.json')))('%s cites no document the users do not have', (file) => {
    const { licence } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { licence: { note: { zh: string; en: string }; itemTextsShipped: boolean } }
    for (const note of [licence.note.zh, licence.note.en]) expect(note).not.toMatch(/§|参考资料|domain reference|\[R\d/)
    // Where texts are not shipped, the note says what the facility does instead.
    if (!licence.itemTextsShipped) expect(licence.note.zh).toContain('量表条目文字须由本所从其合法授权的版本导入')
  })
})
