/**
 * The client's side of certificate pinning (issue 15), as SSH does it: on first connect the workstation shows the
 * server certificate's fingerprint for the user to compare with what the administrator reads out (probeServer); after
 * that every connection must present exactly that certificate, or it is refused with a clear warning.
 */
import { request } from 'node:http'
import { isIP } from 'node:net'
import { connect, type PeerCertificate, type TLSSocket } from 'node:tls'

const DEFAULT_TIMEOUT_MS = 10_000
/** An answer larger than this is not one of ours. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024

/**
 * A fingerprint in a comparable form: uppercase hex without separators. Takes Node's `AA:BB:…`, plain hex in either
 * case, and Electron's `sha256/<base64>` (Certificate.fingerprint in setCertificateVerifyProc).
 */
export function normalizeFingerprint(fingerprint: string): string {
  const text = fingerprint.trim()
  if (/^sha256\//i.test(text)) return Buffer.from(text.slice(7), 'base64').toString('hex').toUpperCase()
  return text.replace(/[\s:]/g, '').toUpperCase()
}

/** Whether two SHA-256 fingerprints name the same certificate, whatever their case, colons or encoding. */
export function sameFingerprint(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false
  const x = normalizeFingerprint(a)
  return /^[0-9A-F]{64}$/.test(x) && x === normalizeFingerprint(b)
}

/** Node's format, uppercase colon-separated hex (what the CLI prints and the administrator reads out). */
export function formatFingerprint(fingerprint: string): string {
  return (normalizeFingerprint(fingerprint).match(/../g) ?? []).join(':')
}

export class FingerprintMismatchError extends Error {
  override readonly name = 'FingerprintMismatchError'
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`certificate fingerprint changed: expected ${formatFingerprint(expected)}, got ${formatFingerprint(actual)}. The server's certificate is not the one confirmed before; do not continue unless the administrator confirms a new certificate.`)
  }
}

export interface ProbedCertificate {
  fingerprint: string
  subject: string
  issuer: string
  /** ISO instant. */
  validTo: string
}

/**
 * Connects only to read the server's certificate (verification off: the point is to show it to the user, who compares
 * the fingerprint before trusting it). Nothing is sent but the TLS handshake.
 */
export async function probeServer(url: string, options: { timeoutMs?: number } = {}): Promise<ProbedCertificate> {
  const target = httpsTarget(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port, ...(target.servername ? { servername: target.servername } : {}), rejectUnauthorized: false })
    const timer = setTimeout(() => socket.destroy(new Error(`no TLS answer from ${target.host}:${target.port} within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)), options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    socket.once('secureConnect', () => {
      clearTimeout(timer)
      const cert = socket.getPeerCertificate()
      socket.end()
      if (!cert?.fingerprint256) return reject(new Error('the server presented no certificate'))
      resolve({ fingerprint: cert.fingerprint256, subject: nameOf(cert.subject), issuer: nameOf(cert.issuer), validTo: new Date(cert.valid_to).toISOString() })
    })
    socket.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
  })
}

export interface PinnedRequest {
  /** The confirmed server certificate's fingerprint (any format sameFingerprint accepts). */
  fingerprint: string
  method?: string
  /** Sent as JSON unless a string. */
  body?: unknown
  headers?: Record<string, string>
  timeoutMs?: number
}

export interface PinnedAnswer<T = unknown> {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: T
}

/**
 * An HTTPS request that only proceeds on the pinned certificate: the TLS connection is made first, its certificate
 * compared with the pin, and only then is the request written on it, so nothing (no cookie, no password) reaches a
 * server presenting another certificate. The CA chain is not what is trusted here: the pin is.
 */
export async function pinnedFetchJson<T = unknown>(url: string, options: PinnedRequest): Promise<PinnedAnswer<T>> {
  const target = httpsTarget(url)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return new Promise((resolve, reject) => {
    let settled = false
    const finish = (error: Error | null, answer?: PinnedAnswer<T>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (error) {
        socket.destroy()
        reject(error)
      } else resolve(answer!)
    }
    const timer = setTimeout(() => finish(new Error(`no answer from ${target.host}:${target.port} within ${timeoutMs} ms`)), timeoutMs)
    const socket: TLSSocket = connect({ host: target.host, port: target.port, ...(target.servername ? { servername: target.servername } : {}), rejectUnauthorized: false })
    socket.once('error', (error) => finish(error))
    socket.once('secureConnect', () => {
      const presented = socket.getPeerCertificate()?.fingerprint256 ?? ''
      if (!sameFingerprint(presented, options.fingerprint)) return finish(new FingerprintMismatchError(options.fingerprint, presented))
      send(socket)
    })

    function send(tlsSocket: TLSSocket) {
      const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
      const headers: Record<string, string> = { host: target.hostHeader, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers }
      const req = request(
        // No agent: the request goes on this verified connection only (an agent would open its own, unchecked).
        { method: options.method ?? (body === undefined ? 'GET' : 'POST'), path: target.path, headers, createConnection: () => tlsSocket },
        (res) => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > MAX_ANSWER_BYTES) return finish(new Error('answer too large'))
            chunks.push(chunk)
          })
          res.on('error', (error) => finish(error))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            let parsed: unknown = text
            try {
              parsed = text === '' ? null : JSON.parse(text)
            } catch {
              // Not JSON (a plain-text refusal): the text itself is the answer.
            }
            finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: parsed as T })
            tlsSocket.end()
          })
        },
      )
      req.on('error', (error) => finish(error))
      req.end(body)
    }
  })
}

interface HttpsTarget {
  host: string
  port: number
  servername: string | null
  hostHeader: string
  path: string
}

function httpsTarget(url: string): HttpsTarget {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(`not a URL: ${url}`)
  }
  if (parsed.protocol !== 'https:') throw new Error(`the facility server is reached over https://, not ${parsed.protocol}//`)
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1')
  const port = parsed.port ? Number(parsed.port) : 443
  // SNI carries host names only, never an address.
  return { host, port, servername: isIP(host) ? null : host, hostHeader: parsed.host, path: parsed.pathname + parsed.search }
}

function nameOf(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return ''
  const value = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(', ') : v)
  return value(name.CN) ?? value(name.O) ?? ''
}
