/**
 * Backup handlers (administrators: 'backup.manage'). Handlers stay synchronous: `backup:run` checks, names the file
 * and starts the copy, which continues between calls (progress events of 'backup:run'); `backup:restore` checks the
 * backup fully inside the call and swaps the database right after the call's transaction has committed.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { basename, isAbsolute } from 'node:path'
import type { BackupEntry, backupContract, BackupOverview } from '../../shared/contract/backup'
import { lastAuditLink } from '../audit/auditRepo'
import { actorOf } from '../context'
import type { Db } from '../db/open'
import { readSetting, settingsVersion, writeSetting } from '../db/settingsRepo'
import { AppError, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { backupFilesIn, folderProblem } from './backupFiles'
import { backupTarget, runBackup, sha256 } from './backupJob'
import { backupHostFor, backupRunning, effectiveFolder, lastBackupError, startBackup } from './backupRuntime'
import { readPassphrase, storePassphrase } from './passphraseStore'
import { discardPrepared, keptCopyPath, prepareRestore, readManifest, RestoreRefused, swapIn } from './restore'

/** Checksums of backup files already verified, by path and (size, mtime): the history does not re-read unchanged files. */
const verified = new Map<string, { stamp: string; sha256: string }>()

function fileSha(path: string, size: number, mtimeMs: number): string {
  const stamp = `${size}:${mtimeMs}`
  const known = verified.get(path)
  if (known?.stamp === stamp) return known.sha256
  const sum = sha256(readFileSync(path))
  verified.set(path, { stamp, sha256: sum })
  return sum
}

export function listBackups(folder: string): BackupEntry[] {
  return backupFilesIn(folder).map((file) => {
    const stat = statSync(file)
    const manifest = readManifest(file)
    const encrypted = file.endsWith('.enc')
    if (!manifest) {
      return { file, name: basename(file), createdAt: null, bytes: stat.size, encrypted, totalRows: null, appVersion: null, schemaVersion: null, trigger: null, checksum: 'no_manifest' as const }
    }
    return {
      file,
      name: basename(file),
      createdAt: manifest.createdAt,
      bytes: stat.size,
      encrypted: manifest.encrypted,
      totalRows: Object.values(manifest.rowCounts).reduce((a, b) => a + b, 0),
      appVersion: manifest.appVersion,
      schemaVersion: manifest.schemaVersion,
      trigger: manifest.trigger,
      checksum: fileSha(file, stat.size, stat.mtimeMs) === manifest.sha256 ? ('ok' as const) : ('mismatch' as const),
    }
  })
}

/** The settings one form saves together. */
const SETTINGS_KEYS = ['backup.folder', 'backup.keep', 'backup.daily', 'backup.encrypt'] as const

function overview(db: Db): BackupOverview {
  const folder = effectiveFolder(db)
  return {
    settings: {
      folder: readSetting(db, 'backup.folder'),
      keep: readSetting(db, 'backup.keep'),
      daily: readSetting(db, 'backup.daily'),
      encrypt: readSetting(db, 'backup.encrypt'),
    },
    version: settingsVersion(db, SETTINGS_KEYS),
    folder,
    passphraseSet: readPassphrase(db) !== null,
    running: backupRunning(db),
    lastError: lastBackupError(db),
    entries: folderProblem(folder) === 'backup.folder_not_dir' ? [] : listBackups(folder),
  }
}

/** The folder a backup goes to now, created when it is the default one; a chosen folder must already exist. */
function usableFolder(db: Db): string {
  const folder = effectiveFolder(db)
  if (readSetting(db, 'backup.folder') === null) mkdirSync(folder, { recursive: true })
  const problem = folderProblem(folder)
  if (problem) throw ruleViolation(problem)
  return folder
}

export const backupHandlers = {
  'backup:list': (_input, ctx) => overview(ctx.db),

  'backup:updateSettings': (input, ctx) => {
    if (input.version !== settingsVersion(ctx.db, SETTINGS_KEYS)) throw new AppError('conflict', 'settings.stale')
    if (input.folder !== null) {
      if (!isAbsolute(input.folder)) throw ruleViolation('backup.folder_relative', 'folder')
      const problem = folderProblem(input.folder)
      if (problem) throw ruleViolation(problem, 'folder')
    }
    if (input.encrypt && readPassphrase(ctx.db) === null) throw ruleViolation('backup.passphrase_needed', 'encrypt')
    writeSetting(ctx.db, 'backup.folder', input.folder)
    writeSetting(ctx.db, 'backup.keep', input.keep)
    writeSetting(ctx.db, 'backup.daily', input.daily)
    writeSetting(ctx.db, 'backup.encrypt', input.encrypt)
    const { version: _version, ...settings } = input
    ctx.auditDetail = JSON.stringify(settings)
    return null
  },

  'backup:setPassphrase': (input, ctx) => {
    const had = readPassphrase(ctx.db) !== null
    storePassphrase(ctx.db, input.passphrase)
    // Never the passphrase itself: only that it was set or changed.
    ctx.auditDetail = JSON.stringify({ passphrase: had ? 'changed' : 'set' })
    return null
  },

  'backup:run': (_input, ctx) => {
    if (backupRunning(ctx.db)) throw new AppError('conflict', 'backup.running')
    const folder = usableFolder(ctx.db)
    const encrypt = readSetting(ctx.db, 'backup.encrypt')
    const passphrase = encrypt ? readPassphrase(ctx.db) : null
    if (encrypt && !passphrase) throw ruleViolation('backup.passphrase_needed')
    const request = { db: ctx.db, folder, passphrase, trigger: 'manual' as const, at: ctx.clock.now(), keep: readSetting(ctx.db, 'backup.keep'), ...(ctx.progress ? { progress: ctx.progress } : {}) }
    const file = backupTarget(request)
    // The copy starts once this call's transaction (with its audit row) has committed: better-sqlite3 begins it after an await.
    startBackup(ctx.db, (db) => runBackup({ ...request, db }, file))
    return { file: basename(file) }
  },

  'backup:restore': (input, ctx) => {
    const host = backupHostFor(ctx.db)
    if (!host) throw ruleViolation('backup.restore_needs_backend')
    if (backupRunning(ctx.db)) throw new AppError('conflict', 'backup.running')
    const actor = actorOf(ctx)
    const dbFile = host.options.file()
    const at = ctx.clock.now()
    let prepared
    try {
      prepared = prepareRestore({ from: input.file, dbFile, passphrase: input.passphrase || readPassphrase(ctx.db), at, actor: { id: actor.id, name: actor.displayName } })
    } catch (error) {
      if (error instanceof RestoreRefused) {
        const params = Object.keys(error.params).length > 0 ? { params: error.params } : {}
        throw new AppError('rule_violation', error.key, { ...params, ...(error.field ? { field: error.field } : {}) })
      }
      throw error
    }
    const keptCopy = keptCopyPath(dbFile, at)
    const { manifest } = prepared
    ctx.auditDetail = JSON.stringify({ from: input.file, createdAt: manifest.createdAt, appVersion: manifest.appVersion, schemaVersion: manifest.schemaVersion, keptCopy })
    // After this call's transaction commits (its audit row stays in the database being replaced, and in the kept copy).
    // The audit row is the sign it committed: without it (the call failed after this handler) nothing is swapped.
    const seqBefore = lastAuditLink(ctx.db)?.seq ?? 0
    const db = ctx.db
    queueMicrotask(() => {
      if (!db.open || (lastAuditLink(db)?.seq ?? 0) <= seqBefore) {
        discardPrepared(prepared.prepared)
        return
      }
      try {
        swapIn({ prepared: prepared.prepared, dbFile, keptCopy, reopen: host.options.reopen })
      } catch (error) {
        console.error('[backup] restore swap failed; the current database stays in service:', error)
        host.options.onEvent?.({ type: 'progress', jobId: `restore-${at.getTime()}`, method: 'backup:restore', done: 0, total: 1, label: 'backup.progress.restore_failed' })
      }
    })
    return { restoredFrom: basename(input.file), keptCopy }
  },
} satisfies HandlersFor<typeof backupContract>
