import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { ApiResult } from '../../shared/contract'
import type { BackendEventListener } from '../../shared/events'
import type { Dispatch } from '../dispatch'

const MAX_BODY_BYTES = 1024 * 1024
/**
 * The Excel import sends a whole file's rows in one call (so the commit is one transaction): 2,000 rows measure about
 * 1.1 MB of JSON, up to ~2 MB with every field at its longest. Only these methods may send up to 4 MiB.
 */
const MAX_BULK_BODY_BYTES = 4 * 1024 * 1024
const BULK_METHODS: ReadonlySet<unknown> = new Set(['people:importPreview', 'people:importCommit'])
/**
 * One user's browser opens a handful of connections (six per host at most, plus the event stream); more means something
 * else is knocking. Past the cap new connections are dropped.
 */
const MAX_CONNECTIONS = 64
/** A body must arrive within this time (loopback: a 4 MiB import takes milliseconds); a trickle is cut off with 408. */
const BODY_TIMEOUT_MS = 15_000
const SESSION_HEADER = 'x-xinsheng-session'
const CLIENT_HEADER = 'x-xinsheng-client'

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

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
}

/** The worker client's invoke: the same call, answered later. */
export type AsyncDispatch = (method: unknown, input: unknown, sessionId: string | null) => Promise<ApiResult<unknown>>

export interface BridgeOptions {
  /** The dispatcher itself (tests) or the back-end worker's invoke (`cli serve`). */
  dispatch: Dispatch | AsyncDispatch
  /** Back-end events streamed at GET /api/events (Server-Sent Events); without it that path is not found. */
  events?: (listener: BackendEventListener) => () => void
  /** Built renderer to serve (out/renderer); without it only the API is served. */
  staticDir?: string
  port?: number
  /** Fixed token for tests; a random one otherwise. */
  token?: string
  /** Overrides for tests. */
  limits?: { maxConnections?: number; bodyTimeoutMs?: number }
}

export interface RunningBridge {
  server: Server
  port: number
  token: string
  url: string
  close(): Promise<void>
}

/**
 * Browser mode: the same dispatcher over HTTP. Loopback only; every request carries the per-run token (as a cookie
 * set from the start URL, or a bearer header); the Host must be the loopback address served; bodies are size-limited.
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const staticDir = options.staticDir ? resolve(options.staticDir) : null
  let port = 0
  // Cookies are not port-specific: name the cookie after the port so two instances do not clash.
  const cookieName = () => `xs_token_${port}`

  const streams = new Set<ServerResponse>()

  const bodyTimeoutMs = options.limits?.bodyTimeoutMs ?? BODY_TIMEOUT_MS
  const server = createServer((req, res) => {
    handle(req, res).catch(() => sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } }))
  })
  server.maxConnections = options.limits?.maxConnections ?? MAX_CONNECTIONS
  // Node's own backstops for slow headers and requests (the body timer below answers first, with a clear 408).
  server.headersTimeout = 10_000
  server.requestTimeout = bodyTimeoutMs * 2

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
      return refuse(res, () => sendText(res, 421, 'Misdirected request: unexpected Host header'))
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    const presented = url.searchParams.get('token')
    if (presented !== null && req.method === 'GET') {
      if (!sameToken(presented, token)) return sendText(res, 401, 'Invalid access token. Use the link printed when Xinsheng started.')
      url.searchParams.delete('token')
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        location: url.pathname + (url.search || '') + (url.hash || ''),
        'set-cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      })
      return res.end()
    }
    if (!hasToken(req, token, cookieName())) {
      // The body of a caller without the token is never read: answer and close the connection.
      if (url.pathname.startsWith('/api/')) {
        return refuse(res, () => sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'missing or invalid access token' } }))
      }
      return refuse(res, () => sendText(res, 401, 'Xinsheng: open the link with the access token printed when it started.'))
    }
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
    const session = req.headers[SESSION_HEADER]
    const result = await options.dispatch(method, input, typeof session === 'string' ? session : null)
    sendJson(res, 200, result)
  }

  /** One long GET per window; the same token, Host and client-header checks as /api/invoke (the client reads it with fetch). */
  function eventStream(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'GET only' } })
    if (req.headers[CLIENT_HEADER] !== '1') return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: `missing ${CLIENT_HEADER} header` } })
    if (!options.events) return sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'no event stream' } })
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' })
    // A comment line first, so the client knows the stream is open before any event.
    res.write(': open\n\n')
    streams.add(res)
    const unsubscribe = options.events((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
    res.on('close', () => {
      unsubscribe()
      streams.delete(res)
    })
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise((r) => {
        // Open event streams would keep the server from closing.
        for (const res of streams) res.end()
        server.close(() => r())
      }),
  }
}

class BodyTooLarge extends Error {}
class BodyTimeout extends Error {}

/** Answers without reading the request's body, then closes the connection so the body is never taken in. */
function refuse(res: ServerResponse, answer: () => void) {
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

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function hasToken(req: IncomingMessage, token: string, cookieName: string): boolean {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ') && sameToken(auth.slice(7), token)) return true
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${cookieName}=`))
  return cookie !== undefined && sameToken(cookie.slice(cookieName.length + 1), token)
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

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}
