/**
 * Issue 9 item 5: the pure logic behind the virtualised people list (renderer/src/lib/listBlocks.ts,
 * lib/scrollPositions.ts). The stay filter's URL handling is covered in Chromium (tests/e2e/peopleList.spec.ts).
 */
import { describe, expect, it } from 'vitest'
import { BLOCK_SIZE, blockOf, blockPage, blocksInView, nextFocusIndex, rowSlot } from '../../renderer/src/lib/listBlocks'
import { withPosition } from '../../renderer/src/lib/scrollPositions'

describe('list blocks', () => {
  it('a row belongs to the block of its hundred', () => {
    expect(BLOCK_SIZE).toBe(100)
    expect([0, 99, 100, 26_499, 52_999].map((i) => blockOf(i))).toEqual([0, 0, 1, 264, 529])
    expect(rowSlot(26_512)).toEqual({ block: 265, at: 12 })
    expect(rowSlot(7, 5)).toEqual({ block: 1, at: 2 })
  })

  it('only the first block counts the list', () => {
    expect(blockPage(0)).toEqual({ offset: 0, limit: 100, withTotal: true })
    expect(blockPage(265)).toEqual({ offset: 26_500, limit: 100, withTotal: false })
  })

  it('asks for the first block until the total is known, then for the blocks in view and always the first', () => {
    expect(blocksInView(26_480, 26_530, null)).toEqual([0])
    expect(blocksInView(0, 30, 53_000)).toEqual([0])
    expect(blocksInView(90, 130, 53_000)).toEqual([0, 1])
    expect(blocksInView(26_480, 26_530, 53_000)).toEqual([0, 264, 265])
  })

  it('never asks for a block past the end of the list, nor for an empty list', () => {
    expect(blocksInView(52_980, 53_050, 53_000)).toEqual([0, 529])
    expect(blocksInView(140, 170, 150)).toEqual([0, 1])
    expect(blocksInView(0, 0, 0)).toEqual([0])
    // A range left from a longer list (the filters changed): clamped to the new list's last block.
    expect(blocksInView(40_000, 40_030, 250)).toEqual([0, 2])
  })
})

describe('keyboard moves in a long list', () => {
  it('arrows move by one row, page keys by a screen less one row, Home and End to the ends, within the list', () => {
    expect(nextFocusIndex('ArrowDown', 5, 53_000, 20)).toBe(6)
    expect(nextFocusIndex('ArrowUp', 0, 53_000, 20)).toBe(0)
    expect(nextFocusIndex('ArrowDown', 52_999, 53_000, 20)).toBe(52_999)
    expect(nextFocusIndex('PageDown', 5, 53_000, 20)).toBe(24)
    expect(nextFocusIndex('PageUp', 10, 53_000, 20)).toBe(0)
    expect(nextFocusIndex('Home', 400, 53_000, 20)).toBe(0)
    expect(nextFocusIndex('End', 4, 53_000, 20)).toBe(52_999)
    expect(nextFocusIndex('PageDown', 5, 53_000, 1)).toBe(6)
  })

  it('leaves other keys to the page, and does nothing in an empty list', () => {
    expect(nextFocusIndex('Enter', 5, 100, 20)).toBeNull()
    expect(nextFocusIndex('a', 5, 100, 20)).toBeNull()
    expect(nextFocusIndex('ArrowDown', 0, 0, 20)).toBeNull()
  })
})

describe('scroll positions per history entry', () => {
  it('keeps the latest position of each entry, newest last, at most `keep` entries', () => {
    let kept = withPosition([], 'a', 120.6)
    kept = withPosition(kept, 'b', 40_000)
    kept = withPosition(kept, 'a', 300)
    expect(kept).toEqual([
      ['b', 40_000],
      ['a', 300],
    ])
    expect(withPosition(kept, 'c', -5, 2)).toEqual([
      ['a', 300],
      ['c', 0],
    ])
  })
})
