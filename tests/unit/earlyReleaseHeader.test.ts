/** Issue 8 item 12: the person header says early release is barred (and why) instead of "最早可提前解除日期: 否". */
import { describe, expect, it } from 'vitest'
import type { PersonTerm } from '../../electron/shared/contract'
import { computeTerm } from '../../electron/shared/domain/term'
import { earlyReleaseStat } from '../../renderer/src/features/people/file/earlyReleaseStat'
import { flatten, zhCN } from '../../renderer/src/i18n/texts'
import { en } from '../../renderer/src/i18n/texts.en'

const translator = (tree: object) => {
  const flat = flatten(tree)
  return (key: string, params: Record<string, string> = {}) =>
    (flat[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '')
}
const zh = translator(zhCN)
const english = translator(en)

const term = (escapes: { from: string; to: string }[], earlyReleaseBarred = false, reason: string | null = null): PersonTerm => ({
  result: computeTerm({ decisionDate: '2025-03-01', escapes, extensions: [], earlyReleaseBarred }),
  openEscapeFrom: null,
  error: null,
  earlyReleaseBarReason: reason,
})

describe('early release in the person header', () => {
  it('shows the earliest date under the date label when allowed', () => {
    const s = earlyReleaseStat(term([]), zh)
    expect(s).toEqual({ label: '最早可提前解除日期', value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), barred: false })
  })

  it('an escape: "提前解除 — 不得提前解除（脱逃）", never a date label with 否', () => {
    const t = term([{ from: '2025-08-01', to: '2025-08-20' }])
    expect(earlyReleaseStat(t, zh)).toEqual({ label: '提前解除', value: '不得提前解除（脱逃）', barred: true })
    expect(earlyReleaseStat(t, english)).toEqual({ label: 'Early release', value: 'Not eligible (escape on record)', barred: true })
  })

  it('a recorded bar gives its reason', () => {
    expect(earlyReleaseStat(term([], true, '决定机关不同意'), zh).value).toBe('不得提前解除（决定机关不同意）')
    expect(earlyReleaseStat(term([], true, null), zh).value).toBe('不得提前解除')
  })

  it('no computed term shows a dash', () => {
    expect(earlyReleaseStat({ result: null, earlyReleaseBarReason: null }, zh).value).toBe('—')
  })
})
