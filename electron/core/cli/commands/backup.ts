import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { PASSPHRASE_MAX, PASSPHRASE_MIN } from '../../../shared/contract/backup'
import { appendAudit } from '../../audit/auditLog'
import { writeAuditAnchor } from '../../audit/auditSeal'
import { manifestPathFor } from '../../backup/backupFiles'
import { runBackup } from '../../backup/backupJob'
import { openDatabase } from '../../db/open'
import { ok, parseOptions, requireDb, UsageError, type CliCommand } from '../command'
import { newOutputFile } from '../outputFile'

/**
 * The passphrase from a file, or from stdin with `-`; never from the command line itself, where every user of the
 * machine could read it in the process list. One trailing line break is not part of it.
 */
export function readPassphraseFile(path: string | undefined): string | null {
  if (path === undefined) return null
  let raw: string
  try {
    raw = readFileSync(path === '-' ? 0 : path, 'utf8')
  } catch {
    throw new UsageError(`cannot read the passphrase file ${path}`)
  }
  const passphrase = raw.replace(/\r?\n$/, '')
  if (passphrase.length < PASSPHRASE_MIN || passphrase.length > PASSPHRASE_MAX) {
    throw new UsageError(`the passphrase must be ${PASSPHRASE_MIN} to ${PASSPHRASE_MAX} characters long`)
  }
  return passphrase
}

const OPTIONS = { db: { type: 'string' }, to: { type: 'string' }, 'passphrase-file': { type: 'string' } } as const

export const backupCommand: CliCommand = {
  name: 'backup',
  help: 'backup --db FILE --to FILE [--passphrase-file F|-]     online backup + manifest (encrypted with a passphrase)',
  async run(args) {
    const values = parseOptions(args, OPTIONS)
    const file = requireDb(values.db)
    if (!values.to) throw new UsageError('--to FILE is required')
    const to = newOutputFile(values.to)
    const passphrase = readPassphraseFile(values['passphrase-file'])
    const db = openDatabase(file, { migrate: false })
    try {
      const done = await runBackup({ db, folder: dirname(to), passphrase, trigger: 'cli', at: new Date(), target: to })
      db.transaction(() =>
        appendAudit(db, { at: new Date().toISOString(), actorId: null, actorName: 'cli', method: 'cli:backup', recordType: 'backup', recordId: done.manifest.file, detail: JSON.stringify({ to, sha256: done.manifest.sha256, encrypted: done.manifest.encrypted }) }),
      )()
      writeAuditAnchor(db, new Date().toISOString())
      const { sha256, encrypted, schemaVersion, bytes } = done.manifest
      return ok({ ok: true, file: to, manifest: manifestPathFor(to), bytes, sha256, encrypted, schemaVersion, rows: Object.values(done.manifest.rowCounts).reduce((a, b) => a + b, 0) })
    } finally {
      db.close()
    }
  },
}
