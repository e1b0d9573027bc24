/**
 * `grade-fitness` and `step-index`: the fitness engine on the command line, one JSON object out, exit 2 with
 * {"error": …} on bad input. Options are read here, not by node's parseArgs, because a sit-and-reach value may be
 * negative ("--sit-and-reach -3.5") and parseArgs refuses a value that starts with "-". Key order is fixed: scripts
 * compare the line as text.
 */
import {
  FITNESS_ITEMS,
  gradeFitness,
  measureProblem,
  MEASURE_UNITS,
  stepIndex,
  type FitnessMeasure,
  type FitnessStandard,
  type Measurements,
} from '../../../shared/domain/fitness'
import { DEFAULT_STANDARD_ID, getFitnessStandard, listFitnessStandards } from '../../fitness/norms'
import { HelpRequested, UsageError, type CliCommand, type CommandResult } from '../command'

/** Measurement options and the measure each fills. */
const MEASURE_OPTIONS: Record<string, FitnessMeasure> = {
  '--height': 'height_cm',
  '--weight': 'weight_kg',
  '--vital-capacity': 'vital_capacity_ml',
  '--step-index': 'step_index',
  '--grip': 'grip_kg',
  '--push-ups': 'push_ups',
  '--sit-ups': 'sit_ups',
  '--vertical-jump': 'vertical_jump_cm',
  '--sit-and-reach': 'sit_and_reach_cm',
  '--choice-reaction': 'choice_reaction_s',
  '--single-leg-stand': 'single_leg_stand_s',
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

/** `--name value` and `--name=value` pairs; every option takes a value; an option given twice is refused. */
function readOptions(args: string[], known: readonly string[], usage: string): Map<string, string> {
  const values = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--help' || arg === '-h') throw new HelpRequested()
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"; ${usage}`)
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    if (!known.includes(name)) throw new UsageError(`unknown option "${name}"; ${usage}`)
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i]
    if (value === undefined) throw new UsageError(`${name} needs a value`)
    if (values.has(name)) throw new UsageError(`${name} is given twice`)
    values.set(name, value)
  }
  return values
}

function numberOption(name: string, text: string): number {
  if (!NUMBER.test(text.trim())) throw new UsageError(`${name} must be a number, got "${text}"`)
  return Number(text)
}

/** The same refusal the test-day grid gives: outside the plausible range, or too many decimals. */
function checkMeasure(standard: FitnessStandard, name: string, measure: FitnessMeasure, value: number): void {
  const problem = measureProblem(standard, measure, value)
  if (problem?.code === 'implausible') {
    throw new UsageError(`${name} ${value} is implausible: expected ${problem.min} to ${problem.max} ${MEASURE_UNITS[measure]}`)
  }
  if (problem?.code === 'decimals') {
    throw new UsageError(`${name} ${value} has too many decimals: at most ${problem.decimals}`)
  }
}

const GRADE_USAGE =
  'usage: grade-fitness --standard ID --sex M|F --age N [--height CM --weight KG] [--vital-capacity ML] [--step-index X] ' +
  '[--grip KG] [--push-ups N] [--sit-ups N] [--vertical-jump CM] [--sit-and-reach CM] [--choice-reaction S] [--single-leg-stand S]'

function gradeFitnessCli(args: string[]): CommandResult {
  const options = readOptions(args, ['--standard', '--sex', '--age', ...Object.keys(MEASURE_OPTIONS)], GRADE_USAGE)
  const standardId = options.get('--standard') ?? DEFAULT_STANDARD_ID
  const standard = getFitnessStandard(standardId)
  if (!standard) {
    const ids = [...new Set(listFitnessStandards().map((s) => s.id))].join(', ')
    throw new UsageError(`unknown standard "${standardId}" (one of ${ids})`)
  }
  const sex = options.get('--sex')
  if (sex !== 'M' && sex !== 'F') throw new UsageError(sex === undefined ? '--sex M|F is required' : `--sex must be M or F, got "${sex}"`)
  const ageText = options.get('--age')
  if (ageText === undefined) throw new UsageError('--age N (whole years on the test date) is required')
  if (!/^\d{1,3}$/.test(ageText.trim())) throw new UsageError(`--age must be whole years, got "${ageText}"`)
  const age = Number(ageText)

  const measurements: Measurements = {}
  for (const [name, measure] of Object.entries(MEASURE_OPTIONS)) {
    const text = options.get(name)
    if (text === undefined) continue
    const value = numberOption(name, text)
    checkMeasure(standard, name, measure, value)
    measurements[measure] = value
  }
  if ((measurements.height_cm === undefined) !== (measurements.weight_kg === undefined)) {
    throw new UsageError('--height and --weight go together (the height-standard-weight item needs both)')
  }

  const grading = gradeFitness(standard, { sex, age }, measurements)
  if (!grading.covered) {
    const { min, max } = grading.ageRange
    throw new UsageError(
      grading.reason === 'age_outside'
        ? `age ${age} is not covered by standard ${standard.id} (ages ${min}-${max})`
        : `sex ${sex} is not covered by standard ${standard.id}`,
    )
  }
  // A measured item without a norm row (a height the height-weight table does not list) has no points either: it is
  // reported with the missing items, which is what withholds the grade.
  const missing = FITNESS_ITEMS.filter((i) => grading.missing.includes(i) || grading.noNorm.includes(i))
  return { out: { items: grading.items, total: grading.total, grade: grading.grade, notApplicable: grading.notApplicable, missing }, code: 0 }
}

const STEP_USAGE = 'usage: step-index --duration S --pulses A,B,C'

function stepIndexCli(args: string[]): CommandResult {
  const options = readOptions(args, ['--duration', '--pulses'], STEP_USAGE)
  const durationText = options.get('--duration')
  const pulsesText = options.get('--pulses')
  if (durationText === undefined || pulsesText === undefined) throw new UsageError(STEP_USAGE)
  // The bounds are the default standard's sanity bounds, the same the test-day grid applies.
  const standard = getFitnessStandard(DEFAULT_STANDARD_ID)!
  const duration = numberOption('--duration', durationText)
  checkMeasure(standard, '--duration', 'step_duration_s', duration)
  const tokens = pulsesText.split(',')
  if (tokens.length !== 3) throw new UsageError(`--pulses takes three counts A,B,C, got ${tokens.length}`)
  const pulses = tokens.map((t, i) => {
    const name = `--pulses (count ${i + 1})`
    const value = numberOption(name, t)
    checkMeasure(standard, name, `step_pulse_${i + 1}` as FitnessMeasure, value)
    return value
  }) as [number, number, number]
  return { out: { index: stepIndex(duration, pulses) }, code: 0 }
}

export const gradeFitnessCommand: CliCommand = {
  name: 'grade-fitness',
  help: GRADE_USAGE.slice('usage: '.length),
  run: gradeFitnessCli,
}

export const stepIndexCommand: CliCommand = {
  name: 'step-index',
  help: STEP_USAGE.slice('usage: '.length),
  run: stepIndexCli,
}
