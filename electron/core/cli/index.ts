/**
 * `npm run -s cli -- <command>`: one JSON object on stdout per command (serve/start excepted, they keep running).
 * Exit 0 on success, 1 for a negative answer (invalid ID, broken audit chain), 2 for bad input.
 */
import { parseArgs } from 'node:util'
import { DatabaseTooNewError } from '../db/open'
import { auditVerify, checkId, demo, integrity, migrateCommand, term, UsageError, type CommandResult } from './commands'
import { defaultDatabasePath } from './paths'
import { score } from './score'
import { serve, start } from './serve'

const HELP = `Xinsheng command line
  check-id <idNumber>                                    validate a resident ID number (GB 11643-1999)
  score <phq9|gad7|scl90|zung_sds|zung_sas> <a1,a2,…> [--cutoff-set ID] [--rounding truncate|round_half_up]
  term --decision YYYY-MM-DD [--extension-months N] [--escape FROM:TO]...
  demo --db FILE --people N [--seed S]                   create a demo facility in a new database
  migrate --db FILE                                      apply pending migrations
  integrity --db FILE                                    PRAGMA integrity_check + foreign_key_check
  audit-verify --db FILE                                 verify the audit log's hash chain
  serve [--db FILE] [--port N] [--no-open]               browser mode on 127.0.0.1
  start [--db FILE] [--port N] [--no-open]               Electron if installed, else browser mode`

const OPTIONS = {
  db: { type: 'string' },
  people: { type: 'string' },
  seed: { type: 'string' },
  decision: { type: 'string' },
  'extension-months': { type: 'string' },
  escape: { type: 'string', multiple: true },
  port: { type: 'string' },
  'no-open': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

function print(result: CommandResult): never {
  process.stdout.write(JSON.stringify(result.out) + '\n')
  process.exit(result.code)
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(HELP + '\n')
    return
  }
  // check-id takes the number as a positional that may look like anything; parse it before the option parser.
  if (command === 'check-id') print(checkId(rest))
  if (command === 'score') print(score(rest))
  const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true })
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  switch (command) {
    case 'term':
      return print(term({ decision: values.decision, extensionMonths: values['extension-months'], escape: values.escape }))
    case 'demo':
      return print(demo(values))
    case 'migrate':
      return print(migrateCommand(values))
    case 'integrity':
      return print(integrity(values))
    case 'audit-verify':
      return print(auditVerify(values))
    case 'serve':
    case 'start': {
      const port = values.port === undefined ? undefined : Number(values.port)
      if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new UsageError('--port must be 1–65535')
      const options = { db: values.db ?? defaultDatabasePath(), ...(port ? { port } : {}), open: !values['no-open'] }
      return command === 'serve' ? serve(options) : start(options)
    }
    default:
      throw new UsageError(`unknown command "${command}" (try: help)`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof DatabaseTooNewError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  process.stdout.write(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }) + '\n')
  if (!known) console.error(error)
  process.exit(2)
})
