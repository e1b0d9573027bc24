/**
 * The back end's lifecycle, synchronous and in one place: open the database (which migrates it) → dispatcher → close,
 * and reopen on another file (a restore swaps the database without a restart). It runs inside the worker thread
 * (worker/entry.ts) in Electron and browser mode; tests may also use it directly on the calling thread.
 */
import { dirname, join } from 'node:path'
import type { Locale } from '../shared/i18n/messages'
import type { BackendEventListener } from '../shared/events'
import { SessionStore, type SessionLimitsMs } from './auth/sessions'
import { readSetting } from './db/settingsRepo'
import { servingState, type ServingInfo, type ServingState } from './server/serving'
import { BackupHost } from './backup/backupRuntime'
import { systemClock, type Clock } from './context'
import { openDatabase, type Db } from './db/open'
import { loadExtraStandards } from './fitness/norms'
import { createDispatcher, type AsyncDispatch, type Dispatch, type Dispatcher } from './dispatch'

export interface BackendOptions {
  /** The database file (created and migrated if needed), or ':memory:'. */
  file: string
  clock?: Clock
  locale?: Locale
  /** Handlers' progress reports (and later other events) go here. */
  onEvent?: BackendEventListener
  logError?: (error: unknown, method: string) => void
  /** The automatic daily backup while open (default on; the CLI's one-shot commands and some tests turn it off). */
  dailyBackups?: boolean
  /** How this back end is served (issue 15); default: one workstation. */
  serving?: ServingInfo
}

export interface Backend {
  /** The dispatcher of the database open now; the same function stays valid across a reopen. */
  readonly dispatch: Dispatch
  /** The same, for the worker: a sign-in's password work runs off the thread (see dispatch.ts). */
  readonly dispatchAsync: AsyncDispatch
  readonly file: string
  /** The open connection (for tests and the CLI's own checks; calls go through dispatch). */
  readonly db: Db
  /**
   * Opens `file` and, once it opened and migrated, closes the current database and serves the new one. Sessions are
   * dropped (the staff table may differ). If the new file cannot be opened, the current one stays in service.
   */
  reopen(file: string): void
  close(): void
  /** Mode, TLS and the live-client count the host thread reports (server:health reads it). */
  readonly serving: ServingState
}

/** Opens the database and builds its dispatcher; throws (e.g. DatabaseTooNewError) with nothing left open. */
export function openBackend(options: BackendOptions): Backend {
  let file = options.file
  let db: Db | null = openDatabase(file)
  // Fitness standards a facility adds as files (the folder `norms` beside the database); a bad file is reported, not fatal.
  if (file !== ':memory:') {
    for (const problem of loadExtraStandards(join(dirname(file), 'norms')).errors) options.logError?.(new Error(problem.message), 'fitness norms')
  }
  const serving = servingState(options.serving, (options.clock ?? systemClock).now().toISOString())
  let current = dispatcherFor(db, options, serving)
  // Backups: a restore swaps the file through reopen below; the daily backup runs while this back end is open.
  const backups = new BackupHost({ file: () => file, reopen: (next) => backend.reopen(next), clock: options.clock ?? systemClock, ...(options.onEvent ? { onEvent: options.onEvent } : {}) })
  backups.attach(db)
  if (options.dailyBackups ?? true) backups.startDaily(() => db)

  const dispatch: Dispatch = (method, input, sessionId) => {
    if (!db) throw new Error('the back end is closed')
    return current(method, input, sessionId)
  }
  const dispatchAsync: AsyncDispatch = async (method, input, sessionId) => {
    if (!db) throw new Error('the back end is closed')
    return current.async(method, input, sessionId)
  }

  const backend: Backend = {
    dispatch,
    dispatchAsync,
    get file() {
      return file
    },
    get db() {
      if (!db) throw new Error('the back end is closed')
      return db
    },
    reopen(nextFile) {
      const next = openDatabase(nextFile)
      db?.close()
      db = next
      file = nextFile
      current = dispatcherFor(next, options, serving)
      backups.attach(next)
    },
    serving,
    close() {
      backups.stop()
      db?.close()
      db = null
    },
  }
  return backend
}

function dispatcherFor(db: Db, options: BackendOptions, serving: ServingState): Dispatcher {
  return createDispatcher({
    db,
    // The facility's session limits (setting server.sessions), read on each check so a change applies at once.
    sessions: new SessionStore(() => sessionLimitsOf(db)),
    serving,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.logError ? { logError: options.logError } : {}),
  })
}

export function sessionLimitsOf(db: Db): SessionLimitsMs {
  const limits = readSetting(db, 'server.sessions')
  return { idleMs: limits.idleMinutes * 60_000, lifetimeMs: limits.absoluteHours * 3_600_000 }
}
