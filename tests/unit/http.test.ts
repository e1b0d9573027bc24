/**
 * Browser mode's HTTP bridge (design.md, Browser mode): loopback only, per-run token (bearer header or cookie set from
 * the start URL), exact Host, a custom header on API calls, size-limited JSON bodies. node:http is used because fetch
 * cannot set the Host header.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import { openDatabase, type Db } from '../../electron/core/db/open'
import { startBridge, type RunningBridge } from '../../electron/core/http/server'
import { ADMIN, fixedClock } from './helpers'

const TOKEN = 't0k'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

let db: Db
let bridge: RunningBridge

beforeAll(async () => {
  db = openDatabase(':memory:')
  bridge = await startBridge({ dispatch: createDispatcher({ db, clock: fixedClock }), port: 0, token: TOKEN })
})
afterAll(async () => {
  await bridge.close()
  db.close()
})

function send(options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers },
        agent: false,
      },
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

const API_HEADERS = { authorization: `Bearer ${TOKEN}`, 'x-xinsheng-client': '1', 'content-type': 'application/json' }

function invoke(method: string, input: unknown, headers: Record<string, string> = API_HEADERS): Promise<Reply> {
  return send({ method: 'POST', path: '/api/invoke', headers, body: JSON.stringify({ method, input }) })
}

describe('access token', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = bridge.server.address()
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${TOKEN}`)
  })

  it('refuses an API call without a token: 401 with a JSON error', async () => {
    const { authorization: _a, ...noToken } = API_HEADERS
    const r = await invoke('setup:status', {}, noToken)
    expect(r.status).toBe(401)
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'unauthenticated', message: 'missing or invalid access token' } })
  })

  it('refuses a wrong bearer token: 401', async () => {
    expect((await invoke('setup:status', {}, { ...API_HEADERS, authorization: 'Bearer t0kX' })).status).toBe(401)
    expect((await invoke('setup:status', {}, { ...API_HEADERS, authorization: 'Bearer ' })).status).toBe(401)
    expect((await invoke('setup:status', {}, { ...API_HEADERS, authorization: TOKEN })).status).toBe(401)
  })

  it('refuses a page without a token: 401', async () => {
    const r = await send({ path: '/' })
    expect(r.status).toBe(401)
    expect(r.headers['content-type']).toContain('text/plain')
  })

  it('answers a call with the bearer token and client header: 200 and the dispatcher result', async () => {
    const r = await invoke('setup:status', {})
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { initialized: false, facilityName: null, previouslyUsed: false } })
  })

  it('sends the security headers', async () => {
    const r = await invoke('setup:status', {})
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['x-frame-options']).toBe('DENY')
    expect(r.headers['cache-control']).toBe('no-store')
    expect(r.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it('passes dispatcher errors through with status 200', async () => {
    const r = await invoke('no:such', {})
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'unknown_method', key: 'err.unknown_method', message: '未知的操作' } })
  })

  it('GET /?token=… answers 303 with an HttpOnly cookie, and the cookie then authorises', async () => {
    const r = await send({ path: `/?token=${TOKEN}` })
    expect(r.status).toBe(303)
    expect(r.headers.location).toBe('/')
    const setCookie = r.headers['set-cookie'] as string[]
    expect(setCookie).toHaveLength(1)
    expect(setCookie[0]).toBe(`xs_token_${bridge.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`)

    const cookie = setCookie[0]!.split(';')[0]!
    const { authorization: _a, ...noBearer } = API_HEADERS
    const withCookie = await invoke('setup:status', {}, { ...noBearer, cookie })
    expect(withCookie.status).toBe(200)
    expect(JSON.parse(withCookie.body)).toMatchObject({ ok: true })

    // a cookie with the wrong value, or named for another port, does not
    expect((await invoke('setup:status', {}, { ...noBearer, cookie: `xs_token_${bridge.port}=nope` })).status).toBe(401)
    expect((await invoke('setup:status', {}, { ...noBearer, cookie: `xs_token_1=${TOKEN}` })).status).toBe(401)
  })

  it('keeps the rest of the start URL when removing the token', async () => {
    const r = await send({ path: `/people?token=${TOKEN}&ward=1` })
    expect(r.status).toBe(303)
    expect(r.headers.location).toBe('/people?ward=1')
  })

  it('the start link is not one-time: it signs in a new browser again and again while the server runs', async () => {
    // Each e2e test opens the printed link in a fresh browser context, and a user may reopen it: the README says so.
    for (let i = 0; i < 3; i++) {
      const r = await send({ path: `/?token=${TOKEN}` })
      expect(r.status).toBe(303)
      expect(r.headers['set-cookie']).toEqual([`xs_token_${bridge.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`])
    }
  })

  it('a new server run has a new random token, and the previous run\'s link no longer works there', async () => {
    const next = await startBridge({ dispatch: createDispatcher({ db, clock: fixedClock }), port: 0 })
    const again = await startBridge({ dispatch: createDispatcher({ db, clock: fixedClock }), port: 0 })
    try {
      expect(next.token).not.toBe(TOKEN)
      expect(next.token).not.toBe(again.token)
      expect(next.token.length).toBeGreaterThanOrEqual(32)
      expect(next.url).toBe(`http://127.0.0.1:${next.port}/?token=${next.token}`)
      const stale = await new Promise<number>((done, fail) => {
        request({ host: '127.0.0.1', port: next.port, path: `/?token=${TOKEN}`, headers: { host: `127.0.0.1:${next.port}` }, agent: false }, (res) => {
          res.resume()
          done(res.statusCode ?? 0)
        })
          .on('error', fail)
          .end()
      })
      expect(stale).toBe(401)
    } finally {
      await next.close()
      await again.close()
    }
  })

  it('the README describes the link as it behaves: valid for the server run, not one-time', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')
    const browserMode = readme.slice(readme.indexOf('### Browser mode'), readme.indexOf('## Tests'))
    expect(browserMode).not.toMatch(/one-time (token|link)|with a one-time/i)
    expect(browserMode).toMatch(/not\s+one-time/)
    expect(browserMode).toMatch(/until the server stops/)
  })

  it('GET /?token=wrong → 401 and no cookie', async () => {
    const r = await send({ path: '/?token=wrong' })
    expect(r.status).toBe(401)
    expect(r.headers['set-cookie']).toBeUndefined()
  })
})

describe('request checks', () => {
  it.each([`evil.example:PORT`, 'evil.example', '127.0.0.2:PORT', '127.0.0.1:1', 'localhost.evil.example:PORT'])(
    'a Host of %s is refused with 421, token or not',
    async (host) => {
      const r = await send({ method: 'POST', path: '/api/invoke', headers: { ...API_HEADERS, host: host.replace('PORT', String(bridge.port)) }, body: '{"method":"setup:status","input":{}}' })
      expect(r.status).toBe(421)
    },
  )

  it('accepts localhost:PORT as Host', async () => {
    const r = await send({ method: 'POST', path: '/api/invoke', headers: { ...API_HEADERS, host: `localhost:${bridge.port}` }, body: '{"method":"setup:status","input":{}}' })
    expect(r.status).toBe(200)
  })

  it('refuses an API call without x-xinsheng-client: 403', async () => {
    const { 'x-xinsheng-client': _c, ...headers } = API_HEADERS
    const r = await invoke('setup:status', {}, headers)
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect((await invoke('setup:status', {}, { ...API_HEADERS, 'x-xinsheng-client': '0' })).status).toBe(403)
  })

  it('refuses a body that is not JSON by content type: 415', async () => {
    const r = await invoke('setup:status', {}, { ...API_HEADERS, 'content-type': 'text/plain' })
    expect(r.status).toBe(415)
  })

  it('refuses malformed JSON: 400', async () => {
    const r = await send({ method: 'POST', path: '/api/invoke', headers: API_HEADERS, body: '{"method": "setup:status", ' })
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'malformed JSON' } })
  })

  it('refuses GET on the API: 405', async () => {
    const r = await send({ method: 'GET', path: '/api/invoke', headers: API_HEADERS })
    expect(r.status).toBe(405)
  })

  it('refuses a body over 1 MiB: 413', async () => {
    const big = JSON.stringify({ method: 'setup:status', input: { padding: 'x'.repeat(1024 * 1024) } })
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024)
    const r = await send({ method: 'POST', path: '/api/invoke', headers: API_HEADERS, body: big })
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'request body too large' } })
  })

  it('accepts a body just under 1 MiB', async () => {
    const prefix = JSON.stringify({ method: 'setup:status', input: { padding: '' } })
    const body = JSON.stringify({ method: 'setup:status', input: { padding: 'x'.repeat(1024 * 1024 - Buffer.byteLength(prefix)) } })
    expect(Buffer.byteLength(body)).toBe(1024 * 1024)
    const r = await send({ method: 'POST', path: '/api/invoke', headers: API_HEADERS, body })
    expect(r.status).toBe(200)
  })

  it('without a renderer to serve, an authorised page request is 404', async () => {
    const r = await send({ path: '/', headers: { authorization: `Bearer ${TOKEN}` } })
    expect(r.status).toBe(404)
  })
})

describe('sessions over HTTP', () => {
  it('set-up, login and a session header carry through to the dispatcher', async () => {
    const setup = await invoke('setup:initialize', { facilityName: '网络测试所', wards: [{ name: '一大队', capacity: 10 }], admin: ADMIN })
    expect(JSON.parse(setup.body)).toEqual({ ok: true, value: { auditRecoveryCode: expect.stringMatching(/^1-([A-Z2-9]{4}-){12}[A-Z2-9]{4}$/) as unknown } })
    const login = JSON.parse((await invoke('auth:login', { username: ADMIN.username, password: ADMIN.password })).body) as { ok: true; value: { sessionId: string } }
    expect(login.ok).toBe(true)
    const sessionId = login.value.sessionId

    const anonymous = JSON.parse((await invoke('wards:list', {})).body)
    expect(anonymous).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    const signedIn = JSON.parse((await invoke('wards:list', {}, { ...API_HEADERS, 'x-xinsheng-session': sessionId })).body)
    expect(signedIn).toMatchObject({ ok: true, value: [{ name: '一大队', capacity: 10 }] })
  })
})

describe('hostile clients (issue 10 §10)', () => {
  /** Opens a raw connection and writes `head` (and nothing more); resolves with what the server sent before closing. */
  function rawExchange(port: number, head: string, waitMs = 3000): Promise<{ reply: string; closedByServer: boolean }> {
    return new Promise((resolveExchange) => {
      const socket = connect(port, '127.0.0.1')
      let reply = ''
      const timer = setTimeout(() => {
        socket.destroy()
        resolveExchange({ reply, closedByServer: false })
      }, waitMs)
      socket.on('data', (d: Buffer) => (reply += d.toString('utf8')))
      socket.on('close', () => {
        clearTimeout(timer)
        resolveExchange({ reply, closedByServer: true })
      })
      socket.on('error', () => undefined)
      socket.write(head)
    })
  }

  it('a path with malformed percent-encoding is 400, not 500', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xinsheng-static-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>')
    const withStatic = await startBridge({ dispatch: createDispatcher({ db, clock: fixedClock }), token: TOKEN, staticDir: dir })
    try {
      const port = withStatic.port
      const reply = await new Promise<number>((done, fail) => {
        const req = request({ host: '127.0.0.1', port, path: '/assets/%E0%A4%A', headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${TOKEN}` }, agent: false }, (res) => {
          res.resume()
          done(res.statusCode ?? 0)
        })
        req.on('error', fail)
        req.end()
      })
      expect(reply).toBe(400)
    } finally {
      await withStatic.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a caller without the token is answered 401 and disconnected without its body being read', async () => {
    // Announces 10 MB and sends none of it: the server must not wait for the body.
    const head = `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nContent-Type: application/json\r\nx-xinsheng-client: 1\r\nContent-Length: 10000000\r\n\r\n{"method":`
    const { reply, closedByServer } = await rawExchange(bridge.port, head)
    expect(reply).toMatch(/^HTTP\/1\.1 401/)
    expect(closedByServer).toBe(true)
  })

  it('a body that trickles in is cut off with 408', async () => {
    const slow = await startBridge({ dispatch: createDispatcher({ db, clock: fixedClock }), token: TOKEN, limits: { bodyTimeoutMs: 300 } })
    try {
      const head = `POST /api/invoke HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nx-xinsheng-client: 1\r\nContent-Length: 100\r\n\r\n{"method":`
      const { reply, closedByServer } = await rawExchange(slow.port, head)
      expect(reply).toMatch(/^HTTP\/1\.1 408/)
      expect(closedByServer).toBe(true)
    } finally {
      await slow.close()
    }
  })

  it('connections past the cap are dropped; those within it are served', async () => {
    const capped = await startBridge({ dispatch: createDispatcher({ db, clock: fixedClock }), token: TOKEN, limits: { maxConnections: 2 } })
    const held = [connect(capped.port, '127.0.0.1'), connect(capped.port, '127.0.0.1')]
    try {
      await Promise.all(held.map((s) => new Promise((r) => s.once('connect', r))))
      await new Promise((r) => setTimeout(r, 50))
      const third = await rawExchange(capped.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${capped.port}\r\n\r\n`, 2000)
      expect(third).toEqual({ reply: '', closedByServer: true })
      held[0]!.destroy()
      await new Promise((r) => setTimeout(r, 50))
      const fourth = await rawExchange(capped.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${capped.port}\r\nConnection: close\r\n\r\n`, 2000)
      expect(fourth.reply).toMatch(/^HTTP\/1\.1 401/)
    } finally {
      for (const s of held) s.destroy()
      await capped.close()
    }
  })
})
