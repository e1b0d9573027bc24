/**
 * The back end's side of backups: which database a handler's connection belongs to (so a restore can swap it through
 * the back end's reopen), which backups are running, and the daily timer. core/backend.ts creates one per back end
 * and attaches every connection it opens; a dispatcher without a back end (unit tests) can back up but not restore.
 */
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BackendEventListener } from '../../shared/events'
import { appendAudit } from '../audit/auditLog'
import { writeAuditAnchor } from '../audit/auditSeal'
import type { Clock } from '../context'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { backupFilesIn, defaultBackupFolder, facilityDate, folderProblem } from './backupFiles'
import { runBackup, type BackupDone } from './backupJob'
import { readPassphrase } from './passphraseStore'
import { readManifest } from './restore'

export interface BackupHostOptions {
  /** The database file the back end serves now. */
  file(): string
  /** The back end's reopen: opens `file`, then closes the current database; sessions end. */
  reopen(file: string): void
  clock: Clock
  onEvent?: BackendEventListener
}

/** First look 2 minutes after start (a start is busy enough), then every 15 minutes. */
const FIRST_CHECK_MS = 2 * 60_000
const CHECK_EVERY_MS = 15 * 60_000

const hosts = new WeakMap<Db, BackupHost>()
/** Database files with a backup in progress (one at a time per file). */
const running = new Set<string>()
/** The last failed backup's message key per database file, until one succeeds. */
const lastErrors = new Map<string, string>()

export const backupHostFor = (db: Db): BackupHost | null => hosts.get(db) ?? null
export const backupRunning = (db: Db): boolean => running.has(db.name)
export const lastBackupError = (db: Db): string | null => lastErrors.get(db.name) ?? null

/** The folder backups of this database go to: the chosen one, or `backups` beside the database. */
export function effectiveFolder(db: Db): string {
  return readSetting(db, 'backup.folder') ?? (db.memory ? join(tmpdir(), 'xinsheng-backups') : defaultBackupFolder(db.name))
}

/** Runs a backup in the background, marking the database busy meanwhile; failures are kept for the history screen. */
export function startBackup(db: Db, job: (db: Db) => Promise<BackupDone>, onDone?: (done: BackupDone) => void): void {
  const key = db.name
  running.add(key)
  job(db)
    .then((done) => {
      lastErrors.delete(key)
      onDone?.(done)
    })
    .catch((error: unknown) => {
      lastErrors.set(key, error instanceof Error && error.message.startsWith('backup.') ? error.message : 'backup.progress.failed')
      console.error('[backup] failed:', error)
    })
    .finally(() => running.delete(key))
}

/** Whether the daily backup is due: on, and no backup yet on the facility's current date. */
export function dailyBackupDue(options: { daily: boolean; now: Date; newestCreatedAt: string | null }): boolean {
  if (!options.daily) return false
  if (!options.newestCreatedAt) return true
  return facilityDate(new Date(options.newestCreatedAt)) < facilityDate(options.now)
}

export class BackupHost {
  private timers: NodeJS.Timeout[] = []

  constructor(readonly options: BackupHostOptions) {}

  attach(db: Db): void {
    hosts.set(db, this)
  }

  /** Starts the daily timer over whichever database is open (`currentDb` follows reopen). */
  startDaily(currentDb: () => Db | null): void {
    const tick = () => {
      const db = currentDb()
      if (db) this.checkDaily(db)
    }
    const first = setTimeout(() => {
      tick()
      const every = setInterval(tick, CHECK_EVERY_MS)
      every.unref()
      this.timers.push(every)
    }, FIRST_CHECK_MS)
    first.unref()
    this.timers.push(first)
  }

  /** One look at the clock: starts the daily backup when due. Returns whether it started one (tests call it directly). */
  checkDaily(db: Db): boolean {
    if (db.memory || backupRunning(db)) return false
    const now = this.options.clock.now()
    const folder = effectiveFolder(db)
    const newest = backupFilesIn(folder)[0]
    const newestCreatedAt = newest ? (readManifest(newest)?.createdAt ?? null) : null
    if (!dailyBackupDue({ daily: readSetting(db, 'backup.daily'), now, newestCreatedAt })) return false
    if (readSetting(db, 'backup.folder') === null) mkdirSync(folder, { recursive: true })
    const encrypt = readSetting(db, 'backup.encrypt')
    const passphrase = encrypt ? readPassphrase(db) : null
    const problem = folderProblem(folder) ?? (encrypt && !passphrase ? 'backup.passphrase_needed' : null)
    if (problem) {
      lastErrors.set(db.name, problem)
      return false
    }
    const progress = this.options.onEvent && progressEvents(this.options.onEvent)
    const keep = readSetting(db, 'backup.keep')
    startBackup(
      db,
      (source) => runBackup({ db: source, folder, passphrase, trigger: 'daily', at: now, keep, ...(progress ? { progress } : {}) }),
      (done) => {
        // The daily backup has no caller to audit it: the system records it, after the copy (the copy is unchanged).
        if (!db.open) return
        db.transaction(() =>
          appendAudit(db, {
            at: this.options.clock.now().toISOString(),
            actorId: null,
            actorName: null,
            method: 'backup:daily',
            recordType: 'backup',
            recordId: done.manifest.file,
            detail: JSON.stringify({ sha256: done.manifest.sha256, encrypted: done.manifest.encrypted, removed: done.removed.length }),
          }),
        )()
        writeAuditAnchor(db, this.options.clock.now().toISOString())
      },
    )
    return true
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearTimeout(timer)
  }
}

function progressEvents(listener: BackendEventListener) {
  const jobId = `daily-${Date.now()}`
  return (done: number, total: number, label: string) => listener({ type: 'progress', jobId, method: 'backup:run', done, total, label })
}
