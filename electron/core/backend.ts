/**
 * The back end's lifecycle, synchronous and in one place: open the database (which migrates it) → dispatcher → close,
 * and reopen on another file (a restore swaps the database without a restart). It runs inside the worker thread
 * (worker/entry.ts) in Electron and browser mode; tests may also use it directly on the calling thread.
 */
import type { Locale } from '../shared/i18n/messages'
import type { BackendEventListener } from '../shared/events'
import { SessionStore } from './auth/sessions'
import type { Clock } from './context'
import { openDatabase, type Db } from './db/open'
import { createDispatcher, type AsyncDispatch, type Dispatch, type Dispatcher } from './dispatch'

export interface BackendOptions {
  /** The database file (created and migrated if needed), or ':memory:'. */
  file: string
  clock?: Clock
  locale?: Locale
  /** Handlers' progress reports (and later other events) go here. */
  onEvent?: BackendEventListener
  logError?: (error: unknown, method: string) => void
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
}

/** Opens the database and builds its dispatcher; throws (e.g. DatabaseTooNewError) with nothing left open. */
export function openBackend(options: BackendOptions): Backend {
  let file = options.file
  let db: Db | null = openDatabase(file)
  let current = dispatcherFor(db, options)

  const dispatch: Dispatch = (method, input, sessionId) => {
    if (!db) throw new Error('the back end is closed')
    return current(method, input, sessionId)
  }
  const dispatchAsync: AsyncDispatch = async (method, input, sessionId) => {
    if (!db) throw new Error('the back end is closed')
    return current.async(method, input, sessionId)
  }

  return {
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
      current = dispatcherFor(next, options)
    },
    close() {
      db?.close()
      db = null
    },
  }
}

function dispatcherFor(db: Db, options: BackendOptions): Dispatcher {
  return createDispatcher({
    db,
    sessions: new SessionStore(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.logError ? { logError: options.logError } : {}),
  })
}
