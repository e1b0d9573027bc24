/** Every CLI command, in `help` order: a new command is one module in this folder and one line here. */
import type { CliCommand } from '../command'
import { auditKeyRestoreCommand } from './auditKey'
import { auditVerifyCommand } from './auditVerify'
import { checkIdCommand } from './checkId'
import { demoCommand } from './demo'
import { integrityCommand } from './integrity'
import { migrateCommand } from './migrate'
import { scoreCommand } from './score'
import { serveCommand } from './serve'
import { startCommand } from './start'
import { termCommand } from './term'

export const COMMANDS: readonly CliCommand[] = [
  checkIdCommand,
  scoreCommand,
  termCommand,
  demoCommand,
  migrateCommand,
  integrityCommand,
  auditVerifyCommand,
  auditKeyRestoreCommand,
  serveCommand,
  startCommand,
]
