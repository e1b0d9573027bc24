/**
 * Restoring a backup, in two steps. `prepareRestore` checks everything while the current database keeps serving
 * (manifest present and well formed, SHA-256 of the file, schema not newer than this app, passphrase, integrity and
 * foreign keys) and writes the prepared copy, with the restore's own audit row, beside the database. `swapIn` then
 * keeps a copy of the current database beside it and swaps the prepared file in through the back end's reopen.
 * Any refusal leaves every file as it was.
 */
import { randomUUID } from 'node:crypto'
import { copyFileSync, existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { z } from 'zod'
import type { BackupManifest } from '../../shared/contract/backup'
import { appendAudit, verifyAudit } from '../audit/auditLog'
import { auditAnchorFile, auditKeyFile, writeAuditAnchor } from '../audit/auditSeal'
import { MIGRATIONS } from '../db/migrations'
import { integrityCheck, openDatabase, schemaVersion } from '../db/open'
import { decryptBackup, isEncryptedBackup, WrongPassphraseError } from './backupCrypto'
import { facilityStamp, manifestPathFor } from './backupFiles'
import { sha256 } from './backupJob'

/** A refused restore: a message key (shared/i18n/messages.ts), its parameters and the input field it concerns. */
export class RestoreRefused extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly field: 'file' | 'passphrase' | null = 'file',
  ) {
    super(key)
    this.name = 'RestoreRefused'
  }
}

const manifestSchema = z.object({
  format: z.literal(1),
  file: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().min(0),
  facilityName: z.string().nullable(),
  encrypted: z.boolean(),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  rowCounts: z.record(z.string(), z.number()),
  auditHead: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  trigger: z.enum(['manual', 'daily', 'cli']),
})

/** The manifest beside a backup file, parsed; null when there is none or it is not one. */
export function readManifest(backupFile: string): BackupManifest | null {
  const path = manifestPathFor(backupFile)
  if (!existsSync(path)) return null
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export interface RestoreRequest {
  from: string
  /** The database being replaced (the prepared copy is written beside it). */
  dbFile: string
  passphrase: string | null
  at: Date
  actor: { id: string | null; name: string | null }
  /** The audit method of the restore's row in the restored database. */
  method?: 'backup:restore' | 'cli:restore'
}

export interface PreparedRestore {
  prepared: string
  manifest: BackupManifest
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'ascii')

export function prepareRestore(request: RestoreRequest): PreparedRestore {
  const { from, dbFile } = request
  if (!existsSync(from)) throw new RestoreRefused('backup.file_missing')
  if (resolve(from) === resolve(dbFile)) throw new RestoreRefused('backup.same_file')
  if (!existsSync(manifestPathFor(from))) throw new RestoreRefused('backup.manifest_missing', { manifest: basename(manifestPathFor(from)) })
  const manifest = readManifest(from)
  if (!manifest) throw new RestoreRefused('backup.manifest_invalid')
  const supported = MIGRATIONS.length
  const tooNew = (found: number) => new RestoreRefused('backup.too_new', { found, supported, appVersion: manifest.appVersion })
  if (manifest.schemaVersion > supported) throw tooNew(manifest.schemaVersion)

  const stored = readFileSync(from)
  if (sha256(stored) !== manifest.sha256) throw new RestoreRefused('backup.checksum_mismatch')
  let plain: Buffer = stored
  if (manifest.encrypted || isEncryptedBackup(stored)) {
    if (!request.passphrase) throw new RestoreRefused('backup.passphrase_needed', {}, 'passphrase')
    try {
      plain = decryptBackup(stored, request.passphrase)
    } catch (error) {
      if (error instanceof WrongPassphraseError) throw new RestoreRefused('backup.wrong_passphrase', {}, 'passphrase')
      throw error
    }
  }
  if (sha256(plain) !== manifest.contentSha256) throw new RestoreRefused('backup.checksum_mismatch')
  if (!plain.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) throw new RestoreRefused('backup.not_a_backup')

  const prepared = join(dirname(dbFile), `.${basename(dbFile)}.restore-${randomUUID()}.tmp`)
  try {
    writeFileSync(prepared, plain)
    checkCopy(prepared, supported, tooNew)
    // The facility's audit key (kept beside the database, never in a backup) checks the backup's chain; a database
    // without one yet gets a new key at open, which the backup's keyed rows then fail.
    if (existsSync(auditKeyFile(dbFile))) copyFileSync(auditKeyFile(dbFile), auditKeyFile(prepared))
    // Older schemas are migrated here, as any database opened by this app is; then the restore's row in its chain.
    const db = openDatabase(prepared)
    try {
      const chain = verifyAudit(db)
      if (!chain.ok) throw new RestoreRefused('backup.audit_chain_broken', { problem: chain.problem })
      db.transaction(() =>
        appendAudit(db, {
          at: request.at.toISOString(),
          actorId: request.actor.id,
          actorName: request.actor.name,
          method: request.method ?? 'backup:restore',
          recordType: 'backup',
          recordId: basename(from),
          detail: JSON.stringify({ from, createdAt: manifest.createdAt, appVersion: manifest.appVersion, schemaVersion: manifest.schemaVersion, sha256: manifest.sha256 }),
        }),
      )()
      // The anchor the swap carries over to the database path, so the restored chain is not taken for a cut one.
      writeAuditAnchor(db, request.at.toISOString())
    } finally {
      db.close()
    }
    return { prepared, manifest }
  } catch (error) {
    removeDatabaseFiles(prepared)
    throw error
  }
}

function checkCopy(path: string, supported: number, tooNew: (found: number) => RestoreRefused): void {
  let copy: Database.Database
  try {
    copy = new Database(path, { fileMustExist: true })
  } catch {
    throw new RestoreRefused('backup.not_a_backup')
  }
  try {
    const version = schemaVersion(copy)
    if (version > supported) throw tooNew(version)
    copy.pragma('foreign_keys = ON')
    const check = integrityCheck(copy)
    if (!check.ok) {
      const problem = check.integrity[0] !== 'ok' ? check.integrity.slice(0, 3).join('; ') : `${check.foreignKeys.length} foreign key violation(s)`
      throw new RestoreRefused('backup.integrity_failed', { problem })
    }
  } catch (error) {
    if (error instanceof RestoreRefused) throw error
    throw new RestoreRefused('backup.not_a_backup')
  } finally {
    copy.close()
  }
}

/** Where the current database is kept before a restore replaces it: beside it, named with the time. */
export function keptCopyPath(dbFile: string, at: Date): string {
  const ext = extname(dbFile) || '.db'
  const stem = join(dirname(dbFile), `${basename(dbFile, extname(dbFile))}.before-restore-${facilityStamp(at)}`)
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n === 1 ? '' : `-${n}`}${ext}`
    if (!existsSync(candidate)) return candidate
  }
}

/**
 * Swaps the prepared copy in. `reopen` is the back end's: it opens the given file and only then closes the current
 * one. Serving the prepared copy first closes the current file, which is then copied aside whole; the prepared copy
 * is written over the database path and served from there, so the next start opens the restored data.
 */
export function swapIn(options: { prepared: string; dbFile: string; keptCopy: string; reopen: (file: string) => void }): void {
  const { prepared, dbFile, keptCopy, reopen } = options
  reopen(prepared)
  try {
    copyFileSync(dbFile, keptCopy)
    // A clean close leaves no WAL; if one is left, it belongs to the kept copy, never to the restored data.
    if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${keptCopy}-wal`)
    // The kept copy verifies on its own: its audit key and anchor go with it.
    copyIfPresent(auditKeyFile(dbFile), auditKeyFile(keptCopy))
    copyIfPresent(auditAnchorFile(dbFile), auditAnchorFile(keptCopy))
    for (const leftover of [`${dbFile}-wal`, `${dbFile}-shm`]) if (existsSync(leftover)) unlinkSync(leftover)
  } catch (error) {
    reopen(dbFile)
    removeDatabaseFiles(prepared)
    throw error
  }
  copyFileSync(prepared, dbFile)
  // The restored chain's head becomes the anchor (a restore legitimately moves it back, and says so in the chain).
  copyIfPresent(auditAnchorFile(prepared), auditAnchorFile(dbFile))
  if (!existsSync(auditKeyFile(dbFile))) copyIfPresent(auditKeyFile(prepared), auditKeyFile(dbFile))
  reopen(dbFile)
  removeDatabaseFiles(prepared)
}

function copyIfPresent(from: string, to: string): void {
  if (existsSync(from)) copyFileSync(from, to)
}

/** Removes a prepared copy that will not be swapped in. */
export const discardPrepared = (prepared: string): void => removeDatabaseFiles(prepared)

function removeDatabaseFiles(path: string): void {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`, auditKeyFile(path), auditAnchorFile(path)]) {
    try {
      if (existsSync(f)) unlinkSync(f)
    } catch {
      // A leftover temporary file is harmless (hidden, never opened again); the restore's outcome does not depend on it.
    }
  }
}
