import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react'
import { firstEditable, moveFrom, parseClipboard, pasteBlock, type CellAt, type GridShape, type Move } from './gridNav'
import './fitnessGrid.css'

/**
 * The test-day grid: one row per person, one column per measure, each cell a native <input>.
 *
 * Why hand-written and not a grid library: every candidate in reach either draws on a canvas (glide-data-grid: no real
 * inputs, so no screen reader, no browser spell/IME handling, and Playwright cannot type into a cell), is not free for
 * commercial use (handsontable), or would need its own cell editors re-taught our skip-the-grey-cells moves and
 * in-cell messages (react-datasheet-grid). Native inputs give typing, IME, selection and paste for free; what a
 * spreadsheet adds (Enter down, Tab right, arrows, Escape, a pasted block) is the ~100 lines of gridNav.ts and the
 * key handler below.
 *
 * Focus is roving: only the active cell is in the page's tab order, so Tab from outside lands on it and Tab from the
 * last cell leaves the grid. Rows are virtualised from VIRTUAL_FROM people on (the container scrolls, head and name
 * column stick), so a 300-person ward stays as quick as a 30-person one.
 */

export interface GridColumn {
  key: string
  /** The measure's full name, for screen readers and messages (肺活量). */
  name: string
  /** Its heading under the group's (身高); empty when the group heading already names it. */
  label: string
  unit: string
  /** Columns of one item share a group heading (台阶试验 over duration and the three pulses). */
  group: string
  groupLabel: string
  /** The group's full name, shown on hover (the heading may be short or cut). */
  groupTitle?: string
  width: number
}

export type CellState =
  | { kind: 'input' }
  | { kind: 'na'; title: string }
  | { kind: 'exempt'; label: string; title: string }
  /** Already saved: the value is shown, not edited here (a saved test is changed from the person's file, by revision). */
  | { kind: 'locked'; title: string }

export interface GridRowSpec {
  key: string
  /** The row's head (name, ID tail, sex and age); also names the row's inputs for screen readers. */
  name: string
  head: ReactNode
  cell: (column: string) => CellState
}

/** What the page derives from a row's values: messages, hints and the live grading cells. */
export interface RowView {
  /** A problem with a typed value (implausible, not a number): the cell is marked and its message shown. */
  problems: Readonly<Record<string, string>>
  /** Points of an item shown in its last column (`4分`), a computed value shown as a placeholder (the step index). */
  hints: Readonly<Record<string, { points?: string; placeholder?: string }>>
  tail: ReactNode
  /** The server refused this row: the message under the row's head. */
  rowError?: string
}

export type GridValues = Readonly<Record<string, Readonly<Record<string, string>>>>

export interface GridWrite {
  rowKey: string
  column: string
  text: string
}

interface Props {
  columns: readonly GridColumn[]
  rows: readonly GridRowSpec[]
  values: GridValues
  describeRow: (rowKey: string, values: Readonly<Record<string, string>>) => RowView
  onWrite: (writes: GridWrite[]) => void
  /** A pasted block had values that could not be placed (grey cells, past the edge). */
  onPasteDropped?: (dropped: { onLockedCells: number; outside: number }) => void
  tailHeads: ReactNode
  tailWidth: number
  headLabel: string
  readOnly?: boolean
  testId?: string
}

const ROW_HEIGHT = 44
const NAME_WIDTH = 160
const VIRTUAL_FROM = 150
const EMPTY: Readonly<Record<string, string>> = {}

export function FitnessGrid({ columns, rows, values, describeRow, onWrite, onPasteDropped, tailHeads, tailWidth, headLabel, readOnly = false, testId }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const shape: GridShape = useMemo(
    () => ({ rows: rows.length, cols: columns.length, editable: (r, c) => rows[r]?.cell(columns[c]!.key).kind === 'input' }),
    [rows, columns],
  )
  const [active, setActive] = useState<CellAt | null>(null)
  const activeCell = active && active.row < shape.rows && active.col < shape.cols && shape.editable(active.row, active.col) ? active : firstEditable(shape)
  // The cell's text when it got the focus: Escape puts it back.
  const original = useRef<{ at: CellAt; text: string } | null>(null)
  const pendingFocus = useRef<CellAt | null>(null)

  const virtual = rows.length >= VIRTUAL_FROM
  // The compiler leaves this component unmemoised (the virtualizer's functions change under it); it re-renders per
  // keystroke anyway, and nothing memoised below receives the virtualizer.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: virtual ? rows.length : 0, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })

  const inputAt = (at: CellAt) => scrollRef.current?.querySelector<HTMLInputElement>(`input[data-row="${at.row}"][data-col="${at.col}"]`) ?? null

  const focusCell = useCallback(
    (at: CellAt) => {
      setActive(at)
      pendingFocus.current = at
      if (virtual) virtualizer.scrollToIndex(at.row, { align: 'auto' })
    },
    [virtual, virtualizer],
  )

  // A moved-to cell is focused once it is in the DOM (a virtualised row may render one frame after the scroll).
  useLayoutEffect(() => {
    const at = pendingFocus.current
    if (!at) return
    const input = inputAt(at)
    if (input) {
      pendingFocus.current = null
      input.focus()
      input.select()
    }
  })

  const cellOf = (target: EventTarget): CellAt | null => {
    if (!(target instanceof HTMLInputElement) || target.dataset.row === undefined) return null
    return { row: Number(target.dataset.row), col: Number(target.dataset.col) }
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const at = cellOf(event.target)
    if (!at || event.nativeEvent.isComposing) return
    const input = event.target as HTMLInputElement
    const allSelected = input.selectionStart === 0 && input.selectionEnd === input.value.length
    const caretAtStart = allSelected || (input.selectionStart === 0 && input.selectionEnd === 0)
    const caretAtEnd = allSelected || (input.selectionStart === input.value.length && input.selectionEnd === input.value.length)
    let move: Move | null = null
    if (event.key === 'Enter') move = event.shiftKey ? 'up' : 'down'
    else if (event.key === 'Tab') move = event.shiftKey ? 'prev' : 'next'
    else if (event.key === 'ArrowDown') move = 'down'
    else if (event.key === 'ArrowUp') move = 'up'
    else if (event.key === 'ArrowLeft' && caretAtStart) move = 'left'
    else if (event.key === 'ArrowRight' && caretAtEnd) move = 'right'
    else if (event.key === 'Escape') {
      const before = original.current
      if (before && before.at.row === at.row && before.at.col === at.col && !readOnly) {
        event.preventDefault()
        onWrite([{ rowKey: rows[at.row]!.key, column: columns[at.col]!.key, text: before.text }])
        requestAnimationFrame(() => input.select())
      }
      return
    }
    if (!move) return
    const next = moveFrom(shape, at, move)
    // Tab past the last cell (or Shift+Tab before the first) leaves the grid; every other move stays put at an edge.
    if (!next && (move === 'next' || move === 'prev')) return
    event.preventDefault()
    if (next) focusCell(next)
  }

  const onFocus = (event: React.FocusEvent<HTMLTableSectionElement>) => {
    const input = event.target as EventTarget
    const at = cellOf(input)
    if (!at || !(input instanceof HTMLInputElement)) return
    if (!original.current || original.current.at.row !== at.row || original.current.at.col !== at.col) original.current = { at, text: input.value }
    setActive((old) => (old && old.row === at.row && old.col === at.col ? old : at))
    input.select()
  }

  const onPaste = (event: ClipboardEvent<HTMLTableSectionElement>) => {
    const at = cellOf(event.target)
    if (!at || readOnly) return
    const block = parseClipboard(event.clipboardData.getData('text/plain'))
    if (!block) return
    event.preventDefault()
    const result = pasteBlock(shape, at, block)
    onWrite(result.writes.map((w) => ({ rowKey: rows[w.row]!.key, column: columns[w.col]!.key, text: w.text })))
    if (result.onLockedCells > 0 || result.outside > 0) onPasteDropped?.({ onLockedCells: result.onLockedCells, outside: result.outside })
  }

  const groups = useMemo(() => {
    const out: Array<{ key: string; label: string; title: string; span: number }> = []
    for (const c of columns) {
      const last = out[out.length - 1]
      if (last && last.key === c.group) last.span++
      else out.push({ key: c.group, label: c.groupLabel, title: c.groupTitle ?? c.groupLabel, span: 1 })
    }
    return out
  }, [columns])

  const renderRow = (index: number) => {
    const spec = rows[index]!
    return (
      <GridRow
        key={spec.key}
        index={index}
        spec={spec}
        columns={columns}
        values={values[spec.key] ?? EMPTY}
        describeRow={describeRow}
        onWrite={onWrite}
        activeCol={activeCell?.row === index ? activeCell.col : null}
        readOnly={readOnly}
      />
    )
  }

  const items = virtual ? virtualizer.getVirtualItems() : []
  const padTop = virtual && items.length > 0 ? items[0]!.start : 0
  const padBottom = virtual && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0
  const tableWidth = NAME_WIDTH + columns.reduce((sum, c) => sum + c.width, 0) + tailWidth

  return (
    <div ref={scrollRef} className="fg-scroll" data-testid={testId} data-virtual={virtual || undefined}>
      <table className="fg-table" style={{ width: tableWidth }} role="grid" aria-readonly={readOnly || undefined}>
        <colgroup>
          <col style={{ width: NAME_WIDTH }} />
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
          <col style={{ width: tailWidth }} />
        </colgroup>
        <thead>
          <tr>
            <th rowSpan={2} className="fg-head-name">
              {headLabel}
            </th>
            {groups.map((g) => (
              <th key={g.key} colSpan={g.span} className="fg-group" title={g.title}>
                {g.label}
              </th>
            ))}
            <th rowSpan={2} className="fg-tail-head">
              {tailHeads}
            </th>
          </tr>
          <tr>
            {columns.map((c) => (
              <th key={c.key} className="fg-measure">
                {c.label && <span>{c.label}</span>}
                {c.unit && <span className="fg-unit">{c.unit}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown} onFocus={onFocus} onPaste={onPaste}>
          {padTop > 0 && <tr style={{ height: padTop }} aria-hidden />}
          {virtual ? items.map((item) => renderRow(item.index)) : rows.map((_, index) => renderRow(index))}
          {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden />}
        </tbody>
      </table>
    </div>
  )
}

interface RowProps {
  index: number
  spec: GridRowSpec
  columns: readonly GridColumn[]
  values: Readonly<Record<string, string>>
  describeRow: Props['describeRow']
  onWrite: Props['onWrite']
  activeCol: number | null
  readOnly: boolean
}

/** One person's row; re-renders only when its own values (or the active cell within it) change. */
const GridRow = memo(function GridRow({ index, spec, columns, values, describeRow, onWrite, activeCol, readOnly }: RowProps) {
  const view = useMemo(() => describeRow(spec.key, values), [describeRow, spec.key, values])
  return (
    <tr className="fg-row" data-testid="fg-row" data-person={spec.key} data-invalid={Object.keys(view.problems).length > 0 || view.rowError ? true : undefined}>
      <th scope="row" className="fg-name">
        {spec.head}
        {view.rowError && (
          <div className="fg-row-error" role="alert" data-testid="fg-row-error" title={view.rowError}>
            {view.rowError}
          </div>
        )}
      </th>
      {columns.map((column, col) => {
        const state = spec.cell(column.key)
        if (state.kind === 'na') {
          return (
            <td key={column.key} className="fg-cell fg-na" title={state.title} data-testid={`cell-${column.key}`}>
              <span aria-label={state.title}>—</span>
            </td>
          )
        }
        if (state.kind === 'exempt') {
          return (
            <td key={column.key} className="fg-cell fg-exempt" title={state.title} data-testid={`cell-${column.key}`}>
              {state.label}
            </td>
          )
        }
        const problem = view.problems[column.key]
        const hint = view.hints[column.key]
        if (state.kind === 'locked') {
          return (
            <td key={column.key} className="fg-cell fg-locked tabular" title={state.title} data-testid={`cell-${column.key}`}>
              {values[column.key] || <span className="fg-computed">{hint?.placeholder}</span>}
              {hint?.points && <span className="fg-points">{hint.points}</span>}
            </td>
          )
        }
        const isActive = activeCol === col
        const messageId = `fg-msg-${index}-${col}`
        return (
          <td key={column.key} className="fg-cell" data-invalid={problem ? true : undefined} data-active={isActive || undefined} title={problem}>
            <input
              className="fg-input tabular"
              data-row={index}
              data-col={col}
              data-testid={`cell-${column.key}`}
              tabIndex={isActive ? 0 : -1}
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              readOnly={readOnly}
              value={values[column.key] ?? ''}
              placeholder={hint?.placeholder}
              aria-label={`${spec.name} ${column.name}`}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? messageId : undefined}
              onChange={(event) => onWrite([{ rowKey: spec.key, column: column.key, text: event.target.value }])}
            />
            {hint?.points && <span className="fg-points tabular">{hint.points}</span>}
            {problem && (
              <div id={messageId} className="fg-message" role={isActive ? 'alert' : undefined} data-testid="fg-cell-message" data-shown={isActive || undefined}>
                {problem}
              </div>
            )}
          </td>
        )
      })}
      <td className="fg-tail">{view.tail}</td>
    </tr>
  )
})
