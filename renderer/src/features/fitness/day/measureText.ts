/**
 * Typed cell text → a checked number, for the test-day grid and the Excel import. A value is never changed to fit:
 * text that is not a number, or a number the engine's `measureProblem` refuses, is reported with the limit and kept
 * as typed. Pure and free of `@shared` imports (the engine's check is passed in), so the unit tests run this code in
 * Node; `measureCheck.ts` binds it to the engine for the screens.
 */

/** What the engine's `measureProblem` answers for one value. */
export type MeasureProblem = null | { code: 'implausible'; min: number; max: number } | { code: 'decimals'; decimals: number }

/** Full-width digits, point and minus (a Chinese input method may give them) read as their ASCII forms. */
export function normaliseNumberText(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—−]/g, '-')
    .replace(/[,，\s]/g, '')
}

export type MeasureCheck =
  | { kind: 'empty' }
  | { kind: 'ok'; value: number }
  | { kind: 'not_number' }
  | { kind: 'implausible'; value: number; min: number; max: number }
  | { kind: 'decimals'; value: number; decimals: number }

export type MeasureFault = Exclude<MeasureCheck, { kind: 'empty' } | { kind: 'ok' }>

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/

/** Checks one cell's text with the engine's rule for its measure (`problemOf`). */
export function checkMeasureText(problemOf: (value: number) => MeasureProblem, text: string | undefined): MeasureCheck {
  const cleaned = normaliseNumberText(text ?? '')
  if (cleaned === '') return { kind: 'empty' }
  if (!NUMBER.test(cleaned)) return { kind: 'not_number' }
  const value = Number(cleaned)
  const problem = problemOf(value)
  if (!problem) return { kind: 'ok', value }
  if (problem.code === 'implausible') return { kind: 'implausible', value, min: problem.min, max: problem.max }
  return { kind: 'decimals', value, decimals: problem.decimals }
}

/** A stored number as the grid shows it (no trailing zeros, no exponent). */
export function measureText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}
