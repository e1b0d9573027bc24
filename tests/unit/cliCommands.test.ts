/**
 * The CLI as modules (cli/commands/<name>.ts): the help text assembled from them is the one users and the README know,
 * each command parses its own options, and `<command> --help` prints its line.
 */
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../../electron/core/cli/commands'
import { termCommand } from '../../electron/core/cli/commands/term'
import { UsageError } from '../../electron/core/cli/command'
import { expectOneJsonLine, runCli } from './helpers'

const HELP = `Xinsheng command line
  check-id <idNumber>                                    validate a resident ID number (GB 11643-1999)
  check-cert <number> [--issued YYYY-MM-DD] [--level 1-5]   validate a certificate number (22-char, 16 or 13 digits)
  score <phq9|gad7|scl90|zung_sds|zung_sas> <a1,a2,…> [--cutoff-set ID] [--rounding truncate|round_half_up]
  term --decision YYYY-MM-DD [--extension-months N] [--escape FROM:TO]...
  grade-fitness --standard ID --sex M|F --age N [--height CM --weight KG] [--vital-capacity ML] [--step-index X] [--grip KG] [--push-ups N] [--sit-ups N] [--vertical-jump CM] [--sit-and-reach CM] [--choice-reaction S] [--single-leg-stand S]
  step-index --duration S --pulses A,B,C
  demo --db FILE --people N [--seed S]                   create a demo facility in a new database
  migrate --db FILE                                      apply pending migrations
  integrity --db FILE                                    PRAGMA integrity_check + foreign_key_check
  due --db FILE [--ward NAME|ID] [--date YYYY-MM-DD]     due work of a ward (or every current file) on a date
  audit-verify --db FILE                                 verify the audit log's hash chain
  audit-key-restore --db FILE --code-file FILE [--replace]   rebuild the audit key from its printed recovery code
  backup --db FILE --to FILE [--passphrase-file F|-]     online backup + manifest (encrypted with a passphrase)
  restore --db FILE --from FILE [--passphrase-file F|-]  check a backup and restore it (app stopped)
  serve [--db FILE] [--port N] [--no-open]               browser mode on 127.0.0.1
  serve --facility --db FILE --listen HOST:PORT [--tls-dir DIR] [--name HOST]... [--no-open]   facility server over HTTPS
  start [--db FILE] [--port N] [--no-open]               Electron if installed, else browser mode
  aftercare-stats --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD]   follow-up cohort of people released in the range
  export-package --db FILE --out FILE [--again] | --cancel   package a workstation database for the facility server
  import-package --db FILE --package FILE [--dry-run] [--report F.json]  import a workstation package (server stopped)
  server-fingerprint --server https://HOST:PORT [--expect FP]   the certificate fingerprint a facility server presents
`

describe('command registry', () => {
  it('names each command once, and each help line starts with its name', () => {
    const names = COMMANDS.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
    for (const c of COMMANDS) expect(c.help.startsWith(`${c.name} `)).toBe(true)
  })

  it('runs a command in-process with its own options', () => {
    expect(termCommand.run(['--decision', '2025-01-01', '--escape', '2025-02-01:2025-02-10'])).toEqual({
      out: { lastDay: '2027-01-09', earliestEarlyRelease: '2026-01-10', earlyReleaseAllowed: false, daysNotCounted: 9 },
      code: 0,
    })
    expect(() => termCommand.run([])).toThrow(UsageError)
    expect(() => termCommand.run(['--decision', '2025-01-01', 'extra'])).toThrow('unexpected argument "extra"')
    expect(() => termCommand.run(['--db', 'x.db'])).toThrow("Unknown option '--db'")
  })
})

describe('cli help', () => {
  it('help prints the same text as before the commands became modules', () => {
    const run = runCli(['help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe(HELP)
  })

  it('<command> --help prints that command\'s line', () => {
    const run = runCli(['migrate', '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('  migrate --db FILE                                      apply pending migrations\n')
  })

  it('an unknown command is bad input', () => {
    const run = runCli(['frobnicate'])
    expectOneJsonLine(run)
    expect(run.json).toEqual({ error: 'unknown command "frobnicate" (try: help)' })
    expect(run.code).toBe(2)
  })
})
