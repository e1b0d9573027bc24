/**
 * The benchmark facility's seeded randomness: mulberry32 as the demo generator uses it, plus what the bench needs on
 * top (weighted draws, seeded UUIDs), so one seed always gives the same facility.
 */
import { mulberry32 } from '../../../electron/core/demo/random'

export interface Random {
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(p: number): boolean
  /** A version-4 UUID from the seeded stream (row ids are part of the content, so they are seeded too). */
  uuid(): string
}

export function seededRandom(seed: number): Random {
  const next = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const hex = (n: number) => Math.floor(next() * 16 ** n).toString(16).padStart(n, '0')
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(0, 3)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`,
  }
}

/** Draws from `items` in proportion to `weight` (a cumulative table and a binary search: O(log n) a draw). */
export function weightedPicker<T>(items: ReadonlyArray<readonly [T, number]>): (r: Random) => T {
  const cumulative: number[] = []
  let total = 0
  for (const [, weight] of items) cumulative.push((total += weight))
  return (r) => {
    const x = r.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return items[lo]![0]
  }
}
