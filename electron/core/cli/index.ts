/**
 * `npm run -s cli -- <command>`: one JSON object on stdout per command (serve/start excepted, they keep running).
 * Exit 0 on success, 1 for a negative answer (invalid ID, broken audit chain), 2 for bad input.
 * Each command is a module in commands/; this file only finds it, runs it and prints its answer.
 */
import { HelpRequested, UsageError, type CliCommand, type CommandResult } from './command'
import { COMMANDS } from './commands'

const HELP = ['Xinsheng command line', ...COMMANDS.map((c) => `  ${c.help}`)].join('\n')

/** Exits once the answer is flushed: exiting straight after the write cuts a long answer (over 64 KiB) on a pipe. */
function print(result: CommandResult): void {
  process.stdout.write(JSON.stringify(result.out) + '\n', () => process.exit(result.code))
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(HELP + '\n')
    return
  }
  const command: CliCommand | undefined = COMMANDS.find((c) => c.name === name)
  if (!command) throw new UsageError(`unknown command "${name}" (try: help)`)
  try {
    const result = await command.run(rest)
    if (result) print(result)
  } catch (error) {
    if (!(error instanceof HelpRequested)) throw error
    process.stdout.write(`  ${command.help}\n`)
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // DatabaseTooNewError is known by name: from the worker (serve) it arrives as a copy, not an instance.
  const known =
    error instanceof UsageError ||
    (error instanceof Error && error.name === 'DatabaseTooNewError') ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  process.stdout.write(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }) + '\n')
  if (!known) console.error(error)
  process.exit(2)
})
