/**
 * The mark `npm run bench:ui` reads for the ward day screen (tests/bench/ui.ts): placed when the screen's items are on
 * screen, measured in the page's own timeline (as lib/perfMarks.ts does for the rosters).
 */
export const WARD_DAY_RENDERED = 'xinsheng:ward-day-rendered'

export function markWardDayRendered(wardId: string, items: number): void {
  if (typeof performance.mark !== 'function') return
  performance.mark(WARD_DAY_RENDERED, { detail: { wardId, items } })
}
