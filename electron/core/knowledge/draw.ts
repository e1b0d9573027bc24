/**
 * Drawing a paper from the bank by tag and count: random but reproducible. The candidates of each tag are the active
 * live items carrying it, in id order, less those already drawn for an earlier tag (an item with two tags is drawn
 * once); a Fisher–Yates shuffle driven by a seeded generator (mulberry32) picks the count. The same bank and seed give
 * the same paper; the seed is stored with the paper.
 */
import { mulberry32 } from '../demo/random'

export type DrawOutcome = { ok: true; itemIds: string[] } | { ok: false; index: number; tag: string; available: number; asked: number }

export function drawItems(draws: ReadonlyArray<{ tag: string; count: number }>, candidatesOf: (tag: string) => readonly string[], seed: number): DrawOutcome {
  const random = mulberry32(seed)
  const taken = new Set<string>()
  const out: string[] = []
  for (const [index, draw] of draws.entries()) {
    const pool = [...candidatesOf(draw.tag)].sort().filter((id) => !taken.has(id))
    if (pool.length < draw.count) return { ok: false, index, tag: draw.tag, available: pool.length, asked: draw.count }
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
    }
    for (const id of pool.slice(0, draw.count)) {
      taken.add(id)
      out.push(id)
    }
  }
  return { ok: true, itemIds: out }
}
