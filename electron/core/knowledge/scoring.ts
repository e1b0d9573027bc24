/**
 * The rules of knowledge-test scoring, pure so the tests can hold them to a table:
 * - single choice is right iff exactly one key is chosen and it is the answer;
 * - multiple choice is right iff the chosen set equals the answer set (all or nothing: a subset or a superset scores
 *   nothing, the usual rule for 多选题 without partial credit; partial credit is not offered);
 * - score = points of the items answered right ÷ all the paper's points × 100, rounded half up to one decimal, so every
 *   paper is out of 100 whatever its size (items carry integer points, 1 each unless set);
 * - passed = score ≥ pass mark.
 */
import { OPTION_KEYS, type ItemKind, type OptionKey } from '../../shared/contract/knowledge'

export function isCorrect(kind: ItemKind, chosen: readonly string[], answer: readonly string[]): boolean {
  const picked = new Set(chosen)
  if (picked.size !== chosen.length) return false
  if (kind === 'single') return chosen.length === 1 && answer.length === 1 && chosen[0] === answer[0]
  return picked.size === answer.length && answer.every((k) => picked.has(k))
}

/** Percentage of the points earned, one decimal (integer arithmetic, then half up). */
export function scorePercent(items: ReadonlyArray<{ points: number; correct: boolean }>): number {
  const total = items.reduce((s, i) => s + i.points, 0)
  if (total === 0) return 0
  const earned = items.reduce((s, i) => s + (i.correct ? i.points : 0), 0)
  return Math.round((1000 * earned) / total) / 10
}

export const isPassed = (score: number, passMark: number): boolean => score >= passMark

export type TypedAnswer = { ok: true; chosen: OptionKey[] } | { ok: false; key: string; params?: Record<string, string | number> }

/**
 * One item's answer as staff type it from a paper sheet: option letters in any order and case ("bd", "DB"), spaces
 * and commas ignored, "" for blank. A letter outside the item's options, a repeated letter, or several letters on a
 * single-choice item is refused (the sheet was misread), never dropped.
 */
export function parseTypedAnswer(raw: string, kind: ItemKind, optionCount: number): TypedAnswer {
  const letters = raw.toUpperCase().replace(/[\s,，、]/g, '')
  const last = OPTION_KEYS[optionCount - 1]!
  const chosen: OptionKey[] = []
  for (const letter of letters) {
    const index = (OPTION_KEYS as readonly string[]).indexOf(letter)
    if (index < 0 || index >= optionCount) return { ok: false, key: 'knowledge.typed_outside', params: { found: letter, last } }
    if (chosen.includes(letter as OptionKey)) return { ok: false, key: 'knowledge.typed_duplicate', params: { found: letter } }
    chosen.push(letter as OptionKey)
  }
  if (kind === 'single' && chosen.length > 1) return { ok: false, key: 'knowledge.typed_single' }
  return { ok: true, chosen: chosen.sort() }
}

/** Chosen keys as one string in key order ("AC"), for counting and display. */
export const choiceString = (chosen: readonly string[]): string => [...chosen].sort().join('')

/** A name as the kiosk shows it: the surname (first character) and the given name masked (张**). */
export function maskedName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return name
  return chars[0] + '*'.repeat(chars.length - 1)
}
