/**
 * The facility server (issue 15): the same dispatcher as browser mode, over HTTPS on the facility's network, with cookie
 * sessions (http/facilityMode.ts). One port: a plain-HTTP request to it is answered with a redirect to https:// and
 * closed, never served. `startFacilityBridge` is the bridge alone (tests give it a dispatcher); `serveWorker` serves a
 * running back-end worker (reader + bridge); `startFacilityServer` is what `npm run serve -- --facility` runs:
 * certificates, the back-end worker, then serveWorker.
 */
import { createServer as createHttpsServer } from 'node:https'
import { createServer as createNetServer, isIP, type AddressInfo, type Server, type Socket } from 'node:net'
import { dirname, join } from 'node:path'
import type { BackendEventListener } from '../../shared/events'
import type { Locale } from '../../shared/i18n/messages'
import type { AsyncDispatch, Dispatch } from '../dispatch'
import { createBridgeHandler, type BridgeLimits } from '../http/bridgeCore'
import { allowedHosts, facilityMode } from '../http/facilityMode'
import { startBackendWorker, type BackendWorker } from '../worker/client'
import { routeHeavyReads } from './readRouting'
import { ensureFacilityCertificates, servedNames } from './tls'

/** Tens of workstations, each with a browser's handful of connections and one event stream. */
export const FACILITY_MAX_CONNECTIONS = 512
/** A connection must say something (a TLS hello or an HTTP request line) within this time. */
const FIRST_BYTE_TIMEOUT_MS = 10_000
/** The first byte of every TLS record that opens a connection (a handshake record). */
const TLS_HANDSHAKE = 0x16

export interface FacilityBridgeOptions {
  dispatch: Dispatch | AsyncDispatch
  events?: (listener: BackendEventListener) => () => void
  onLiveClients?: (count: number) => void
  tls: { keyPem: string; certPem: string }
  host: string
  /** 0 for any free port (tests). */
  port: number
  /** The names clients use (Host header and the printed URL); localhost and 127.0.0.1 are always served. */
  names: readonly string[]
  staticDir?: string
  limits?: BridgeLimits
  locale?: Locale
}

export interface RunningFacilityBridge {
  /** The listening socket server (it hands TLS connections to the HTTPS server). */
  server: Server
  port: number
  url: string
  close(): Promise<void>
}

export async function startFacilityBridge(options: FacilityBridgeOptions): Promise<RunningFacilityBridge> {
  const names = servedNames(options.names)
  const handler = createBridgeHandler(
    { ...options, limits: { maxConnections: FACILITY_MAX_CONNECTIONS, ...options.limits } },
    facilityMode({ dispatch: options.dispatch, names, ...(options.locale ? { locale: options.locale } : {}) }),
  )
  const https = createHttpsServer({ key: options.tls.keyPem, cert: options.tls.certPem, minVersion: 'TLSv1.2' }, handler.handle)
  handler.configure(https)
  https.on('tlsClientError', (_error, socket) => socket.destroy())

  const sockets = new Set<Socket>()
  const front = createNetServer({ pauseOnConnect: true }, (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    sniff(socket)
  })
  front.maxConnections = options.limits?.maxConnections ?? FACILITY_MAX_CONNECTIONS

  /** Reads the first byte: a TLS hello goes to the HTTPS server, anything else gets the redirect. */
  function sniff(socket: Socket) {
    socket.on('error', () => socket.destroy())
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy())
    socket.once('data', (chunk: Buffer) => {
      socket.pause()
      socket.setTimeout(0)
      socket.unshift(chunk)
      if (chunk[0] === TLS_HANDSHAKE) {
        // The TLS socket takes over the connection's handle and first reads what is buffered here (the hello put back).
        https.emit('connection', socket)
      } else {
        answerPlainHttp(socket, chunk, handler.port, names)
      }
    })
    socket.resume()
  }

  await new Promise<void>((resolveListen, reject) => {
    front.once('error', reject)
    front.listen(options.port, options.host, () => resolveListen())
  })
  handler.port = (front.address() as AddressInfo).port
  return {
    server: front,
    port: handler.port,
    url: facilityUrl(names[0] ?? 'localhost', handler.port),
    close: () =>
      new Promise((resolveClose) => {
        handler.closeStreams()
        https.close()
        front.close(() => resolveClose())
        // Whatever is still connected (a browser's idle keep-alive, a half-sent request) is cut: stopping means stopped.
        for (const socket of sockets) socket.destroy()
      }),
  }
}

export function facilityUrl(name: string, port: number): string {
  const host = isIP(name) === 6 ? `[${name}]` : name
  return `https://${host}${port === 443 ? '' : `:${port}`}/`
}

/**
 * Plain HTTP on the TLS port: a request for one of the served names is sent to the same path over https:// (301);
 * anything else gets 400. Either way the connection closes at once and nothing behind it is reached.
 */
function answerPlainHttp(socket: Socket, head: Buffer, port: number, names: readonly string[]) {
  const text = head.subarray(0, 8192).toString('latin1')
  const [requestLine = '', ...headerLines] = text.split('\r\n')
  const target = /^[A-Z]+ (\/[^\s]*) HTTP\/1\.[01]$/.exec(requestLine)?.[1]
  const host = headerLines.find((l) => /^host:/i.test(l))?.slice(5).trim().toLowerCase()
  const known = host !== undefined && allowedHosts(names, port).has(host)
  const reply =
    target && known
      ? `HTTP/1.1 301 Moved Permanently\r\nLocation: https://${host}${target}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 35\r\nConnection: close\r\n\r\nXinsheng is served over HTTPS only.`
      : 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 35\r\nConnection: close\r\n\r\nXinsheng is served over HTTPS only.'
  socket.on('error', () => socket.destroy())
  // Read and drop the rest, so the client's end of the connection is seen and the socket closes.
  socket.on('data', () => undefined)
  socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy())
  socket.end(reply)
  socket.resume()
}

export interface ServeWorkerOptions extends Omit<FacilityBridgeOptions, 'dispatch' | 'events' | 'onLiveClients'> {
  /** The database the writer worker has open (the reader opens it read-only). */
  dbFile: string
  /** The built worker script (Electron's backendWorker.js); a source run starts entry.ts through tsx without it. */
  entry?: string | URL
  fixedNow?: string
}

/**
 * Serves a running back-end worker (the one writer) to the facility: a reader worker for the heavy reads
 * (readRouting.ts) and the HTTPS bridge. `serve --facility` and the Electron app's host mode both start here. Closing
 * stops the bridge and the reader; the writer is the caller's.
 */
export async function serveWorker(backend: BackendWorker, options: ServeWorkerOptions): Promise<RunningFacilityBridge> {
  const { dbFile, entry, fixedNow, ...bridgeOptions } = options
  const reads = routeHeavyReads(backend, () =>
    startBackendWorker({
      dbFile,
      role: 'reader',
      ...(entry ? { entry } : {}),
      ...(fixedNow ? { fixedNow } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    }),
  )
  try {
    const bridge = await startFacilityBridge({ ...bridgeOptions, dispatch: reads.invoke, events: backend.onEvent, onLiveClients: backend.reportLiveClients })
    return {
      ...bridge,
      close: async () => {
        await bridge.close()
        await reads.close()
      },
    }
  } catch (error) {
    await reads.close()
    throw error
  }
}

export interface FacilityServerOptions {
  dbFile: string
  listen: { host: string; port: number }
  /** Where the CA and server certificate live; a `tls` folder beside the database by default. */
  tlsDir?: string
  /** Names clients use; by default the listen address (unless a wildcard) and localhost. */
  names?: readonly string[]
  staticDir?: string
  /** A fixed "now" for the back end (tests); certificates always use the real time (clients check them against it). */
  fixedNow?: string
  locale?: Locale
}

export interface RunningFacilityServer {
  url: string
  port: number
  /** The server certificate's SHA-256 fingerprint, read out to each workstation on first connect. */
  fingerprint: string
  caCertPem: string
  /** The CA certificate file, to install in browsers. */
  caFile: string
  tlsDir: string
  notAfter: string
  /** Whether this start issued a new server certificate (workstations will see a changed fingerprint). */
  certificateIssued: boolean
  /** Whether this start created the facility CA (browsers need its ca.crt). */
  caCreated: boolean
  close(): Promise<void>
}

/**
 * Ensures the certificates, starts the back end in its worker (serving info 'facility' for the health screen; the
 * back end runs the daily backups as on a workstation), then the bridge with the worker as dispatcher and event source.
 */
export async function startFacilityServer(options: FacilityServerOptions): Promise<RunningFacilityServer> {
  const tlsDir = options.tlsDir ?? join(dirname(options.dbFile), 'tls')
  const wildcard = options.listen.host === '0.0.0.0' || options.listen.host === '::'
  const names = servedNames(options.names?.length ? options.names : wildcard ? [] : [options.listen.host])
  const certs = ensureFacilityCertificates({ dir: tlsDir, names })
  const listen = `${isIP(options.listen.host) === 6 ? `[${options.listen.host}]` : options.listen.host}:${options.listen.port}`
  const backend = await startBackendWorker({
    dbFile: options.dbFile,
    ...(options.fixedNow ? { fixedNow: options.fixedNow } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    serving: { mode: 'facility', tls: { listen, fingerprint: certs.fingerprint, notAfter: certs.notAfter } },
  })
  let bridge: RunningFacilityBridge
  try {
    bridge = await serveWorker(backend, {
      dbFile: options.dbFile,
      tls: { keyPem: certs.keyPem, certPem: certs.certPem },
      host: options.listen.host,
      port: options.listen.port,
      names,
      ...(options.staticDir ? { staticDir: options.staticDir } : {}),
      ...(options.fixedNow ? { fixedNow: options.fixedNow } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    })
  } catch (error) {
    await backend.close()
    throw error
  }
  return {
    url: bridge.url,
    port: bridge.port,
    fingerprint: certs.fingerprint,
    caCertPem: certs.caCertPem,
    caFile: join(tlsDir, 'ca.crt'),
    tlsDir,
    notAfter: certs.notAfter,
    certificateIssued: certs.created,
    caCreated: certs.caCreated,
    close: async () => {
      await bridge.close()
      await backend.close()
    },
  }
}
