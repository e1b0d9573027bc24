/**
 * The facility server's reader (server/readRouting.ts): a read-only connection to the writer's WAL database and a
 * dispatcher that answers only the heavy reads. It holds no sessions: each call's "session" is the staff id the writer
 * vouched for, and only the host thread can post calls to this worker.
 */
import type { Locale } from '../../shared/i18n/messages'
import { SessionStore } from '../auth/sessions'
import { systemClock, type Clock } from '../context'
import { openDatabase, type Db } from '../db/open'
import { createDispatcher, type AsyncDispatch, type Dispatcher } from '../dispatch'
import { HEAVY_READ_METHODS } from './readRouting'
import { servingState, type ServingState } from './serving'

/** The staff id the writer vouched for stands in for the session. */
class VouchedStaff extends SessionStore {
  override touch(staffId: string | null): string | null {
    return staffId
  }
}

export interface ReaderBackend {
  readonly dispatchAsync: AsyncDispatch
  readonly serving: ServingState
  reopen(file: string): void
  close(): void
}

export function openReaderBackend(options: { file: string; clock?: Clock; locale?: Locale; logError?: (error: unknown, method: string) => void }): ReaderBackend {
  const make = (file: string): { db: Db; dispatcher: Dispatcher } => {
    const db = openDatabase(file, { readonly: true, migrate: false })
    const dispatcher = createDispatcher({
      db,
      sessions: new VouchedStaff(),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.logError ? { logError: options.logError } : {}),
    })
    return { db, dispatcher }
  }
  let current: { db: Db; dispatcher: Dispatcher } | null = make(options.file)
  return {
    serving: servingState({ mode: 'facility' }, (options.clock ?? systemClock).now().toISOString()),
    async dispatchAsync(method, input, staffId) {
      if (!current) throw new Error('the reader is closed')
      if (typeof method !== 'string' || !HEAVY_READ_METHODS.has(method)) throw new Error(`the reader does not answer ${String(method)}`)
      return current.dispatcher(method, input, staffId)
    },
    reopen(file) {
      const next = make(file)
      current?.db.close()
      current = next
    },
    close() {
      current?.db.close()
      current = null
    },
  }
}
