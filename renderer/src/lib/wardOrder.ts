const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

/** The leading number of a name written in Chinese (一…九十九) or Arabic digits, e.g. 十二大队 → 12; null if none. */
export function leadingNumber(name: string): number | null {
  const arabic = /^\d+/.exec(name)
  if (arabic) return Number(arabic[0])
  const m = /^[零〇一二两三四五六七八九十]+/.exec(name)
  if (!m) return null
  const s = m[0]
  const ten = s.indexOf('十')
  if (ten < 0) return s.length === 1 ? (DIGITS[s] ?? null) : Number([...s].map((c) => DIGITS[c] ?? 0).join(''))
  const tens = ten === 0 ? 1 : (DIGITS[s[ten - 1] ?? ''] ?? 1)
  const units = DIGITS[s[ten + 1] ?? ''] ?? 0
  return tens * 10 + units
}

/** 一大队, 二大队 … 十大队 in numeric order; other names after them, in Chinese collation. */
export function compareWardNames(a: string, b: string): number {
  const na = leadingNumber(a)
  const nb = leadingNumber(b)
  if (na !== null && nb !== null && na !== nb) return na - nb
  if (na !== null && nb === null) return -1
  if (na === null && nb !== null) return 1
  return a.localeCompare(b, 'zh-CN')
}
