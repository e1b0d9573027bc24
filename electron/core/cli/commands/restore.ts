import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { translate } from '../../../shared/i18n/messages'
import { appendAudit } from '../../audit/auditLog'
import { auditAnchorFile, auditKeyFile, writeAuditAnchor } from '../../audit/auditSeal'
import { discardPrepared, keptCopyPath, prepareRestore, RestoreRefused, swapIn } from '../../backup/restore'
import { openDatabase } from '../../db/open'
import { parseOptions, UsageError, type CliCommand } from '../command'
import { readPassphraseFile } from './backup'

const OPTIONS = { db: { type: 'string' }, from: { type: 'string' }, 'passphrase-file': { type: 'string' } } as const

/**
 * Restores a backup into --db with the app stopped (the running app restores from its backup screen instead). The
 * same checks as the app; an existing database is kept beside it as `<name>.before-restore-<time>.db`.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  help: 'restore --db FILE --from FILE [--passphrase-file F|-]  check a backup and restore it (app stopped)',
  async run(args) {
    const values = parseOptions(args, OPTIONS)
    if (!values.db) throw new UsageError('--db FILE is required')
    if (!values.from) throw new UsageError('--from FILE is required')
    const dbFile = resolve(values.db)
    const passphrase = readPassphraseFile(values['passphrase-file'])
    const at = new Date()
    const exists = existsSync(dbFile)
    // Checkpointed and closed first: the copy kept aside is then the whole database, and an unreadable one stops here.
    if (exists) openDatabase(dbFile, { migrate: false }).close()
    else mkdirSync(dirname(dbFile), { recursive: true })
    let prepared
    try {
      prepared = prepareRestore({ from: resolve(values.from), dbFile, passphrase, at, actor: { id: null, name: 'cli' }, method: 'cli:restore' })
    } catch (error) {
      if (!(error instanceof RestoreRefused)) throw error
      return { out: { ok: false, error: translate('en', error.key, error.params), reason: error.key }, code: 1 }
    }
    const detail = JSON.stringify({ from: resolve(values.from), createdAt: prepared.manifest.createdAt })
    if (!exists) {
      copyFileSync(prepared.prepared, dbFile)
      for (const sidecar of [auditKeyFile, auditAnchorFile]) if (existsSync(sidecar(prepared.prepared))) copyFileSync(sidecar(prepared.prepared), sidecar(dbFile))
      discardPrepared(prepared.prepared)
      return { out: { ok: true, db: dbFile, restoredFrom: resolve(values.from), keptCopy: null, createdAt: prepared.manifest.createdAt }, code: 0 }
    }
    // The database being replaced records the restore too (it survives as the kept copy).
    const current = openDatabase(dbFile, { migrate: false })
    try {
      current.transaction(() => appendAudit(current, { at: at.toISOString(), actorId: null, actorName: 'cli', method: 'cli:restore', recordType: 'backup', recordId: prepared.manifest.file, detail }))()
      writeAuditAnchor(current, at.toISOString())
    } finally {
      current.close()
    }
    const keptCopy = keptCopyPath(dbFile, at)
    swapIn({ prepared: prepared.prepared, dbFile, keptCopy, reopen: (file) => openDatabase(file, { migrate: false }).close() })
    return { out: { ok: true, db: dbFile, restoredFrom: resolve(values.from), keptCopy, createdAt: prepared.manifest.createdAt }, code: 0 }
  },
}
