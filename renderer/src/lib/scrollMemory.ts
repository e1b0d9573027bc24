/*
 * Scroll positions of long lists, per history entry (react-router's location.key), kept in sessionStorage: Back from a
 * file lands on the rows the user left, even after the list's page was unmounted. Only the latest few entries are kept.
 */

import { withPosition, type Positions } from './scrollPositions'

const STORAGE_KEY = 'xinsheng.listScroll'

function read(): Positions {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed) ? (parsed as Positions) : []
  } catch {
    return []
  }
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
