import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { translate } from '../../shared/i18n/messages'
import { folderProblem, manifestPathFor } from '../backup/backupFiles'
import { UsageError } from './command'

/**
 * The file a command writes with its manifest beside it (a backup, a transfer package): absolute, neither it nor its
 * manifest already there (nothing is overwritten), its folder usable. Refused as a usage error naming the problem.
 */
export function newOutputFile(given: string): string {
  const out = resolve(given)
  if (existsSync(out) || existsSync(manifestPathFor(out))) throw new UsageError(`${given} (or its manifest) already exists; nothing was overwritten`)
  const problem = folderProblem(dirname(out))
  if (problem) throw new UsageError(`${dirname(out)}: ${translate('en', problem)}`)
  return out
}
