/**
 * A score typed in the exam grid: blank is "part not sat" (null); anything else must be a number from 0 to 100 with at
 * most one decimal, as the contract's score schema says. Pure, so the grid and its tests read it the same way.
 */
export type ScoreRead = { ok: true; value: number | null } | { ok: false }

export function readScore(text: string): ScoreRead {
  const typed = text.trim().replace(/．/g, '.').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
  if (typed === '') return { ok: true, value: null }
  if (!/^\d{1,3}(\.\d)?$/.test(typed)) return { ok: false }
  const value = Number(typed)
  return value >= 0 && value <= 100 ? { ok: true, value } : { ok: false }
}
