/**
 * Typed cell text ↔ numbers for the test-day grid and the Excel import. A value is never changed to fit: text that is
 * not a number, or a number outside the standard's plausible range, is reported with the limit and kept as typed.
 */
import { FITNESS_MEASURES, measureProblem, type FitnessMeasure, type FitnessStandard, type Measurements } from '@shared/domain/fitness'

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

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/

export function checkMeasure(standard: FitnessStandard, measure: FitnessMeasure, text: string | undefined): MeasureCheck {
  const cleaned = normaliseNumberText(text ?? '')
  if (cleaned === '') return { kind: 'empty' }
  if (!NUMBER.test(cleaned)) return { kind: 'not_number' }
  const value = Number(cleaned)
  const problem = measureProblem(standard, measure, value)
  if (!problem) return { kind: 'ok', value }
  if (problem.code === 'implausible') return { kind: 'implausible', value, min: problem.min, max: problem.max }
  return { kind: 'decimals', value, decimals: problem.decimals }
}

/** The measurements a row's texts give, leaving out empty cells and any value with a problem (those block a save). */
export function measurementsOf(standard: FitnessStandard, texts: Readonly<Record<string, string>>, allowed: ReadonlySet<FitnessMeasure>) {
  const measurements: Measurements = {}
  const problems: Partial<Record<FitnessMeasure, Exclude<MeasureCheck, { kind: 'empty' } | { kind: 'ok' }>>> = {}
  for (const measure of FITNESS_MEASURES) {
    if (!allowed.has(measure)) continue
    const check = checkMeasure(standard, measure, texts[measure])
    if (check.kind === 'ok') measurements[measure] = check.value
    else if (check.kind !== 'empty') problems[measure] = check
  }
  return { measurements, problems }
}

/** A stored number as the grid shows it (no trailing zeros, no exponent). */
export function measureText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value)
}
