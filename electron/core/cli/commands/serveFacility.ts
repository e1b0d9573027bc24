/**
 * `serve --facility`: the facility server (issue 15) on the given address, until stopped. Prints what the administrator
 * needs on each workstation: the address, the certificate fingerprint to read out (pinned by the Electron client on
 * first connect), and the CA file to install in browsers.
 */
import { existsSync } from 'node:fs'
import { isIP } from 'node:net'
import { hostname, networkInterfaces } from 'node:os'
import { join, resolve } from 'node:path'
import { startFacilityServer } from '../../server/facilityServer'
import { parseOptions, UsageError } from '../command'

export interface FacilityServeOptions {
  db: string
  host: string
  port: number
  tlsDir?: string
  names: string[]
  open: boolean
}

export function parseFacilityOptions(args: string[]): FacilityServeOptions {
  const values = parseOptions(args, {
    facility: { type: 'boolean' },
    db: { type: 'string' },
    listen: { type: 'string' },
    'tls-dir': { type: 'string' },
    name: { type: 'string', multiple: true },
    port: { type: 'string' },
    'no-open': { type: 'boolean' },
  })
  if (values.port !== undefined) throw new UsageError('--port is for browser mode; the facility server takes --listen HOST:PORT')
  // The shared database must be named: a default under the home folder would quietly serve an empty facility.
  if (!values.db) throw new UsageError('--db FILE is required with --facility')
  if (!values.listen) throw new UsageError('--listen HOST:PORT is required with --facility (e.g. --listen 0.0.0.0:8443)')
  const { host, port } = parseListen(values.listen)
  const names = (values.name ?? []).map((n) => n.trim())
  for (const name of names) {
    if (!isIP(name) && !/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(name)) {
      throw new UsageError(`--name must be a host name or IP address, not "${name}"`)
    }
  }
  return { db: resolve(values.db), host, port, ...(values['tls-dir'] ? { tlsDir: resolve(values['tls-dir']) } : {}), names, open: !values['no-open'] }
}

/** `HOST:PORT`, `[IPv6]:PORT`; the port 1–65535. */
export function parseListen(text: string): { host: string; port: number } {
  const match = /^\[([0-9a-f:.]+)\]:(\d+)$/i.exec(text) ?? /^([^:\s[\]]+):(\d+)$/.exec(text)
  if (!match) throw new UsageError(`--listen must be HOST:PORT (e.g. 0.0.0.0:8443 or [::]:8443), not "${text}"`)
  const port = Number(match[2])
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--listen port must be 1–65535, not ${match[2]}`)
  return { host: match[1]!, port }
}

/** Without --name on a wildcard address: this machine's name and its LAN addresses, which workstations will use. */
function defaultNames(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host]
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && (a.family === 'IPv4' || host === '::'))
    .map((a) => a!.address)
    .filter((a) => !a.startsWith('fe80:'))
  return [...addresses, hostname()]
}

/** `host`: where the built renderer is and how to open a browser (serve.ts's, passed in to keep the modules acyclic). */
export async function serveFacility(options: FacilityServeOptions, host: { rendererDir: string; openInBrowser(url: string): void }): Promise<void> {
  const { rendererDir, openInBrowser } = host
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built yet: run `npm run build` first.')
  }
  const server = await startFacilityServer({
    dbFile: options.db,
    listen: { host: options.host, port: options.port },
    ...(options.tlsDir ? { tlsDir: options.tlsDir } : {}),
    names: options.names.length > 0 ? options.names : defaultNames(options.host),
    staticDir: rendererDir,
  })
  process.stdout.write(
    [
      `Xinsheng facility server · database ${options.db}`,
      `Address:      ${server.url}`,
      `Fingerprint:  ${server.fingerprint}`,
      '              Read this out to each workstation: it must match what the workstation shows on first connect.',
      ...(server.certificateIssued && !server.caCreated
        ? ['              A new server certificate was issued at this start: workstations that confirmed the old one will refuse until they confirm this one.']
        : []),
      `CA file:      ${server.caFile}`,
      server.caCreated
        ? '              New facility CA: install it as a trusted authority in each browser that opens the address.'
        : '              Install it as a trusted authority in each browser that opens the address (once per browser).',
      `Valid until:  ${server.notAfter}`,
      '',
    ].join('\n'),
  )
  if (options.open) openInBrowser(server.url)
  const stop = () => {
    void server.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
