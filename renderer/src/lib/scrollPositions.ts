/** Scroll positions kept per history entry (lib/scrollMemory.ts), latest last. Pure, for the unit test. */
export type Positions = Array<[key: string, top: number]>

const KEEP = 30

/** The kept positions after saving `top` under `key` (latest last, at most `keep`). */
export function withPosition(positions: Positions, key: string, top: number, keep = KEEP): Positions {
  const others = positions.filter(([k]) => k !== key)
  return [...others, [key, Math.max(0, Math.round(top))] as [string, number]].slice(-keep)
}

