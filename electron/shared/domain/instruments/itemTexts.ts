/**
 * Parses a facility's licensed item texts from a .txt/.csv file: one item per line, as "编号,条目文本",
 * "编号<Tab>条目文本", "1. 条目文本" / "1、条目文本" (numbering as printed on paper forms), or plain lines taken in
 * order. Nothing is kept when any error is found.
 */
export interface ParsedItem {
  number: number
  zh: string
  line: number
}

export interface ParseError {
  /** 1-based line in the file; null for whole-file errors. */
  line: number | null
  /** i18n key under psych.import.err */
  key: 'empty' | 'emptyLine' | 'notInteger' | 'missingNumber' | 'emptyText' | 'duplicate' | 'outOfRange' | 'count' | 'tooLong'
  params?: Record<string, string | number>
}

export interface ParseResult {
  mode: 'numbered' | 'plain'
  items: ParsedItem[]
  errors: ParseError[]
}

const MAX_TEXT = 300
const SEPARATED = /^\s*([^,\t，]*?)\s*[,\t，]\s*(.*)$/
/**
 * "1. text", "1．text", "1、text": tried first, so a comma inside such a text is not taken as the separator. A dot
 * followed by a digit ("2.5,…") is a decimal, not numbering, and is left to be reported as not an integer.
 */
const DOTTED = /^\s*(\d+)\s*(?:[.．](?!\d)|、)\s*(.*)$/

function splitNumbered(line: string): { head: string; rest: string } | null {
  const m = DOTTED.exec(line) ?? SEPARATED.exec(line)
  return m ? { head: m[1]!.trim(), rest: m[2]! } : null
}
const HEADER = /^\s*(编号|题号|序号|条目编号|no\.?|number|item)\s*[,\t，]/i

function unquote(s: string): string {
  const t = s.trim()
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t
}

export function parseItemTexts(content: string, expected: number): ParseResult {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
  const errors: ParseError[] = []
  if (lines.length === 0) return { mode: 'plain', items: [], errors: [{ line: null, key: 'empty' }] }

  let start = 0
  if (HEADER.test(lines[0]!)) start = 1
  const body = lines.slice(start)
  const numberedCount = body.filter((l) => {
    const m = splitNumbered(l)
    return m !== null && /^\d+$/.test(m.head)
  }).length
  const mode: ParseResult['mode'] = numberedCount > 0 && numberedCount >= body.filter((l) => l.trim()).length / 2 ? 'numbered' : 'plain'

  const items: ParsedItem[] = []
  const seen = new Map<number, number>()
  body.forEach((raw, i) => {
    const line = i + start + 1
    if (raw.trim() === '') {
      errors.push({ line, key: 'emptyLine' })
      return
    }
    let number: number
    let text: string
    if (mode === 'numbered') {
      const m = splitNumbered(raw)
      if (!m) {
        errors.push({ line, key: 'missingNumber' })
        return
      }
      const head = m.head
      if (!/^\d+$/.test(head)) {
        errors.push({ line, key: 'notInteger', params: { value: head || '∅' } })
        return
      }
      number = Number(head)
      text = unquote(m.rest)
    } else {
      number = items.length + 1
      text = unquote(raw)
    }
    if (!text) {
      errors.push({ line, key: 'emptyText', params: { number } })
      return
    }
    if (text.length > MAX_TEXT) errors.push({ line, key: 'tooLong', params: { number, max: MAX_TEXT } })
    if (number < 1 || number > expected) errors.push({ line, key: 'outOfRange', params: { number, expected } })
    const earlier = seen.get(number)
    if (earlier !== undefined) errors.push({ line, key: 'duplicate', params: { number, first: earlier } })
    else seen.set(number, line)
    items.push({ number, zh: text, line })
  })

  // Counted over the file's item lines, so a malformed line is reported once (at its line), not again as a count.
  const got = body.filter((l) => l.trim() !== '').length
  // With the right count, unique numbers in 1…N cover every item: no separate "missing" check is needed.
  if (got !== expected) errors.push({ line: null, key: 'count', params: { expected, got } })
  return { mode, items: [...items].sort((a, b) => a.number - b.number), errors }
}
