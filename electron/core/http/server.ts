import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cookieValue, createBridgeHandler, refuse, sendJson, sendText, SECURITY_HEADERS, type BridgeCoreOptions, type BridgeMode } from './bridgeCore'

export type { AsyncDispatch } from './bridgeCore'

const SESSION_HEADER = 'x-xinsheng-session'

export interface BridgeOptions extends BridgeCoreOptions {
  port?: number
  /** Fixed token for tests; a random one otherwise. */
  token?: string
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
 * The session travels in the x-xinsheng-session header (the page keeps it; the token already shuts out other users).
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const handler = createBridgeHandler(options, tokenMode(token, () => handler.port))
  const server = createServer(handler.handle)
  handler.configure(server)

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen())
  })
  handler.port = (server.address() as AddressInfo).port
  return {
    server,
    port: handler.port,
    token,
    url: `http://127.0.0.1:${handler.port}/?token=${token}`,
    close: () =>
      new Promise((r) => {
        handler.closeStreams()
        server.close(() => r())
      }),
  }
}

/** Loopback token mode: the exact loopback Host, then the token (bearer header, or the cookie set from the start URL). */
function tokenMode(token: string, port: () => number): BridgeMode {
  // Cookies are not port-specific: name the cookie after the port so two instances do not clash.
  const cookieName = () => `xs_token_${port()}`
  return {
    hostAllowed: (host, p) => host === `127.0.0.1:${p}` || host === `localhost:${p}`,
    admit(req: IncomingMessage, res: ServerResponse, url: URL) {
      const presented = url.searchParams.get('token')
      if (presented !== null && req.method === 'GET') {
        if (!sameToken(presented, token)) {
          sendText(res, 401, 'Invalid access token. Use the link printed when Xinsheng started.')
          return true
        }
        url.searchParams.delete('token')
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          location: url.pathname + (url.search || '') + (url.hash || ''),
          'set-cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        })
        res.end()
        return true
      }
      if (hasToken(req, token, cookieName())) return false
      // The body of a caller without the token is never read: answer and close the connection.
      if (url.pathname.startsWith('/api/')) {
        refuse(res, () => sendJson(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'missing or invalid access token' } }))
      } else {
        refuse(res, () => sendText(res, 401, 'Xinsheng: open the link with the access token printed when it started.'))
      }
      return true
    },
    sessionOf(req) {
      const session = req.headers[SESSION_HEADER]
      return typeof session === 'string' ? session : null
    },
  }
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function hasToken(req: IncomingMessage, token: string, cookieName: string): boolean {
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ') && sameToken(auth.slice(7), token)) return true
  const cookie = cookieValue(req, cookieName)
  return cookie !== null && sameToken(cookie, token)
}
