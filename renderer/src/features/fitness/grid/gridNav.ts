/**
 * Where the keyboard goes in the test-day grid, and where a pasted block lands. Pure (no DOM), so the moves are the
 * same whether the grid renders every row or only those in view.
 *
 * Cells that cannot take a value (an item the person is not tested on, an exempt step test) are skipped by every move:
 * the trainer never has to step over a grey cell.
 */

export interface CellAt {
  row: number
  col: number
}

export interface GridShape {
  rows: number
  cols: number
  /** Whether the cell takes a value (not "not applicable", not exempt). */
  editable: (row: number, col: number) => boolean
}

/** up/down/left/right are the arrows (and Enter = down); next/prev are Tab and Shift+Tab, which wrap to the next row. */
export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev'

/** The cell a move reaches, or null when there is none that way (the focus stays, or Tab leaves the grid). */
export function moveFrom(shape: GridShape, at: CellAt, move: Move): CellAt | null {
  switch (move) {
    case 'down':
      for (let row = at.row + 1; row < shape.rows; row++) if (shape.editable(row, at.col)) return { row, col: at.col }
      return null
    case 'up':
      for (let row = at.row - 1; row >= 0; row--) if (shape.editable(row, at.col)) return { row, col: at.col }
      return null
    case 'right':
      for (let col = at.col + 1; col < shape.cols; col++) if (shape.editable(at.row, col)) return { row: at.row, col }
      return null
    case 'left':
      for (let col = at.col - 1; col >= 0; col--) if (shape.editable(at.row, col)) return { row: at.row, col }
      return null
    case 'next':
      for (let index = at.row * shape.cols + at.col + 1; index < shape.rows * shape.cols; index++) {
        const row = Math.floor(index / shape.cols)
        const col = index % shape.cols
        if (shape.editable(row, col)) return { row, col }
      }
      return null
    case 'prev':
      for (let index = at.row * shape.cols + at.col - 1; index >= 0; index--) {
        const row = Math.floor(index / shape.cols)
        const col = index % shape.cols
        if (shape.editable(row, col)) return { row, col }
      }
      return null
  }
}

/** The first cell that takes a value (reading order), or null for a grid with none. */
export function firstEditable(shape: GridShape): CellAt | null {
  return shape.rows > 0 && shape.cols > 0 && shape.editable(0, 0) ? { row: 0, col: 0 } : moveFrom(shape, { row: 0, col: -1 }, 'next')
}

/**
 * Cells copied from Excel (or any spreadsheet): rows separated by newlines, cells by tabs. The trailing newline Excel
 * adds is not an extra row. A single value without tab or newline is not a block (the input takes it as typed text).
 */
export function parseClipboard(text: string): string[][] | null {
  if (!/[\t\r\n]/.test(text)) return null
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()))
}

export interface PasteResult {
  /** The cells the block fills, each with its text. */
  writes: Array<CellAt & { text: string }>
  /** Non-empty pasted values that fell on a cell that takes none (not applicable, exempt): dropped, and said so. */
  onLockedCells: number
  /** Non-empty pasted values beyond the grid's last row or column: dropped, and said so. */
  outside: number
}

/**
 * Lays a pasted block over the grid from the focused cell, cell for cell as it was in Excel: row i of the block on the
 * i-th row below, column j on the j-th column to the right, locked cells included (a copied column lines up with the
 * roster only if the women's empty push-up cells count as rows). An empty pasted cell leaves the cell as it is.
 */
export function pasteBlock(shape: GridShape, at: CellAt, block: string[][]): PasteResult {
  const result: PasteResult = { writes: [], onLockedCells: 0, outside: 0 }
  block.forEach((cells, i) => {
    cells.forEach((text, j) => {
      if (text === '') return
      const row = at.row + i
      const col = at.col + j
      if (row >= shape.rows || col >= shape.cols) result.outside++
      else if (!shape.editable(row, col)) result.onLockedCells++
      else result.writes.push({ row, col, text })
    })
  })
  return result
}
