/**
 * Issue 11: the keyboard moves and paste placement of the fitness test-day grid (renderer/src/features/fitness/grid/
 * gridNav.ts). Grey cells (not applicable, exempt) are skipped by every move and never receive a pasted value.
 */
import { describe, expect, it } from 'vitest'
import { firstEditable, moveFrom, parseClipboard, pasteBlock, type GridShape } from '../../renderer/src/features/fitness/grid/gridNav'

// 3 rows × 4 columns; row 1 (a woman) has no column 2 (push-ups); row 2 is exempt from column 0 (the step test).
const locked = new Set(['1:2', '2:0'])
const shape: GridShape = { rows: 3, cols: 4, editable: (r, c) => !locked.has(`${r}:${c}`) }

describe('fitness grid moves', () => {
  it('Enter and the arrows go down and up a column, skipping grey cells', () => {
    expect(moveFrom(shape, { row: 0, col: 2 }, 'down')).toEqual({ row: 2, col: 2 })
    expect(moveFrom(shape, { row: 2, col: 2 }, 'up')).toEqual({ row: 0, col: 2 })
    expect(moveFrom(shape, { row: 1, col: 0 }, 'down')).toBeNull()
    expect(moveFrom(shape, { row: 0, col: 0 }, 'up')).toBeNull()
  })

  it('left and right stay in the row', () => {
    expect(moveFrom(shape, { row: 1, col: 1 }, 'right')).toEqual({ row: 1, col: 3 })
    expect(moveFrom(shape, { row: 1, col: 3 }, 'left')).toEqual({ row: 1, col: 1 })
    expect(moveFrom(shape, { row: 0, col: 3 }, 'right')).toBeNull()
  })

  it('Tab reads on to the next row and stops after the last cell', () => {
    expect(moveFrom(shape, { row: 0, col: 3 }, 'next')).toEqual({ row: 1, col: 0 })
    expect(moveFrom(shape, { row: 1, col: 3 }, 'next')).toEqual({ row: 2, col: 1 })
    expect(moveFrom(shape, { row: 2, col: 3 }, 'next')).toBeNull()
    expect(moveFrom(shape, { row: 2, col: 1 }, 'prev')).toEqual({ row: 1, col: 3 })
    expect(firstEditable({ rows: 1, cols: 2, editable: (_r, c) => c === 1 })).toEqual({ row: 0, col: 1 })
    expect(firstEditable({ rows: 0, cols: 2, editable: () => true })).toBeNull()
  })
})

describe('pasting from Excel', () => {
  it('a copied column or block is tab- and newline-separated; a lone value is typed text', () => {
    expect(parseClipboard('3200\r\n2900\r\n')).toEqual([['3200'], ['2900']])
    expect(parseClipboard('1\t2\n3\t4')).toEqual([['1', '2'], ['3', '4']])
    expect(parseClipboard('3200')).toBeNull()
  })

  it('lands cell for cell from the focused cell; values on grey cells or past the edge are counted, not placed', () => {
    const result = pasteBlock(shape, { row: 0, col: 2 }, [['20', '5'], ['18', '6'], ['15', ''], ['9', '9']])
    expect(result.writes).toEqual([
      { row: 0, col: 2, text: '20' },
      { row: 0, col: 3, text: '5' },
      { row: 1, col: 3, text: '6' },
      { row: 2, col: 2, text: '15' },
    ])
    expect(result.onLockedCells).toBe(1)
    expect(result.outside).toBe(2)
  })
})
