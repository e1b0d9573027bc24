/**
 * The host side of the back-end worker: starts the thread, sends `(method, input, sessionId)` and resolves each call
 * with the worker's ApiResult. Electron main, `cli serve` and the tests use it; none of them opens the database itself.
 */
import { Worker } from 'node:worker_threads'
import type { ApiResult } from '../../shared/contract'
import type { BackendEventListener } from '../../shared/events'
import { translate, type Locale } from '../../shared/i18n/messages'
import type { ServingInfo } from '../server/serving'
import { BackendError, type HostMessage, type WorkerMessage, type WorkerStart } from './protocol'

export interface BackendWorkerOptions {
  dbFile: string
  locale?: Locale
  /** A fixed "now" (ISO instant), for tests. */
  fixedNow?: string
  /**
   * The built worker script (Electron passes out/main/backendWorker.js). Without it, a source run (tsx, vitest) starts
   * entry.ts through tsxBoot.mjs, and a bundle looks for backendWorker.js beside itself.
   */
  entry?: string | URL
  /** How the back end is served (issue 15), for the health screen. */
  serving?: ServingInfo
  /** 'reader': the facility server's read-only worker for heavy reads (server/readRouting.ts). */
  role?: 'backend' | 'reader'
}

export interface BackendWorker {
  invoke(method: unknown, input: unknown, sessionId: string | null): Promise<ApiResult<unknown>>
  /** Subscribes to the back end's events (progress); returns the unsubscribe function. */
  onEvent(listener: BackendEventListener): () => void
  /** Swaps the database for `file` (a restore); rejects with the reason and keeps the current one if it cannot open. */
  reopen(file: string): Promise<void>
  /** Tells the back end how many event streams (live clients) are open now, for the health screen. */
  reportLiveClients(count: number): void
  /** Closes the database and ends the thread. */
  close(): Promise<void>
  readonly threadId: number
}

type Pending = { resolve: (message: WorkerMessage) => void }

/**
 * Starts the worker and waits until its database is open. A start-up failure (a database from a newer app, a file
 * that cannot be opened) rejects with an error of the same name and message.
 */
export function startBackendWorker(options: BackendWorkerOptions): Promise<BackendWorker> {
  const locale = options.locale ?? 'zh-CN'
  const { script, tsEntry } = workerScript(options.entry)
  const start: WorkerStart = {
    dbFile: options.dbFile,
    locale,
    ...(options.fixedNow ? { fixedNow: options.fixedNow } : {}),
    ...(tsEntry ? { tsEntry } : {}),
    ...(options.serving ? { serving: options.serving } : {}),
    ...(options.role ? { role: options.role } : {}),
  }
  const worker = new Worker(script, { workerData: start })
  const pending = new Map<number, Pending>()
  const listeners = new Set<BackendEventListener>()
  let nextId = 1
  let gone: Error | null = null
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))

  const internal = (): ApiResult<never> => ({ ok: false, error: { code: 'internal', message: translate(locale, 'err.internal'), key: 'err.internal' } })

  const request = (message: Exclude<HostMessage, { type: 'presence' }>): Promise<WorkerMessage> =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone)
      pending.set(message.id, { resolve })
      worker.postMessage(message)
    })

  return new Promise((resolveStart, rejectStart) => {
    let started = false
    const fail = (error: Error) => {
      if (gone) return
      gone = error
      if (!started) rejectStart(error)
      // Calls in flight when the thread died get the generic internal error, as an unexpected handler failure would.
      for (const [id, p] of pending) {
        pending.delete(id)
        p.resolve({ type: 'result', id, result: internal() })
      }
    }

    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'ready':
          started = true
          return resolveStart(client)
        case 'startFailed':
          return fail(new BackendError(message.error))
        case 'event':
          for (const listener of listeners) listener(message.event)
          return
        default: {
          const p = pending.get(message.id)
          pending.delete(message.id)
          p?.resolve(message)
        }
      }
    })
    worker.on('error', (error) => {
      console.error('[backend worker] stopped:', error)
      fail(error)
    })
    worker.on('exit', (code) => fail(new Error(`the back-end worker has stopped (exit code ${code})`)))

    const client: BackendWorker = {
      threadId: worker.threadId,
      async invoke(method, input, sessionId) {
        if (gone) return internal()
        const answer = await request({ type: 'invoke', id: nextId++, method, input, sessionId })
        return answer.type === 'result' ? answer.result : internal()
      },
      onEvent(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      async reopen(file) {
        const answer = await request({ type: 'reopen', id: nextId++, file })
        if (answer.type === 'reopened' && answer.error) throw new BackendError(answer.error)
        if (answer.type !== 'reopened') throw gone ?? new Error('the back-end worker has stopped')
      },
      reportLiveClients(count) {
        if (!gone) worker.postMessage({ type: 'presence', liveClients: count } satisfies HostMessage)
      },
      async close() {
        if (!gone) await request({ type: 'close', id: nextId++ }).catch(() => undefined)
        await exited
      },
    }
  })
}

/** Which script the thread runs: a built one as given, or the TypeScript entry through the tsx bootstrap. */
function workerScript(entry: string | URL | undefined): { script: string | URL; tsEntry?: string } {
  if (entry) return { script: entry }
  const here = import.meta.url
  // Through a variable, so a bundler does not take these for assets to copy.
  const sibling = (name: string) => new URL(name, here)
  if (here.endsWith('.ts')) return { script: sibling('./tsxBoot.mjs'), tsEntry: sibling('./entry.ts').href }
  return { script: sibling('./backendWorker.js') }
}
