/**
 * The facility server's security (issue 15) over real HTTPS on loopback, the test trusting a fresh facility CA through
 * the `ca` option: cookie sessions the page cannot read, no session header, plain HTTP never served, Host checked,
 * sessions that end (expired, deactivated, ended by an administrator), sign-in rate limiting per address, and the
 * event stream behind a live session. A direct dispatcher with a clock the test moves; nothing mocked.
 */
import { writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { request, type RequestOptions } from 'node:https'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { LOGIN_FAILURES_PER_ADDRESS, SESSION_COOKIE } from '../../electron/core/http/facilityMode'
import { startFacilityBridge, type RunningFacilityBridge } from '../../electron/core/server/facilityServer'
import { ensureFacilityCertificates, type FacilityCertificates } from '../../electron/core/server/tls'
import type { BackendEvent, BackendEventListener } from '../../electron/shared/events'
import { ADMIN, call, FIXED_NOW, ok, personInput, STAFF_PASSWORD, tempDir } from './helpers'
import { handleOf } from '../../electron/core/auth/sessions'

const temp = tempDir('xinsheng-facility-')
let nowMs = FIXED_NOW.getTime()
const clock = { now: () => new Date(nowMs) }
const listeners = new Set<BackendEventListener>()
const events = (listener: BackendEventListener) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
let db: Db
let dispatch: Dispatch
let certs: FacilityCertificates
let bridge: RunningFacilityBridge
let wardA: string
const staffIds: Record<string, string> = {}
const calls: unknown[] = []
const liveCounts: number[] = []

beforeAll(async () => {
  db = openDatabase(':memory:')
  dispatch = createDispatcher({ db, clock, onEvent: (e) => listeners.forEach((l) => l(e)) })
  ok(call(dispatch, 'setup:initialize', { facilityName: '联网测试所', wards: [{ name: '一大队', capacity: 50 }], admin: ADMIN }, null))
  const admin = ok(call(dispatch, 'auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
  wardA = ok(call(dispatch, 'wards:list', {}, admin))[0]!.id
  for (const role of ['counsellor', 'trainer'] as const) {
    staffIds[role] = ok(call(dispatch, 'staff:create', { username: role, displayName: `${role}-staff`, role, wardIds: [wardA], password: STAFF_PASSWORD }, admin)).id
  }
  certs = ensureFacilityCertificates({ dir: join(temp.dir, 'tls'), names: ['xinsheng.test'] })
  writeFileSync(join(temp.dir, 'index.html'), '<!doctype html><title>新生</title>')
  const counting: Dispatch = (method, input, session) => {
    calls.push(method)
    return dispatch(method, input, session)
  }
  bridge = await startFacilityBridge({
    dispatch: counting, events, onLiveClients: (n) => liveCounts.push(n), tls: certs, host: '127.0.0.1', port: 0, names: ['xinsheng.test'], staticDir: temp.dir,
  })
})
afterAll(async () => {
  await bridge.close()
  db.close()
  temp.cleanup()
})

interface Reply {
  status: number
  headers: IncomingMessage['headers']
  body: string
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

function send(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string; port?: number }): Promise<Reply> {
  const port = options.port ?? bridge.port
  const opts: RequestOptions = {
    host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', ca: certs.caCertPem, agent: false, servername: '',
    headers: { host: `127.0.0.1:${port}`, ...options.headers },
  }
  return new Promise((resolve, reject) => {
    const req = request(opts, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        let json: Reply['json'] = { ok: false }
        try {
          json = JSON.parse(body) as Reply['json']
        } catch {
          // a text answer
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json })
      })
    })
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(options.body)
  })
}

const API = { 'x-xinsheng-client': '1', 'content-type': 'application/json' }
const invoke = (method: string, input: unknown, headers: Record<string, string> = {}, port?: number) =>
  send({ method: 'POST', path: '/api/invoke', headers: { ...API, ...headers }, body: JSON.stringify({ method, input }), ...(port ? { port } : {}) })

/** Signs in over HTTPS; returns the Cookie header value to send back. */
async function signIn(username: string, password: string): Promise<string> {
  const r = await invoke('auth:login', { username, password })
  expect(r.json.ok).toBe(true)
  const cookie = (r.headers['set-cookie'] ?? [])[0]!
  return cookie.split(';')[0]!
}

interface Stream {
  status: number
  events: BackendEvent[]
  ended: Promise<void>
  close(): void
}

/** Opens /api/events; resolves at the "open" comment, or with the refusal's status. */
function openStream(cookie?: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: BackendEvent[] = []
    let buffer = ''
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path: '/api/events', ca: certs.caCertPem, agent: false, headers: { host: `127.0.0.1:${bridge.port}`, 'x-xinsheng-client': '1', ...(cookie ? { cookie } : {}) } },
      (res) => {
        const ended = new Promise<void>((done) => res.on('close', () => done()))
        const stream = { status: res.statusCode ?? 0, events, ended, close: () => req.destroy() }
        if (res.statusCode !== 200) {
          res.resume()
          return resolve(stream)
        }
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          buffer += chunk
          if (buffer.startsWith(': open\n\n')) {
            buffer = buffer.slice(8)
            resolve(stream)
          }
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (frame.startsWith('data: ')) events.push(JSON.parse(frame.slice(6)) as BackendEvent)
          }
        })
      },
    )
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)))
    req.end()
  })
}

const within = <T>(promise: Promise<T>, ms = 5000) => Promise.race([promise, new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`not within ${ms} ms`)), ms))])

describe('cookie sessions over HTTPS', () => {
  it('sign-in sets an HttpOnly, Secure, SameSite=Strict __Host- cookie and the page never sees the session id', async () => {
    const r = await invoke('auth:login', { username: ADMIN.username, password: ADMIN.password })
    expect(r.status).toBe(200)
    const setCookie = r.headers['set-cookie']!
    expect(setCookie).toHaveLength(1)
    expect(setCookie[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; HttpOnly; Secure; SameSite=Strict; Path=/$`))
    expect(r.json).toMatchObject({ ok: true, value: { sessionId: '', user: { username: ADMIN.username } } })
    expect(r.body).not.toContain(setCookie[0]!.split(';')[0]!.split('=')[1]!)
  })

  it('a call with the cookie is served; without it the dispatcher answers unauthenticated', async () => {
    const cookie = await signIn('counsellor', STAFF_PASSWORD)
    expect((await invoke('wards:list', {}, { cookie })).json).toMatchObject({ ok: true, value: [{ name: '一大队' }] })
    expect((await invoke('wards:list', {})).json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect((await invoke('wards:list', {}, { cookie: `${SESSION_COOKIE}=forged` })).json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })

  it('ignores the x-xinsheng-session header: a session id alone is refused', async () => {
    const sessionId = ok(call(dispatch, 'auth:login', { username: 'counsellor', password: STAFF_PASSWORD }, null)).sessionId
    expect(call(dispatch, 'wards:list', {}, sessionId).ok).toBe(true)
    const r = await invoke('wards:list', {}, { 'x-xinsheng-session': sessionId })
    expect(r.json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })

  it('still requires the x-xinsheng-client header (403), and needs no token', async () => {
    const cookie = await signIn('counsellor', STAFF_PASSWORD)
    const r = await send({ method: 'POST', path: '/api/invoke', headers: { 'content-type': 'application/json', cookie }, body: '{"method":"wards:list","input":{}}' })
    expect(r.status).toBe(403)
    const page = await send({ path: '/' })
    expect(page.status).toBe(200)
    expect(page.body).toContain('新生')
  })

  it('sends HSTS with every answer', async () => {
    expect((await send({ path: '/' })).headers['strict-transport-security']).toBe('max-age=31536000')
    expect((await invoke('setup:status', {})).headers['strict-transport-security']).toBe('max-age=31536000')
  })

  it('sign-out ends the session and clears the cookie', async () => {
    const cookie = await signIn('counsellor', STAFF_PASSWORD)
    const out = await invoke('auth:logout', {}, { cookie })
    expect(out.json.ok).toBe(true)
    expect(out.headers['set-cookie']).toEqual([`${SESSION_COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0`])
    expect((await invoke('wards:list', {}, { cookie })).json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })
})

describe('transport', () => {
  it('plain HTTP on the port is redirected to https:// and never served', async () => {
    const plain = (path: string, host: string, method = 'GET', body?: string) =>
      new Promise<{ status: number; location?: string; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: bridge.port, path, method, agent: false, headers: { host, 'x-xinsheng-client': '1', 'content-type': 'application/json' } }, (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c.toString('utf8')))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, ...(res.headers.location ? { location: res.headers.location } : {}), body: text }))
        })
        req.on('error', reject)
        req.end(body)
      })
    const before = calls.length
    const page = await plain('/people?ward=1', `127.0.0.1:${bridge.port}`)
    expect(page.status).toBe(301)
    expect(page.location).toBe(`https://127.0.0.1:${bridge.port}/people?ward=1`)
    const api = await plain('/api/invoke', `xinsheng.test:${bridge.port}`, 'POST', '{"method":"setup:status","input":{}}')
    expect(api.status).toBe(301)
    expect(api.location).toBe(`https://xinsheng.test:${bridge.port}/api/invoke`)
    expect(api.body).not.toContain('"ok"')
    expect((await plain('/', 'evil.example')).status).toBe(400)
    expect(calls.length).toBe(before)
    // Each refused connection is closed, not left hanging.
    const open = () => new Promise<number>((r) => bridge.server.getConnections((_e, n) => r(n)))
    await expect.poll(open, { timeout: 5000 }).toBe(0)
  })

  it.each(['evil.example:PORT', '127.0.0.1:1', 'xinsheng.test', 'localhost.evil.example:PORT'])('a Host of %s is refused with 421', async (host) => {
    const r = await invoke('setup:status', {}, { host: host.replace('PORT', String(bridge.port)) })
    expect(r.status).toBe(421)
  })

  it('takes large bodies over TLS with the same limits as browser mode', async () => {
    const big = JSON.stringify({ method: 'setup:status', input: { padding: 'x'.repeat(1024 * 1024 + 10) } })
    const r = await send({ method: 'POST', path: '/api/invoke', headers: API, body: big })
    expect(r.status).toBe(413)
    const justUnder = JSON.stringify({ method: 'setup:status', input: { padding: 'x'.repeat(1024 * 1024 - 60) } })
    expect((await send({ method: 'POST', path: '/api/invoke', headers: API, body: justUnder })).json).toMatchObject({ ok: true })
  })

  it('serves every name the certificate covers', async () => {
    for (const host of ['xinsheng.test', 'localhost', '127.0.0.1']) {
      expect((await invoke('setup:status', {}, { host: `${host}:${bridge.port}` })).status).toBe(200)
    }
  })
})

describe('sessions that end', () => {
  it('an expired session is refused, and the cookie cleared', async () => {
    const cookie = await signIn('counsellor', STAFF_PASSWORD)
    nowMs += 29 * 60_000
    expect((await invoke('wards:list', {}, { cookie })).json.ok).toBe(true)
    nowMs += 31 * 60_000
    const r = await invoke('wards:list', {}, { cookie })
    expect(r.json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect(r.headers['set-cookie']).toEqual([`${SESSION_COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0`])
  })

  it('the event stream asking about its session does not keep an idle session alive', async () => {
    const cookie = await signIn('counsellor', STAFF_PASSWORD)
    const stream = await openStream(cookie)
    expect(stream.status).toBe(200)
    nowMs += 20 * 60_000
    const admin = await signIn(ADMIN.username, ADMIN.password)
    expect((await invoke('people:create', personInput(wardA, { idNumber: '110101199003070038', name: '李四' }), { cookie: admin })).json.ok).toBe(true)
    await expect.poll(() => stream.events.length, { timeout: 5000 }).toBe(1)
    nowMs += 15 * 60_000 // 35 minutes since the counsellor's last call, 15 since the stream's check
    expect((await invoke('wards:list', {}, { cookie })).json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    stream.close()
  })

  it("a deactivated staff member's session ends at once, and so does their event stream", async () => {
    const trainer = await signIn('trainer', STAFF_PASSWORD)
    const stream = await openStream(trainer)
    expect(stream.status).toBe(200)
    const admin = await signIn(ADMIN.username, ADMIN.password)
    const row = ((await invoke('staff:list', {}, { cookie: admin })).json.value as Array<{ id: string; revision: number; displayName: string; role: string; wardIds: string[] }>).find((s) => s.id === staffIds.trainer)!
    const update = await invoke('staff:update', { id: row.id, revision: row.revision, displayName: row.displayName, role: row.role, wardIds: row.wardIds, active: false }, { cookie: admin })
    expect(update.json.ok).toBe(true)
    expect((await invoke('wards:list', {}, { cookie: trainer })).json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    await within(stream.ended)
    // The staff:update event that ended it was not delivered to the ended session.
    expect(stream.events).toEqual([])
  })

  it("an administrator's server:endSessions ends another staff member's session", async () => {
    const counsellor = await signIn('counsellor', STAFF_PASSWORD)
    const admin = await signIn(ADMIN.username, ADMIN.password)
    const ended = await invoke('server:endSessions', { staffId: staffIds.counsellor }, { cookie: admin })
    expect(ended.json).toMatchObject({ ok: true })
    expect((ended.json.value as { ended: number }).ended).toBeGreaterThanOrEqual(1)
    expect((await invoke('wards:list', {}, { cookie: counsellor })).json).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect((await invoke('wards:list', {}, { cookie: admin })).json.ok).toBe(true)
    // A counsellor may not do it.
    const again = await signIn('counsellor', STAFF_PASSWORD)
    expect((await invoke('server:endSessions', {}, { cookie: again })).json).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})

describe('sign-in rate limiting per address', () => {
  it(`answers 429 after ${LOGIN_FAILURES_PER_ADDRESS.failures} failed sign-ins from one address, without asking the dispatcher`, async () => {
    // Its own bridge: the limit would otherwise hold every later sign-in of this file back for a minute.
    const limited = await startFacilityBridge({ dispatch, tls: certs, host: '127.0.0.1', port: 0, names: [] })
    try {
      for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS.failures; i++) {
        const r = await invoke('auth:login', { username: 'nobody', password: 'wrong-password' }, { host: `127.0.0.1:${limited.port}` }, limited.port)
        expect(r.status).toBe(200)
        expect(r.json.ok).toBe(false)
      }
      const before = calls.length
      const blocked = await invoke('auth:login', { username: ADMIN.username, password: ADMIN.password }, { host: `127.0.0.1:${limited.port}` }, limited.port)
      expect(blocked.status).toBe(429)
      expect(blocked.headers['retry-after']).toBe('60')
      expect(blocked.json).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: '登录尝试过于频繁，请稍后再试' } })
      expect(blocked.headers['set-cookie']).toBeUndefined()
      expect(calls.length).toBe(before)
      // Other calls from the address go on.
      expect((await invoke('setup:status', {}, { host: `127.0.0.1:${limited.port}` }, limited.port)).status).toBe(200)
    } finally {
      await limited.close()
      nowMs += 61_000 // past the dispatcher's own per-username window
    }
  })
})

describe('event stream', () => {
  it('refuses without a session (401) and with an ended one', async () => {
    expect((await openStream()).status).toBe(401)
    expect((await openStream(`${SESSION_COOKIE}=forged`)).status).toBe(401)
  })

  it("a second session receives {type:'changed', method} after the first records something; the count of streams is reported", async () => {
    const counsellor = await signIn('counsellor', STAFF_PASSWORD)
    const admin = await signIn(ADMIN.username, ADMIN.password)
    const stream = await openStream(counsellor)
    expect(stream.status).toBe(200)
    await expect.poll(() => liveCounts.at(-1), { timeout: 5000 }).toBe(1)
    const created = await invoke('people:create', personInput(wardA, { idNumber: '110101199003070054', name: '王五' }), { cookie: admin })
    expect(created.json.ok).toBe(true)
    await expect.poll(() => stream.events, { timeout: 5000 }).toEqual([{ type: 'changed', method: 'people:create', at: expect.any(String) as unknown }])
    stream.close()
    await within(stream.ended)
    await expect.poll(() => liveCounts.at(-1), { timeout: 5000 }).toBe(0)
  })

  it("a job's progress reaches only the windows of the session that started it; changes reach everyone", async () => {
    const counsellor = await signIn('counsellor', STAFF_PASSWORD)
    const admin = await signIn(ADMIN.username, ADMIN.password)
    const mine = await openStream(admin)
    const theirs = await openStream(counsellor)
    const progress: BackendEvent = { type: 'progress', jobId: 'job-1', method: 'backup:run', done: 1, total: 2, label: 'backup.progress.copy', session: handleOf(admin.slice(admin.indexOf('=') + 1)) }
    listeners.forEach((l) => l(progress))
    listeners.forEach((l) => l({ type: 'changed', method: 'people:create', at: FIXED_NOW.toISOString() }))
    await expect.poll(() => mine.events.map((e) => e.type), { timeout: 5000 }).toEqual(['progress', 'changed'])
    await expect.poll(() => theirs.events.map((e) => e.type), { timeout: 5000 }).toEqual(['changed'])
    mine.close()
    theirs.close()
    await within(Promise.all([mine.ended, theirs.ended]))
  })
})
