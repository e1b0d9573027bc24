/**
 * What both HTTP bridges share (browser mode on loopback with its per-run token, and the facility server over HTTPS
 * with cookie sessions): routing, size- and time-limited JSON bodies, the call into the dispatcher, the event stream,
 * the built renderer's files and the security headers. A mode says only how a request is admitted, where its session
 * comes from, and what happens around a call.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { ApiResult } from '../../shared/contract'
import type { BackendEvent, BackendEventListener } from '../../shared/events'
import type { AsyncDispatch, Dispatch } from '../dispatch'
import { handleOf } from '../auth/sessions'

export type { AsyncDispatch }

const MAX_BODY_BYTES = 1024 * 1024
/**
 * The Excel import sends a whole file's rows in one call (so the commit is one transaction): 2,000 rows measure about
 * 1.1 MB of JSON, up to ~2 MB with every field at its longest. Only these methods may send up to 4 MiB.
 */
const MAX_BULK_BODY_BYTES = 4 * 1024 * 1024
const BULK_METHODS: ReadonlySet<unknown> = new Set(['people:importPreview', 'people:importCommit'])
/**
 * One user's browser opens a handful of connections (six per host at most, plus the event stream); more means something
 * else is knocking. Past the cap new connections are dropped. The facility server raises it for its workstations.
 */
export const MAX_CONNECTIONS = 64
/** A body must arrive within this time (loopback: a 4 MiB import takes milliseconds); a trickle is cut off with 408. */
export const BODY_TIMEOUT_MS = 15_000
/** An open event stream re-checks its session at least this often (and before every event it is about to send). */
export const STREAM_RECHECK_MS = 30_000
/** Events waiting for a stream's session check; past this the oldest go (they only say "something changed"). */
const MAX_PENDING_EVENTS = 256
export const CLIENT_HEADER = 'x-xinsheng-client'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

export const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
}

export interface BridgeLimits {
  maxConnections?: number
  bodyTimeoutMs?: number
}

/** What every bridge is given, whatever its mode. */
export interface BridgeCoreOptions {
  /** The dispatcher itself (tests) or the back-end worker's invoke (`cli serve`, the facility server). */
  dispatch: Dispatch | AsyncDispatch
  /** Back-end events streamed at GET /api/events (Server-Sent Events); without it that path is not found. */
  events?: (listener: BackendEventListener) => () => void
  /** Built renderer to serve (out/renderer); without it only the API is served. */
  staticDir?: string
  limits?: BridgeLimits
  /** Told the number of open event streams whenever it changes (the worker's reportLiveClients, for server:health). */
  onLiveClients?: (count: number) => void
}

/** An answer given instead of the normal one. */
export interface Refusal {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** How one mode admits requests and carries sessions; everything else is the core's. */
export interface BridgeMode {
  /** Whether the Host header names this server on `port` (otherwise 421). */
  hostAllowed(host: string | undefined, port: number): boolean
  /** Headers on every answer besides SECURITY_HEADERS. */
  headers?: Record<string, string>
  /** Runs after the Host check: returns true when it has answered (a refusal, or the token's redirect). */
  admit?(req: IncomingMessage, res: ServerResponse, url: URL): boolean
  /** The session id a request carries, or null. */
  sessionOf(req: IncomingMessage): string | null
  /** Before a call is dispatched: an answer to give instead (rate limiting), or null to go on. */
  beforeInvoke?(req: IncomingMessage, method: unknown): Refusal | null
  /** After a call: the answer to send (a mode may set cookies on `res` and hide values). */
  afterInvoke?(req: IncomingMessage, res: ServerResponse, method: unknown, result: ApiResult<unknown>): ApiResult<unknown>
  /** When set, an event stream needs a session for which this answers true: at opening, before events, periodically. */
  liveSession?(sessionId: string | null): Promise<boolean>
}

export interface BridgeHandler {
  handle(req: IncomingMessage, res: ServerResponse): void
  /** Applies the connection cap and Node's slow-request backstops to a server that feeds `handle`. */
  configure(server: Server): void
  /** Ends open event streams (they would keep the server from closing). */
  closeStreams(): void
  /** Set once the server listens: the Host check names it. */
  port: number
}

/** One request handler for a mode: the routing and everything shared. */
export function createBridgeHandler(options: BridgeCoreOptions, mode: BridgeMode): BridgeHandler {
  const staticDir = options.staticDir ? resolve(options.staticDir) : null
  const bodyTimeoutMs = options.limits?.bodyTimeoutMs ?? BODY_TIMEOUT_MS
  const streams = new Set<ServerResponse>()
  const checks = new Map<string, Promise<boolean>>()
  const reportStreams = () => options.onLiveClients?.(streams.size)
  // From the start: "no live clients" rather than "nobody reports them" (null) on the health screen.
  reportStreams()

  const handler: BridgeHandler = {
    port: 0,
    handle(req, res) {
      if (mode.headers) for (const [name, value] of Object.entries(mode.headers)) res.setHeader(name, value)
      route(req, res).catch(() => sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } }))
    },
    configure(server) {
      server.maxConnections = options.limits?.maxConnections ?? MAX_CONNECTIONS
      // Node's own backstops for slow headers and requests (the body timer answers first, with a clear 408).
      server.headersTimeout = 10_000
      server.requestTimeout = bodyTimeoutMs * 2
    },
    closeStreams() {
      for (const res of streams) res.end()
    },
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    if (!mode.hostAllowed(req.headers.host, handler.port)) {
      return refuse(res, () => sendText(res, 421, 'Misdirected request: unexpected Host header'))
    }
    const url = new URL(req.url ?? '/', 'http://bridge.invalid')
    if (mode.admit?.(req, res, url)) return
    if (url.pathname === '/api/invoke') return invoke(req, res)
    if (url.pathname === '/api/events') return eventStream(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
    if (!staticDir) return sendText(res, 404, 'Not found')
    return serveStatic(staticDir, url.pathname, res)
  }

  async function invoke(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'POST only' } })
    // A custom header forces a CORS preflight, which this server never grants: other origins cannot call the API.
    if (req.headers[CLIENT_HEADER] !== '1') return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: `missing ${CLIENT_HEADER} header` } })
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'JSON body required' } })
    }
    let body: unknown
    let size = 0
    try {
      const text = await readBody(req, MAX_BULK_BODY_BYTES, bodyTimeoutMs)
      size = Buffer.byteLength(text)
      body = JSON.parse(text)
    } catch (error) {
      if (error instanceof BodyTimeout) {
        return refuse(res, () => sendJson(res, 408, { ok: false, error: { code: 'invalid_input', message: 'request body not received in time' } }))
      }
      const tooLarge = error instanceof BodyTooLarge
      if (tooLarge) res.setHeader('connection', 'close')
      return sendJson(res, tooLarge ? 413 : 400, { ok: false, error: { code: 'invalid_input', message: tooLarge ? 'request body too large' : 'malformed JSON' } })
    }
    const { method, input } = (body ?? {}) as { method?: unknown; input?: unknown }
    if (size > MAX_BODY_BYTES && !BULK_METHODS.has(method)) {
      return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: 'request body too large' } })
    }
    const refusal = mode.beforeInvoke?.(req, method)
    if (refusal) return sendJson(res, refusal.status, refusal.body, refusal.headers)
    const result = await options.dispatch(method, input, mode.sessionOf(req))
    sendJson(res, 200, mode.afterInvoke ? mode.afterInvoke(req, res, method, result) : result)
  }

  /** One check per session at a time, shared by that session's streams (a burst of events is one dispatch, not many). */
  function sessionCheck(sessionId: string | null): Promise<boolean> {
    const key = sessionId ?? ''
    const running = checks.get(key)
    if (running) return running
    const check = mode.liveSession!(sessionId)
      .catch(() => false)
      .finally(() => checks.delete(key))
    checks.set(key, check)
    return check
  }

  /** One long GET per window; the same Host, admission and client-header checks as /api/invoke (the client reads it with fetch). */
  async function eventStream(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'GET only' } })
    if (req.headers[CLIENT_HEADER] !== '1') return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: `missing ${CLIENT_HEADER} header` } })
    if (!options.events) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'no event stream' } })
    const guarded = mode.liveSession !== undefined
    const sessionId = mode.sessionOf(req)
    if (guarded && !(await sessionCheck(sessionId))) {
      return sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'sign in first: the event stream needs a session' } })
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' })
    // A comment line first, so the client knows the stream is open before any event.
    res.write(': open\n\n')
    streams.add(res)
    reportStreams()
    const write = (event: BackendEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`)

    let stopped = false
    let timer: NodeJS.Timeout | null = null
    let deliver: BackendEventListener = write
    if (guarded) {
      // Events wait for a fresh session check, so a session ended (signed out, expired, deactivated) hears nothing more.
      const pending: BackendEvent[] = []
      let checking = false
      const recheck = async () => {
        if (checking || stopped) return
        checking = true
        await null // never inside the dispatcher call that emitted the event
        const alive = await sessionCheck(sessionId)
        checking = false
        if (stopped) return
        if (!alive) {
          stopped = true
          return res.end()
        }
        for (const event of pending.splice(0)) write(event)
      }
      // A job's progress goes to the windows of the session that started it, not to every desk.
      const ownHandle = sessionId ? handleOf(sessionId) : null
      deliver = (event) => {
        if (event.type === 'progress' && event.session !== undefined && event.session !== ownHandle) return
        if (pending.length >= MAX_PENDING_EVENTS) pending.shift()
        pending.push(event)
        void recheck()
      }
      timer = setInterval(() => void recheck(), STREAM_RECHECK_MS)
      timer.unref()
    }
    const unsubscribe = options.events(deliver)
    res.on('close', () => {
      stopped = true
      if (timer) clearInterval(timer)
      unsubscribe()
      streams.delete(res)
      reportStreams()
    })
  }

  return handler
}

class BodyTooLarge extends Error {}
class BodyTimeout extends Error {}

/** Answers without reading the request's body, then closes the connection so the body is never taken in. */
export function refuse(res: ServerResponse, answer: () => void) {
  res.setHeader('connection', 'close')
  answer()
  res.once('finish', () => res.socket?.destroySoon())
}

function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    const timer = setTimeout(() => reject(new BodyTimeout()), timeoutMs)
    req.on('close', () => clearTimeout(timer))
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return // drain the rest so the 413 can be delivered
      size += chunk.length
      if (size > maxBytes) {
        tooLarge = true
        chunks.length = 0
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      clearTimeout(timer)
      resolveBody(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

/** The value of one cookie of the request, or null. */
export function cookieValue(req: IncomingMessage, name: string): string | null {
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${name}=`))
  return cookie === undefined ? null : cookie.slice(name.length + 1)
}

function serveStatic(root: string, pathname: string, res: ServerResponse) {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return sendText(res, 400, 'Bad request: malformed percent-encoding in the path')
  }
  let file = normalize(join(root, decoded))
  if (file !== root && !file.startsWith(root + sep)) return sendText(res, 403, 'Forbidden')
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html')
  if (!existsSync(file)) return sendText(res, 404, 'Renderer not built: run `npm run build` first.')
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(res)
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

export function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}
