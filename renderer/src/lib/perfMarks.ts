/*
 * Performance marks the app places for `npm run bench:ui` (tests/bench/ui.ts reads them back with
 * performance.getEntriesByName): in-page timestamps measured from the navigation start, not a test runner's polling.
 * They cost one entry in the page's performance timeline each and are harmless in daily use.
 */

export const ROWS_RENDERED = 'xinsheng:rows-rendered'
export const ROSTER_RENDERED = 'xinsheng:roster-rendered'

export type RowsRendered = { list: 'roster'; wardId: string; block: number } | { list: 'people'; stay: string; block: number }

/** A block of a list's rows is on screen (committed to the DOM); a ward roster's first block also marks the roster. */
export function markRowsRendered(detail: RowsRendered): void {
  if (typeof performance.mark !== 'function') return
  performance.mark(ROWS_RENDERED, { detail })
  if (detail.list === 'roster' && detail.block === 0) performance.mark(ROSTER_RENDERED, { detail: { wardId: detail.wardId } })
}

export const CERT_ROSTER_PRINT_RENDERED = 'xinsheng:cert-roster-print-rendered'

/** The printable certificate roster (print/certificates) has every row in the DOM: the bench prints it to PDF next. */
export function markCertRosterPrinted(rows: number): void {
  if (typeof performance.mark !== 'function') return
  performance.mark(CERT_ROSTER_PRINT_RENDERED, { detail: { rows } })
}
