import { Skeleton, Table } from '@mantine/core'
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { nextFocusIndex } from '../lib/listBlocks'
import { restoredScroll, saveScroll } from '../lib/scrollMemory'

/** The app shell's fixed header (AppShell header height): the sticky table head sits just below it. */
const SHELL_HEADER = 56

export interface VirtualRow {
  key: string
  cells: ReactNode
  /** A voided file: dimmed text. */
  dimmed?: boolean
}

interface Props {
  /** Rows in the whole list (the server's total), not the rows loaded. */
  count: number
  /** Fixed: every row has this height, so any position in a long list is known without loading what is above it. */
  rowHeight: number
  /** Column widths (undefined: shares what is left); also the placeholder row's column count. */
  colWidths: ReadonlyArray<number | undefined>
  /** The header row's cells. */
  head: ReactNode
  /** Row `index` if its block is loaded, or null (a placeholder row stands in). */
  row: (index: number) => VirtualRow | null
  onOpen: (index: number) => void
  /** Called with the first and last row index in view (plus overscan) whenever they change. */
  onRangeChange: (first: number, last: number) => void
  /** This history entry's key: the scroll position is kept under it, so Back from a file returns to the same rows. */
  restoreKey: string
  /** The list's identity (filters and sort): when it changes the list starts at its top again. */
  resetKey: string
  /** The previous list's rows stand in while the new one loads. */
  stale?: boolean
  minWidth?: number
  testId?: string
}

/**
 * A table of any length in the page's own scroll: only the rows in view (and a few around them) are in the DOM, between
 * two spacer rows that hold the height of the rest. Rows have a fixed height; the head sticks under the shell's header.
 * Keyboard: one row is the tab stop; arrows, Page Up/Down, Home/End move it; Enter opens the row.
 */
export function VirtualTable({ count, rowHeight, colWidths, head, row, onOpen, onRangeChange, restoreKey, resetKey, stale, minWidth = 860, testId }: Props) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const [scrollMargin, setScrollMargin] = useState(0)
  const [focusIndex, setFocusIndex] = useState(0)
  const pendingFocus = useRef<number | null>(null)

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin,
    // Rows brought into view by the keyboard stop below the shell's header and the sticky table head.
    scrollPaddingStart: SHELL_HEADER + rowHeight + 4,
  })

  // Where the rows start in the page: the filters and headings above may wrap or grow (a ward's period bar loads).
  useLayoutEffect(() => {
    const measure = () => {
      const body = bodyRef.current
      if (!body) return
      const top = Math.round(body.getBoundingClientRect().top + window.scrollY)
      setScrollMargin((old) => (Math.abs(old - top) >= 1 ? top : old))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [])

  // Back from a file: the same scroll position, once the list's height is known (its first block carries the total).
  const restored = useRef(false)
  useLayoutEffect(() => {
    if (restored.current || count === 0 || scrollMargin === 0) return
    restored.current = true
    const saved = restoredScroll(restoreKey)
    if (saved !== null) window.scrollTo({ top: saved })
  }, [count, scrollMargin, restoreKey])

  useEffect(() => {
    let frame = 0
    const remember = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => saveScroll(restoreKey, window.scrollY))
    }
    window.addEventListener('scroll', remember, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', remember)
    }
  }, [restoreKey])

  // Another list (filters, sort, ward): back to its top, focus on its first row.
  const lastReset = useRef(resetKey)
  useEffect(() => {
    if (lastReset.current === resetKey) return
    lastReset.current = resetKey
    setFocusIndex(0)
    if (window.scrollY > scrollMargin - SHELL_HEADER - rowHeight) window.scrollTo({ top: 0 })
  }, [resetKey, scrollMargin, rowHeight])

  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  useEffect(() => onRangeChange(first, last), [first, last, onRangeChange])

  // A row moved to by the keyboard is focused once it is rendered.
  useEffect(() => {
    const target = pendingFocus.current
    if (target === null) return
    const element = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`)
    if (element) {
      pendingFocus.current = null
      element.focus({ preventScroll: true })
    }
  })

  const tabStop = focusIndex >= first && focusIndex <= last ? focusIndex : first
  const before = items.length > 0 ? items[0]!.start - scrollMargin : 0
  const after = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - scrollMargin) : 0
  const columns = colWidths.length

  // Stable for the memoised rows; always calls the latest onOpen.
  const onOpenRef = useRef(onOpen)
  useLayoutEffect(() => {
    onOpenRef.current = onOpen
  })
  const openRow = useCallback((index: number) => onOpenRef.current(index), [])

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = Number((event.target as HTMLElement).closest('tr')?.dataset.index)
    if (!Number.isInteger(index)) return
    if (event.key === 'Enter') {
      event.preventDefault()
      onOpen(index)
      return
    }
    const pageRows = Math.floor((window.innerHeight - SHELL_HEADER - rowHeight) / rowHeight)
    const next = nextFocusIndex(event.key, index, count, pageRows)
    if (next === null) return
    event.preventDefault()
    setFocusIndex(next)
    pendingFocus.current = next
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  return (
    <Table
      miw={minWidth}
      layout="fixed"
      highlightOnHover
      stickyHeader
      stickyHeaderOffset={SHELL_HEADER}
      aria-rowcount={count + 1}
      data-testid={testId}
      data-stale={stale || undefined}
      style={{ opacity: stale ? 0.6 : 1 }}
      className="virtual-table"
    >
      <colgroup>
        {colWidths.map((w, i) => (
          <col key={i} style={w === undefined ? undefined : { width: w }} />
        ))}
      </colgroup>
      <Table.Thead>{head}</Table.Thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {before > 0 && (
          <tr aria-hidden="true" className="virtual-spacer" style={{ height: before }}>
            <td colSpan={columns} />
          </tr>
        )}
        {items.map((item) => {
          const content = row(item.index)
          return (
            <RowView
              key={content?.key ?? `placeholder-${item.index}`}
              index={item.index}
              content={content}
              tabStop={item.index === tabStop}
              height={rowHeight}
              columns={columns}
              onOpen={openRow}
              onFocusRow={setFocusIndex}
            />
          )
        })}
        {after > 0 && (
          <tr aria-hidden="true" className="virtual-spacer" style={{ height: after }}>
            <td colSpan={columns} />
          </tr>
        )}
      </tbody>
    </Table>
  )
}

interface RowViewProps {
  index: number
  content: VirtualRow | null
  tabStop: boolean
  height: number
  columns: number
  onOpen: (index: number) => void
  onFocusRow: (index: number) => void
}

/** One rendered row, or a placeholder while its block loads. Memoised: scrolling re-renders only the rows that changed. */
const RowView = memo(function RowView({ index, content, tabStop, height, columns, onOpen, onFocusRow }: RowViewProps) {
  const common = {
    'data-index': index,
    'aria-rowindex': index + 2,
    'data-striped': index % 2 === 1 || undefined,
    tabIndex: tabStop ? 0 : -1,
    onFocus: () => onFocusRow(index),
    style: { height },
  }
  // Plain elements (styled in app.css): a Mantine component per row and cell costs more than a long table affords.
  if (!content) {
    return (
      <tr {...common} aria-busy="true" className="virtual-row">
        <td colSpan={columns}>
          <Skeleton h={12} w={`${60 + ((index * 37) % 35)}%`} radius="sm" />
        </td>
      </tr>
    )
  }
  return (
    <tr {...common} className="virtual-row clickable-row" data-dimmed={content.dimmed || undefined} onClick={() => onOpen(index)}>
      {content.cells}
    </tr>
  )
})
