/**
 * Chinese numerals as facility staff write ward and group numbers (一大队 … 十大队, 十一大队, 二十大队, 一百零一大队).
 * Pure: used by the demo generator and anywhere a number is spelled for people rather than machines.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const
/** Place names for thousands, hundreds, tens and units, highest first. */
const PLACES = [
  { value: 1000, name: '千' },
  { value: 100, name: '百' },
  { value: 10, name: '十' },
  { value: 1, name: '' },
] as const

export const MAX_CHINESE_NUMERAL = 9999

/**
 * Spells a whole number from 1 to 9,999 in Chinese numerals: 10 → 十 and 11–19 → 十一 … 十九 (the leading 一 is dropped
 * only when ten is the highest place), 20 → 二十, 100 → 一百, 101 → 一百零一 (one 零 stands for any run of empty places
 * between non-zero ones), 110 → 一百一十.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`chineseNumeral takes a whole number from 1 to ${MAX_CHINESE_NUMERAL}, got ${n}`)
  }
  let out = ''
  let pendingZero = false
  for (const place of PLACES) {
    const digit = Math.floor(n / place.value) % 10
    if (digit === 0) {
      // A gap only needs a 零 if something has been written before it; trailing gaps are silent (一百, not 一百零).
      if (out !== '') pendingZero = true
      continue
    }
    if (pendingZero) out += DIGITS[0]
    pendingZero = false
    const tenAtTheFront = place.value === 10 && digit === 1 && out === ''
    out += (tenAtTheFront ? '' : DIGITS[digit]) + place.name
  }
  return out
}

/** The name of the n-th ward (1-based) as the demo facility and new facilities name them: 一大队, 十一大队, … */
export function wardNameFor(n: number): string {
  return `${chineseNumeral(n)}大队`
}
