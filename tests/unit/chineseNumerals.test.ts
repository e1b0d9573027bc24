/** Ward numbers spelled in Chinese numerals, checked on both sides of every place boundary. */
import { describe, expect, it } from 'vitest'
import { chineseNumeral, MAX_CHINESE_NUMERAL, wardNameFor } from '../../electron/shared/domain/chineseNumerals'

const CASES: Array<[number, string]> = [
  [1, '一'],
  [2, '二'],
  [9, '九'],
  [10, '十'],
  [11, '十一'],
  [19, '十九'],
  [20, '二十'],
  [21, '二十一'],
  [28, '二十八'],
  [30, '三十'],
  [99, '九十九'],
  [100, '一百'],
  [101, '一百零一'],
  [109, '一百零九'],
  [110, '一百一十'],
  [111, '一百一十一'],
  [119, '一百一十九'],
  [120, '一百二十'],
  [199, '一百九十九'],
  [200, '二百'],
  [999, '九百九十九'],
  [1000, '一千'],
  [1001, '一千零一'],
  [1010, '一千零一十'],
  [1100, '一千一百'],
  [1101, '一千一百零一'],
  [9999, '九千九百九十九'],
]

describe('chineseNumeral', () => {
  it.each(CASES)('spells %i as %s', (n, expected) => {
    expect(chineseNumeral(n)).toBe(expected)
  })

  it.each([0, -1, 1.5, MAX_CHINESE_NUMERAL + 1, Number.NaN])('refuses %s instead of writing something wrong', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError)
  })

  it('never writes an Arabic digit for 1…9999', () => {
    for (let n = 1; n <= MAX_CHINESE_NUMERAL; n++) expect(chineseNumeral(n)).not.toMatch(/[0-9]/)
  })
})

describe('wardNameFor', () => {
  it('names the tenth and eleventh wards 十大队 and 十一大队', () => {
    expect(wardNameFor(10)).toBe('十大队')
    expect(wardNameFor(11)).toBe('十一大队')
  })
})
