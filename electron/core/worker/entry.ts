/**
 * The back-end worker thread: opens the database once, then answers each call with the dispatcher. Transactions run
 * synchronously (a better-sqlite3 transaction never spans an await), so a long call blocks this thread and never the
 * window's; only a sign-in's password work is awaited, off the thread, while other calls are answered.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { translate } from '../../shared/i18n/messages'
import { openBackend, type Backend } from '../backend'
import { openReaderBackend, type ReaderBackend } from '../server/readerBackend'
import { serializeError, type HostMessage, type WorkerMessage, type WorkerStart } from './protocol'

const port = parentPort
if (!port) throw new Error('worker/entry.ts runs only as a worker thread (see worker/client.ts)')
const start = workerData as WorkerStart
const post = (message: WorkerMessage) => port.postMessage(message)

let backend: Pick<Backend, 'dispatchAsync' | 'reopen' | 'close' | 'serving'> | ReaderBackend | null = null
try {
  const fixedNow = start.fixedNow ? new Date(start.fixedNow) : null
  backend = start.role === 'reader' ? openReaderBackend({
    file: start.dbFile,
    ...(start.locale ? { locale: start.locale } : {}),
    ...(fixedNow ? { clock: { now: () => fixedNow } } : {}),
  }) : openBackend({
    file: start.dbFile,
    ...(start.locale ? { locale: start.locale } : {}),
    ...(fixedNow ? { clock: { now: () => fixedNow } } : {}),
    ...(start.serving ? { serving: start.serving } : {}),
    // Posting does not wait for the host: progress reaches it while this thread is still busy with the call.
    onEvent: (event) => post({ type: 'event', event }),
  })
  post({ type: 'ready' })
} catch (error) {
  post({ type: 'startFailed', error: serializeError(error) })
  port.close()
}

port.on('message', (message: HostMessage) => {
  if (!backend) return
  switch (message.type) {
    case 'invoke': {
      // Asynchronous only for a sign-in's password work (off this thread); every transaction still runs synchronously.
      backend.dispatchAsync(message.method, message.input, message.sessionId).then(
        (result) => post({ type: 'result', id: message.id, result }),
        (error: unknown) => {
          // The dispatcher answers every handler failure itself; this is a broken back end, never a caller's mistake.
          console.error('[backend worker]', error)
          const result = { ok: false as const, error: { code: 'internal' as const, message: translate(start.locale ?? 'zh-CN', 'err.internal'), key: 'err.internal' } }
          post({ type: 'result', id: message.id, result })
        },
      )
      return
    }
    case 'reopen':
      try {
        backend.reopen(message.file)
        post({ type: 'reopened', id: message.id, error: null })
      } catch (error) {
        post({ type: 'reopened', id: message.id, error: serializeError(error) })
      }
      return
    case 'presence':
      backend.serving.liveClients = message.liveClients
      return
    case 'close':
      backend.close()
      backend = null
      post({ type: 'closed', id: message.id })
      port.close()
      return
  }
})
