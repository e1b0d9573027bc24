import { isBackendEvent, type BackendEventListener } from '@shared/events'

/**
 * Browser mode's event stream: one GET /api/events (Server-Sent Events) shared by every subscriber, opened with the
 * first and closed with the last. Read with fetch rather than EventSource, so it carries the same client header as
 * /api/invoke. A dropped stream is reopened after a pause while anyone still listens.
 */
const listeners = new Set<BackendEventListener>()
let stream: AbortController | null = null
let retryTimer: ReturnType<typeof setTimeout> | null = null
const RETRY_MS = 3000
const dropListeners = new Set<() => void>()

/** Told each time the open stream (or an attempt to open it) fails: the connection banner checks the back end then. */
export function onHttpStreamDropped(listener: () => void): () => void {
  dropListeners.add(listener)
  return () => dropListeners.delete(listener)
}

/**
 * Opens the stream now if anyone listens and none is open: after signing in (a facility server refuses the stream
 * without a session) and when the connection is back, instead of waiting for the next retry.
 */
export function reopenHttpEvents(): void {
  if (listeners.size === 0 || stream) return
  if (retryTimer) clearTimeout(retryTimer)
  retryTimer = null
  open()
}

export function subscribeHttpEvents(listener: BackendEventListener): () => void {
  listeners.add(listener)
  if (!stream) open()
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) {
      stream?.abort()
      stream = null
    }
  }
}

function open() {
  const controller = new AbortController()
  stream = controller
  void read(controller.signal).then((retry) => {
    if (stream !== controller) return
    stream = null
    if (!retry || listeners.size === 0) return
    dropListeners.forEach((l) => l())
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = setTimeout(() => {
      retryTimer = null
      if (listeners.size > 0 && !stream) open()
    }, RETRY_MS)
  })
}

/** Reads the stream until it ends; true when it is worth reopening (not refused, not aborted). */
async function read(signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch('/api/events', { credentials: 'same-origin', headers: { 'x-xinsheng-client': '1' }, signal })
    if (!response.ok || !response.body) return response.status >= 500
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return true
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatchFrame(buffer.slice(0, end))
        buffer = buffer.slice(end + 2)
      }
    }
  } catch {
    return !signal.aborted
  }
}

function dispatchFrame(frame: string) {
  const data = frame
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice(6))
    .join('\n')
  if (!data) return
  let event: unknown
  try {
    event = JSON.parse(data)
  } catch {
    return
  }
  if (isBackendEvent(event)) listeners.forEach((l) => l(event))
}
