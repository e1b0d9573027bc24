import { FITNESS_MEASURES, measureProblem, type FitnessMeasure, type FitnessStandard, type Measurements } from '@shared/domain/fitness'
import { checkMeasureText, type MeasureCheck, type MeasureFault } from './measureText'

/** A cell's text checked against the standard's plausible range and decimals (the engine's `measureProblem`). */
export function checkMeasure(standard: FitnessStandard, measure: FitnessMeasure, text: string | undefined): MeasureCheck {
  return checkMeasureText((value) => measureProblem(standard, measure, value), text)
}

/** The measurements a row's texts give, leaving out empty cells and any value with a problem (those block a save). */
export function measurementsOf(standard: FitnessStandard, texts: Readonly<Record<string, string>>, allowed: ReadonlySet<FitnessMeasure>) {
  const measurements: Measurements = {}
  const problems: Partial<Record<FitnessMeasure, MeasureFault>> = {}
  for (const measure of FITNESS_MEASURES) {
    if (!allowed.has(measure)) continue
    const check = checkMeasure(standard, measure, texts[measure])
    if (check.kind === 'ok') measurements[measure] = check.value
    else if (check.kind !== 'empty') problems[measure] = check
  }
  return { measurements, problems }
}
