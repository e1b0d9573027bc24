/** Every CLI command, in `help` order: a new command is one module in this folder and one line here. */
import type { CliCommand } from '../command'
import { auditKeyRestoreCommand } from './auditKey'
import { auditVerifyCommand } from './auditVerify'
import { backupCommand } from './backup'
import { checkCertCommand } from './checkCert'
import { checkIdCommand } from './checkId'
import { demoCommand } from './demo'
import { gradeFitnessCommand, stepIndexCommand } from './fitness'
import { integrityCommand } from './integrity'
import { migrateCommand } from './migrate'
import { restoreCommand } from './restore'
import { scoreCommand } from './score'
import { serveCommand } from './serve'
import { startCommand } from './start'
import { termCommand } from './term'
import { dueCommand } from './due'
import { aftercareStatsCommand } from './aftercareStats'
import { exportPackageCommand, importPackageCommand } from './transfer'
import { serverFingerprintCommand } from './serverFingerprint'

export const COMMANDS: readonly CliCommand[] = [
  checkIdCommand,
  checkCertCommand,
  scoreCommand,
  termCommand,
  gradeFitnessCommand,
  stepIndexCommand,
  demoCommand,
  migrateCommand,
  integrityCommand,
  dueCommand,
  auditVerifyCommand,
  auditKeyRestoreCommand,
  backupCommand,
  restoreCommand,
  serveCommand,
  startCommand,
  aftercareStatsCommand,
  exportPackageCommand,
  importPackageCommand,
  serverFingerprintCommand,
]
