/**
 * `score <instrumentId> <answers> [--cutoff-set ID] [--rounding truncate|round_half_up]`: scores one set of answers
 * with the shipped definition and prints one JSON object. The engine is generic; this file only knows the five stable
 * output shapes (key order matters: scripts compare the line as text).
 */
import { ROUNDING_MODES, scoreInstrument, ScoringInputError, type RoundingMode, type ScoreResult } from '../../../shared/domain/instruments'
import { getInstrument } from '../../psych/instruments'
import { UsageError, type CliCommand, type CommandResult } from '../command'

const USAGE = 'usage: score <instrumentId> <answers> [--cutoff-set ID] [--rounding truncate|round_half_up] (answers comma-separated, in item order)'

/** Ids of the fired flags among `shown` (PHQ-9 prints only its item-9 flag; band flags are separate data). */
const firedAmong = (r: ScoreResult, shown: string[]) => r.flags.filter((f) => shown.includes(f.id)).map((f) => f.id)
const fired = (r: ScoreResult, id: string) => r.flags.some((f) => f.id === id)

const zung = (r: ScoreResult) => ({ raw: r.scores.raw, standardScore: r.scores.standardScore, band: r.band?.id ?? null })

const SHAPES: Record<string, (r: ScoreResult) => Record<string, unknown>> = {
  phq9: (r) => ({ total: r.scores.total, band: r.band?.id ?? null, flags: firedAmong(r, ['suicide_item']) }),
  gad7: (r) => ({ total: r.scores.total, band: r.band?.id ?? null, flags: firedAmong(r, []) }),
  scl90: (r) => ({
    total: r.scores.total,
    gsi: r.scores.gsi,
    positiveItems: r.scores.positiveItems,
    positiveSymptomMean: r.scores.positiveSymptomMean,
    factors: r.factors,
    screenPositive: fired(r, 'screen_positive'),
  }),
  zung_sds: zung,
  zung_sas: zung,
}

function parseAnswers(text: string, expected: number): number[] {
  const tokens = text.trim() === '' ? [] : text.split(',')
  if (tokens.length !== expected) throw new UsageError(`expected ${expected} answers, got ${tokens.length}`)
  return tokens.map((raw, i) => {
    const t = raw.trim()
    if (t === '') throw new UsageError(`item ${i + 1}: no answer`)
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) throw new UsageError(`item ${i + 1}: "${t}" is not a number`)
    return Number(t)
  })
}

export const scoreCommand: CliCommand = {
  name: 'score',
  help: 'score <phq9|gad7|scl90|zung_sds|zung_sas> <a1,a2,…> [--cutoff-set ID] [--rounding truncate|round_half_up]',
  // Answers may start with a sign: the options are read here, not by the shared parser.
  run: score,
}

function score(args: string[]): CommandResult {
  const positionals: string[] = []
  let cutoffSetId: string | undefined
  let rounding: RoundingMode | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--cutoff-set' || a === '--rounding') {
      const v = args[++i]
      if (v === undefined) throw new UsageError(`${a} needs a value`)
      if (a === '--cutoff-set') cutoffSetId = v
      else if ((ROUNDING_MODES as readonly string[]).includes(v)) rounding = v as RoundingMode
      else throw new UsageError(`--rounding must be truncate or round_half_up, got "${v}"`)
    } else if (a.startsWith('--')) {
      throw new UsageError(`unknown option "${a}"; ${USAGE}`)
    } else {
      positionals.push(a)
    }
  }
  if (positionals.length !== 2) throw new UsageError(USAGE)
  const [instrumentId, answerText] = positionals as [string, string]
  const shape = SHAPES[instrumentId]
  const instrument = shape ? getInstrument(instrumentId) : undefined
  if (!shape || !instrument) throw new UsageError(`unknown instrument "${instrumentId}" (one of ${Object.keys(SHAPES).join(', ')})`)
  const answers = parseAnswers(answerText, instrument.items.length)
  try {
    return { out: shape(scoreInstrument(instrument, answers, { cutoffSetId, rounding })), code: 0 }
  } catch (error) {
    if (error instanceof ScoringInputError) throw new UsageError(error.message)
    throw error
  }
}
