/**
 * What every CLI command is: its name, its line in `help`, and a run over its own arguments. A command that takes
 * options declares them and parses with `parseOptions`; check-id and score read their arguments themselves (an ID
 * number or an answer list may look like an option).
 */
import { existsSync } from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A command's answer: one JSON object for stdout and the exit code. */
export interface CommandResult {
  out: unknown
  code: number
}

export interface CliCommand {
  name: string
  /** Its line in `help`, after the two-space indent (the help text is assembled from these, in registry order). */
  help: string
  /** A result to print (or its promise, for backup and restore), or nothing for the commands that keep running (serve, start). */
  run(args: string[]): CommandResult | Promise<CommandResult | void>
}

/** Bad input: the CLI prints `{"error": message}` and exits 2. */
export class UsageError extends Error {}

/** `<command> --help`: the CLI prints the command's help line and exits 0. */
export class HelpRequested extends Error {}

export const ok = (out: unknown): CommandResult => ({ out, code: 0 })

type Options = NonNullable<ParseArgsConfig['options']>
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const

/** Strictly parses a command's declared options (and --help); positionals are refused. */
export function parseOptions<O extends Options>(args: string[], options: O) {
  const { values, positionals } = parseArgs({ args, options: { ...options, ...HELP_OPTION }, allowPositionals: true, strict: true })
  if ((values as { help?: boolean }).help) throw new HelpRequested()
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`)
  return values as ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>['values']
}

export function requireDb(db: string | undefined, mustExist = true): string {
  if (!db) throw new UsageError('--db FILE is required')
  if (mustExist && !existsSync(db)) throw new UsageError(`no database at ${db}`)
  return db
}
