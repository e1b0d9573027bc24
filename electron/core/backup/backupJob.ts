/**
 * Making one backup, online: better-sqlite3's backup API copies the open database page by page between event-loop
 * turns, so the worker keeps answering calls meanwhile (writes made on this connection during the copy are carried
 * into it). The copy is then made self-contained (no WAL), checked, counted, optionally encrypted, checksummed and
 * described by its manifest, which is written last: a backup without a manifest is unfinished and never restored.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import Database from 'better-sqlite3'
import { version as packageVersion } from '../../../package.json'
import type { BackupManifest } from '../../shared/contract/backup'
import { lastAuditLink } from '../audit/auditRepo'
import type { ProgressReporter } from '../context'
import { integrityCheck, schemaVersion, type Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { encryptBackup } from './backupCrypto'
import { backupFilesIn, manifestPathFor, newBackupPath, rotationVictims } from './backupFiles'
import { rowCounts } from './backupQueries'

export const APP_VERSION: string = packageVersion

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

export interface BackupRequest {
  db: Db
  folder: string
  /** Encrypts with this passphrase; null writes a plain SQLite file. */
  passphrase: string | null
  trigger: BackupManifest['trigger']
  at: Date
  progress?: ProgressReporter
  /** Rotation after the backup: keep this many newest backups in the folder (none removed when absent). */
  keep?: number
  /** An exact file to write instead of a dated name in `folder` (the CLI's --to). */
  target?: string
}

export interface BackupDone {
  file: string
  manifest: BackupManifest
  removed: string[]
}

/** The file a request will write (chosen before the copy starts, so the caller can answer with it at once). */
export function backupTarget(request: Pick<BackupRequest, 'folder' | 'passphrase' | 'at' | 'target'>): string {
  return request.target ?? newBackupPath(request.folder, request.at, request.passphrase !== null)
}

export async function runBackup(request: BackupRequest, file = backupTarget(request)): Promise<BackupDone> {
  const { db, progress } = request
  const plainCopy = join(request.folder, `.xinsheng-backup-${randomUUID()}.partial`)
  const cleanup = () => {
    for (const f of [plainCopy, `${plainCopy}-journal`, `${file}.partial`]) if (existsSync(f)) unlinkSync(f)
  }
  try {
    await db.backup(plainCopy, {
      progress: ({ totalPages, remainingPages }) => {
        progress?.(totalPages - remainingPages, totalPages + 1, 'backup.progress.copy')
        return 200
      },
    })
    const facts = describeCopy(plainCopy)
    const plain = readFileSync(plainCopy)
    const contentSha256 = sha256(plain)
    const stored = request.passphrase === null ? plain : encryptBackup(plain, request.passphrase)
    writeFileSync(`${file}.partial`, stored)
    renameSync(`${file}.partial`, file)
    unlinkSync(plainCopy)
    const manifest: BackupManifest = {
      format: 1,
      file: basename(file),
      createdAt: request.at.toISOString(),
      appVersion: APP_VERSION,
      ...facts,
      encrypted: request.passphrase !== null,
      bytes: statSync(file).size,
      sha256: request.passphrase === null ? contentSha256 : sha256(stored),
      contentSha256,
      trigger: request.trigger,
    }
    writeManifest(file, manifest)
    const removed = request.keep === undefined ? [] : rotate(request.folder, request.keep, file)
    progress?.(1, 1, 'backup.progress.done')
    return { file, manifest, removed }
  } catch (error) {
    cleanup()
    progress?.(0, 1, 'backup.progress.failed')
    throw error
  }
}

/** Opens the fresh copy alone: journal mode DELETE (one self-contained file), integrity, counts and the audit head. */
function describeCopy(path: string): Pick<BackupManifest, 'schemaVersion' | 'facilityName' | 'rowCounts' | 'auditHead'> {
  const copy = new Database(path)
  try {
    copy.pragma('journal_mode = DELETE')
    const check = integrityCheck(copy)
    if (!check.ok) throw new Error(`the backup copy failed its integrity check: ${check.integrity.join('; ')}`)
    const head = lastAuditLink(copy)
    return {
      schemaVersion: schemaVersion(copy),
      facilityName: readSetting(copy, 'facility.name'),
      rowCounts: rowCounts(copy),
      auditHead: head ? { seq: head.seq, hash: head.hash } : null,
    }
  } finally {
    copy.close()
  }
}

function writeManifest(file: string, manifest: BackupManifest): void {
  const path = manifestPathFor(file)
  writeFileSync(`${path}.partial`, JSON.stringify(manifest, null, 2) + '\n')
  renameSync(`${path}.partial`, path)
}

/** Removes all but the `keep` newest backups (file and manifest); the one just made is never removed. */
export function rotate(folder: string, keep: number, justMade?: string): string[] {
  const victims = rotationVictims(backupFilesIn(folder), keep).filter((f) => f !== justMade)
  for (const victim of victims) {
    unlinkSync(victim)
    const manifest = manifestPathFor(victim)
    if (existsSync(manifest)) unlinkSync(manifest)
  }
  return victims
}
