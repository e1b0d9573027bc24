/**
 * `check-cert <number> [--issued YYYY-MM-DD] [--level 1-5]`: a certificate number checked against domain-reference
 * §6.4. Exit 0 with {"valid":true,"format":…,"parts":{…}}, exit 1 with {"valid":false,"reason":…}, exit 2 with
 * {"error":…} for unusable arguments. A valid answer carries "unchecked" only when an option asked for a check the
 * format cannot make (special-technician and Shanghai numbers have no known year or level position): accepted, flagged.
 * Arguments are read here, not by parseArgs: the number is a positional and every option takes a value.
 */
import { checkCertificateNumber, type CheckCertificateOptions, type SkillLevel } from '../../../shared/domain/certificates'
import { isValidIsoDate } from '../../../shared/domain/dates'
import { HelpRequested, UsageError, type CliCommand, type CommandResult } from '../command'

const USAGE = 'usage: check-cert <number> [--issued YYYY-MM-DD] [--level 1-5]'
const OPTIONS = ['--issued', '--level'] as const

function checkCertCli(args: string[]): CommandResult {
  let number: string | undefined
  const values = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--help' || arg === '-h') throw new HelpRequested()
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq > 0 ? arg.slice(0, eq) : arg
      if (!(OPTIONS as readonly string[]).includes(name)) throw new UsageError(`unknown option "${name}"; ${USAGE}`)
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i]
      if (value === undefined) throw new UsageError(`${name} needs a value`)
      if (values.has(name)) throw new UsageError(`${name} is given twice`)
      values.set(name, value)
      continue
    }
    if (number !== undefined) throw new UsageError(`unexpected argument "${arg}"; ${USAGE}`)
    number = arg
  }
  // A blank number is no number: nothing to check is unusable input, not an invalid certificate.
  if (number === undefined || number.trim() === '') throw new UsageError(USAGE)

  const options: CheckCertificateOptions = {}
  const issued = values.get('--issued')
  if (issued !== undefined) {
    if (!isValidIsoDate(issued)) throw new UsageError(`--issued must be a date YYYY-MM-DD, got "${issued}"`)
    options.issued = issued
  }
  const level = values.get('--level')
  if (level !== undefined) {
    if (!/^[1-5]$/.test(level)) throw new UsageError(`--level must be 1-5 (1 = 一级/高级技师 … 5 = 五级/初级工), got "${level}"`)
    options.level = Number(level) as SkillLevel
  }

  const result = checkCertificateNumber(number, options)
  if (!result.valid) return { out: { valid: false, reason: result.reason }, code: 1 }
  const out: Record<string, unknown> = { valid: true, format: result.format, parts: result.parts }
  if (result.unchecked.length > 0) out.unchecked = result.unchecked
  return { out, code: 0 }
}

export const checkCertCommand: CliCommand = {
  name: 'check-cert',
  help: 'check-cert <number> [--issued YYYY-MM-DD] [--level 1-5]   validate a certificate number (22-char, 16 or 13 digits)',
  run: checkCertCli,
}
