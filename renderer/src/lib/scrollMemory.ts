/*
 * Scroll positions of long lists, per history entry (react-router's location.key), kept in sessionStorage: Back from a
 * file lands on the rows the user left, even after the list's page was unmounted. Only the latest few entries are kept.
 */

const STORAGE_KEY = 'xinsheng.listScroll'
const KEEP = 30

type Positions = Array<[key: string, top: number]>

function read(): Positions {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed) ? (parsed as Positions) : []
  } catch {
    return []
  }
}

/** Pure: the kept positions after saving `top` under `key` (latest last, at most `keep`). */
export function withPosition(positions: Positions, key: string, top: number, keep = KEEP): Positions {
  const others = positions.filter(([k]) => k !== key)
  return [...others, [key, Math.max(0, Math.round(top))] as [string, number]].slice(-keep)
}

export function saveScroll(key: string, top: number): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(withPosition(read(), key, top)))
  } catch {
    // Storage full or unavailable: Back then starts at the top, nothing worse.
  }
}

export function restoredScroll(key: string): number | null {
  return read().find(([k]) => k === key)?.[1] ?? null
}
