/*
 * Block arithmetic for long server-paged lists shown in a virtualised table: the rows are fetched in fixed blocks (one
 * query per block), and the rows in view decide which blocks are asked for. Pure, so it is unit-tested on its own
 * (tests/unit/renderer-listBlocks.test.ts).
 */

/** Rows per fetched block: about three screens of rows, a few milliseconds of core work, a few kilobytes of JSON. */
export const BLOCK_SIZE = 100

/** The block holding row `index`. */
export const blockOf = (index: number, size = BLOCK_SIZE): number => Math.floor(Math.max(0, index) / size)

/**
 * The blocks needed to show rows `first`…`last` (inclusive), in order. The first block is always included: it carries
 * the list's total, without which the table cannot size itself. `total` null (not known yet) means only that block.
 */
export function blocksInView(first: number, last: number, total: number | null, size = BLOCK_SIZE): number[] {
  if (total === null || total <= 0) return [0]
  const lastRow = Math.min(Math.max(first, last), total - 1)
  const from = blockOf(Math.min(first, lastRow), size)
  const to = blockOf(lastRow, size)
  const blocks = from === 0 ? [] : [0]
  for (let b = from; b <= to; b++) blocks.push(b)
  return blocks
}

/** Where row `index` sits: its block and its position in that block. */
export const rowSlot = (index: number, size = BLOCK_SIZE): { block: number; at: number } => ({ block: blockOf(index, size), at: index - blockOf(index, size) * size })

/** The `offset`, `limit` and `withTotal` of the request for one block: only the first block counts the list. */
export const blockPage = (block: number, size = BLOCK_SIZE) => ({ offset: block * size, limit: size, withTotal: block === 0 })

/**
 * The row to move keyboard focus to from `from` on `key`, or null for a key the list does not handle. `pageRows` is
 * how many rows one screen holds (Page Up / Page Down).
 */
export function nextFocusIndex(key: string, from: number, count: number, pageRows: number): number | null {
  if (count <= 0) return null
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i))
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1)
    case 'ArrowUp':
      return clamp(from - 1)
    case 'PageDown':
      return clamp(from + Math.max(1, pageRows - 1))
    case 'PageUp':
      return clamp(from - Math.max(1, pageRows - 1))
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}
