import { existsSync, readFileSync } from 'node:fs'
import { auditKeyFile, restoreAuditKey } from '../../audit/auditSeal'
import { ok, parseOptions, requireDb, UsageError, type CliCommand } from '../command'

/**
 * Rebuilds the audit key file from the recovery code printed at set-up. The code is the key itself, so it is read from
 * a file (never the command line, which other users of the machine can see in the process list).
 */
export const auditKeyRestoreCommand: CliCommand = {
  name: 'audit-key-restore',
  help: 'audit-key-restore --db FILE --code-file FILE [--replace]   rebuild the audit key from its printed recovery code',
  run(args) {
    const values = parseOptions(args, { db: { type: 'string' }, 'code-file': { type: 'string' }, replace: { type: 'boolean' } })
    const db = requireDb(values.db)
    const codeFile = values['code-file']
    if (!codeFile) throw new UsageError('--code-file is required: a file holding the recovery code printed at set-up')
    if (!existsSync(codeFile)) throw new UsageError(`no such file: ${codeFile}`)
    if (existsSync(auditKeyFile(db)) && !values.replace) {
      throw new UsageError(`${auditKeyFile(db)} exists; add --replace to overwrite it with the key from the code`)
    }
    try {
      restoreAuditKey(db, readFileSync(codeFile, 'utf8'))
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error))
    }
    return ok({ ok: true, keyFile: auditKeyFile(db) })
  },
}
