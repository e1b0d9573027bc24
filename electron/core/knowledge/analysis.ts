/**
 * Item analysis of a paper (classical test theory), pure:
 * - difficulty p: the share of sittings answering the item right;
 * - discrimination D = p(upper group) − p(lower group), the groups being the top and bottom 27 % of sittings by total
 *   score (round(0.27 n), at least 1; ties ordered by when submitted), null with fewer than 2 sittings;
 * - the wrong choice made most often (blank not counted as a choice; ties: the first in key order).
 * With fewer than ANALYSIS_MIN_SITTINGS sittings the figures are shown but marked unreliable.
 */
import { ANALYSIS_MIN_SITTINGS, type ItemAnalysisRow, type ItemKind, type OptionKey } from '../../shared/contract/knowledge'
import { choiceString } from './scoring'

export interface AnalysedItem {
  position: number
  itemId: string
  stem: string
  kind: ItemKind
  answer: OptionKey[]
}

export interface AnalysedSitting {
  score: number
  /** position → the answer given */
  answers: ReadonlyMap<number, { chosen: readonly string[]; correct: boolean }>
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

export const groupSizeFor = (n: number): number => (n < 2 ? 0 : Math.max(1, Math.round(0.27 * n)))

/** The sittings in the order they are given (by submission), ranked by score, highest first (a stable sort). */
export function analyseItems(items: readonly AnalysedItem[], sittings: readonly AnalysedSitting[]) {
  const n = sittings.length
  const k = groupSizeFor(n)
  const ranked = [...sittings].sort((a, b) => b.score - a.score)
  const upper = ranked.slice(0, k)
  const lower = ranked.slice(n - k)
  const share = (group: readonly AnalysedSitting[], position: number) =>
    group.length === 0 ? 0 : group.filter((s) => s.answers.get(position)?.correct === true).length / group.length
  const rows: ItemAnalysisRow[] = items.map((item) => {
    const wrong = new Map<string, number>()
    let blank = 0
    for (const s of sittings) {
      const a = s.answers.get(item.position)
      if (!a || a.chosen.length === 0) blank++
      else if (!a.correct) wrong.set(choiceString(a.chosen), (wrong.get(choiceString(a.chosen)) ?? 0) + 1)
    }
    const common = [...wrong.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]
    return {
      ...item,
      p: n === 0 ? 0 : round3(share(sittings, item.position)),
      discrimination: k === 0 ? null : round3(share(upper, item.position) - share(lower, item.position)),
      commonWrong: common ? { chosen: common[0], count: common[1] } : null,
      blank,
    }
  })
  const meanScore = n === 0 ? null : Math.round((10 * sittings.reduce((s, x) => s + x.score, 0)) / n) / 10
  return { sittings: n, groupSize: k, reliable: n >= ANALYSIS_MIN_SITTINGS, meanScore, items: rows }
}
