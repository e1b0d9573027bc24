import { Text } from '@mantine/core'
import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import type { InstrumentView } from '@shared/contract'
import { useBi, useItemText } from '../psychUi'


export interface ItemFormHandle {
  /** Moves the current item (and focus) to the item at this index. */
  focusItem: (index: number) => void
}

interface Props {
  instrument: InstrumentView
  answers: Array<number | null>
  onChange: (answers: Array<number | null>) => void
  /** Highlight unanswered items (after a save attempt). */
  showMissing: boolean
  /** Item numbers the server refused (e.g. `answers.4`). */
  invalidItems?: ReadonlySet<number>
  /** Called when the last item is answered from the keyboard or by a click. */
  onLast?: () => void
  autoFocus?: boolean
  ref?: Ref<ItemFormHandle>
}

/**
 * One item per row, answered from the keyboard: a digit that is a response value answers the current item and moves to
 * the next; Backspace clears the current answer, or on an unanswered item goes back and clears the previous one;
 * Delete clears; ↑/↓ (and Enter) move; ←/→ step through the options; Home/End jump. Clicking an option works too.
 */
export function ItemForm({ instrument, answers, onChange, showMissing, invalidItems, onLast, autoFocus, ref }: Props) {
  const bi = useBi()
  const itemText = useItemText()
  const uid = useId()
  const [current, setCurrent] = useState(() => Math.max(0, answers.findIndex((a) => a === null)))
  const rows = useRef<Array<HTMLDivElement | null>>([])
  const values = instrument.responseOptions.map((o) => o.value)
  const last = instrument.items.length - 1

  const go = (index: number) => {
    const i = Math.max(0, Math.min(last, index))
    setCurrent(i)
    rows.current[i]?.focus()
  }

  useImperativeHandle(ref, () => ({ focusItem: go }))

  useEffect(() => {
    if (autoFocus) rows.current[current]?.focus({ preventScroll: true })
    // Only on mount: later focus follows the keyboard.
  }, []) // eslint-disable-line react-hooks/exhaustive-deps

  const set = (index: number, value: number | null) => {
    const next = answers.slice()
    next[index] = value
    onChange(next)
  }

  const answer = (index: number, value: number) => {
    set(index, value)
    if (index < last) go(index + 1)
    else {
      setCurrent(index)
      onLast?.()
    }
  }

  const step = (index: number, delta: number) => {
    const at = answers[index] == null ? (delta > 0 ? -1 : values.length) : values.indexOf(answers[index])
    const next = values[Math.max(0, Math.min(values.length - 1, at + delta))]
    if (next !== undefined) set(index, next)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault()
      const value = Number(e.key)
      if (values.includes(value)) answer(index, value)
      return
    }
    switch (e.key) {
      case 'Backspace':
        e.preventDefault()
        if (answers[index] != null) set(index, null)
        else if (index > 0) {
          set(index - 1, null)
          go(index - 1)
        }
        break
      case 'Delete':
        e.preventDefault()
        set(index, null)
        break
      case 'ArrowDown':
      case 'Enter':
        e.preventDefault()
        go(index + 1)
        break
      case 'ArrowUp':
        e.preventDefault()
        go(index - 1)
        break
      case 'ArrowRight':
        e.preventDefault()
        step(index, 1)
        break
      case 'ArrowLeft':
        e.preventDefault()
        step(index, -1)
        break
      case 'Home':
        e.preventDefault()
        go(0)
        break
      case 'End':
        e.preventDefault()
        go(last)
        break
    }
  }

  return (
    <div className="psych-items" data-testid="item-form">
      {instrument.items.map((item, index) => {
        const { text, placeholder } = itemText(instrument, item.number)
        const value = answers[index] ?? null
        const missing = (showMissing && value === null) || invalidItems?.has(item.number)
        const labelId = `${uid}-q${item.number}`
        return (
          <div
            key={item.number}
            ref={(el) => {
              rows.current[index] = el
            }}
            role="radiogroup"
            aria-labelledby={labelId}
            aria-invalid={missing || undefined}
            tabIndex={index === current ? 0 : -1}
            data-testid={`item-${item.number}`}
            aria-current={index === current ? 'true' : undefined}
            data-missing={missing || undefined}
            data-answer={value ?? undefined}
            className="psych-item"
            onFocus={() => setCurrent(index)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            <span className="psych-item-no">{item.number}</span>
            <Text id={labelId} fz="sm" c={placeholder ? 'dimmed' : undefined}>
              {text}
            </Text>
            <div className="psych-options">
              {instrument.responseOptions.map((o) => (
                <button
                  key={o.value}
                  type="button"
                  role="radio"
                  aria-checked={value === o.value}
                  tabIndex={-1}
                  className="psych-option"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => answer(index, o.value)}
                >
                  <span className="psych-option-value">{o.value}</span>
                  <span>{bi(o.label)}</span>
                </button>
              ))}
            </div>
          </div>
        )
      })}
    </div>
  )
}
