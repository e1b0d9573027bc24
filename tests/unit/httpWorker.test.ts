/**
 * Browser mode as `cli serve` runs it: the HTTP bridge in front of the back-end worker (an async dispatch), and the
 * event stream at /api/events behind the same token, Host and client-header checks as /api/invoke.
 */
import { request, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import { openDatabase } from '../../electron/core/db/open'
import { startBridge, type RunningBridge } from '../../electron/core/http/server'
import { startBackendWorker, type BackendWorker } from '../../electron/core/worker/client'
import type { BackendEvent, ProgressEvent } from '../../electron/shared/events'
import { FIXED_NOW, tempDir } from './helpers'

const TOKEN = 'w0rker-t0k'
const API_HEADERS = { authorization: `Bearer ${TOKEN}`, 'x-xinsheng-client': '1', 'content-type': 'application/json' }
const EVENT_HEADERS = { authorization: `Bearer ${TOKEN}`, 'x-xinsheng-client': '1' }

const temp = tempDir('xinsheng-http-worker-')
let worker: BackendWorker
let bridge: RunningBridge

beforeAll(async () => {
  worker = await startBackendWorker({ dbFile: join(temp.dir, 'http.db'), fixedNow: FIXED_NOW.toISOString() })
  bridge = await startBridge({ dispatch: worker.invoke, events: worker.onEvent, port: 0, token: TOKEN })
})
afterAll(async () => {
  await bridge.close()
  await worker.close()
  temp.cleanup()
})

interface Reply {
  status: number
  headers: IncomingMessage['headers']
  body: string
}

function send(port: number, options: { method?: string; path: string; headers: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

const invoke = (method: string, input: unknown, session?: string) =>
  send(bridge.port, { method: 'POST', path: '/api/invoke', headers: { ...API_HEADERS, ...(session ? { 'x-xinsheng-session': session } : {}) }, body: JSON.stringify({ method, input }) })

/** Opens the event stream; resolves once its first line (the "open" comment) has arrived. */
function openStream(): Promise<{ response: IncomingMessage; events: ProgressEvent[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const events: ProgressEvent[] = []
    let buffer = ''
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path: '/api/events', headers: { host: `127.0.0.1:${bridge.port}`, ...EVENT_HEADERS }, agent: false },
      (response) => {
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          buffer += chunk
          if (buffer.startsWith(': open\n\n')) {
            buffer = buffer.slice(': open\n\n'.length)
            resolve({ response, events, close: () => req.destroy() })
          }
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (!frame.startsWith('data: ')) continue
            const event = JSON.parse(frame.slice(6)) as BackendEvent
            // Progress only here; the write's 'changed' event is tested with the facility server.
            if (event.type === 'progress') events.push(event)
          }
        })
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('HTTP bridge with an async dispatch (the back-end worker)', () => {
  it('answers calls with the worker result; sessions carry through', async () => {
    const status = await invoke('setup:status', {})
    expect(status.status).toBe(200)
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { initialized: false, facilityName: null, previouslyUsed: false } })
    const unknown = await invoke('nope:method', {})
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('still refuses a call without the token before reaching the worker', async () => {
    const r = await send(bridge.port, { method: 'POST', path: '/api/invoke', headers: { 'x-xinsheng-client': '1', 'content-type': 'application/json' }, body: '{}' })
    expect(r.status).toBe(401)
  })
})

describe('event stream /api/events', () => {
  it('refuses without the token: 401 JSON', async () => {
    const r = await send(bridge.port, { path: '/api/events', headers: { 'x-xinsheng-client': '1' } })
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'missing or invalid access token' } })
    expect((await send(bridge.port, { path: '/api/events', headers: { ...EVENT_HEADERS, authorization: `Bearer ${TOKEN}x` } })).status).toBe(401)
  })

  it('refuses another Host: 421', async () => {
    const r = await send(bridge.port, { path: '/api/events', headers: { ...EVENT_HEADERS, host: `evil.example:${bridge.port}` } })
    expect(r.status).toBe(421)
  })

  it('refuses without the client header (403) and any method but GET (405)', async () => {
    expect((await send(bridge.port, { path: '/api/events', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(403)
    expect((await send(bridge.port, { method: 'POST', path: '/api/events', headers: EVENT_HEADERS, body: '' })).status).toBe(405)
  })

  it('is not found on a bridge without events', async () => {
    const db = openDatabase(':memory:')
    const plain = await startBridge({ dispatch: createDispatcher({ db }), port: 0, token: TOKEN })
    try {
      expect((await send(plain.port, { path: '/api/events', headers: EVENT_HEADERS })).status).toBe(404)
    } finally {
      await plain.close()
      db.close()
    }
  })

  it("streams a long job's progress to an open stream; the bridge closes with a stream open", async () => {
    const stream = await openStream()
    expect(stream.response.statusCode).toBe(200)
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    expect(stream.response.headers['x-content-type-options']).toBe('nosniff')
    const loaded = await invoke('setup:loadDemo', { people: 120 })
    expect(JSON.parse(loaded.body)).toMatchObject({ ok: true })
    await expect.poll(() => stream.events.length).toBe(3)
    expect(stream.events.map((e) => [e.method, e.done, e.total])).toEqual([
      ['setup:loadDemo', 50, 120],
      ['setup:loadDemo', 100, 120],
      ['setup:loadDemo', 120, 120],
    ])
    // The demo facility is served through the same worker afterwards.
    const login = JSON.parse((await invoke('auth:login', { username: 'admin', password: 'Admin#2026' })).body) as { ok: boolean }
    expect(login.ok).toBe(true)
    // The stream stays open: afterAll's bridge.close() must still resolve.
  })
})
