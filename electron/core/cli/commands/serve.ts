import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBridge } from '../../http/server'
import { startBackendWorker } from '../../worker/client'
import { parseOptions, UsageError, type CliCommand } from '../command'
import { defaultDatabasePath } from '../paths'
import { parseFacilityOptions, serveFacility } from './serveFacility'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
export const rendererDir = join(repoRoot, 'out', 'renderer')

export interface ServeOptions {
  db: string
  port?: number
  open: boolean
}

/** serve and start take the same options. */
export function parseServeOptions(args: string[]): ServeOptions {
  const values = parseOptions(args, { db: { type: 'string' }, port: { type: 'string' }, 'no-open': { type: 'boolean' } })
  const port = values.port === undefined ? undefined : Number(values.port)
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) throw new UsageError('--port must be 1–65535')
  return { db: values.db ?? defaultDatabasePath(), ...(port ? { port } : {}), open: !values['no-open'] }
}

export const serveCommand: CliCommand = {
  name: 'serve',
  help: 'serve [--db FILE] [--port N] [--no-open]               browser mode on 127.0.0.1\n  serve --facility --db FILE --listen HOST:PORT [--tls-dir DIR] [--name HOST]... [--no-open]   facility server over HTTPS',
  // --facility (and only it) switches to the facility server, whose options browser mode refuses and vice versa.
  run: (args) => (args.includes('--facility') ? serveFacility(parseFacilityOptions(args), { rendererDir, openInBrowser }) : serve(parseServeOptions(refuseFacilityOnly(args)))),
}

/** A facility option without --facility is a mistake worth naming, rather than "Unknown option". */
function refuseFacilityOnly(args: string[]): string[] {
  const facilityOnly = args.find((a) => /^--(listen|tls-dir|name)(=|$)/.test(a))
  if (facilityOnly) throw new UsageError(`${facilityOnly.split('=')[0]} is only for the facility server: add --facility`)
  return args
}

/**
 * Browser mode: the back end in its worker thread, the HTTP bridge serving the built renderer on this thread, until
 * the process is stopped. A database that cannot be opened fails here with the worker's message.
 */
export async function serve(options: ServeOptions): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built yet: run `npm run build` (or `npm start`, which builds first).')
  }
  const backend = await startBackendWorker({ dbFile: options.db })
  const bridge = await startBridge({
    dispatch: backend.invoke,
    events: backend.onEvent,
    onLiveClients: backend.reportLiveClients,
    staticDir: rendererDir,
    ...(options.port ? { port: options.port } : {}),
  })
  process.stdout.write(`Xinsheng (browser mode) · database ${options.db}\nOpen: ${bridge.url}\n`)
  if (options.open) openInBrowser(bridge.url)
  const stop = () => {
    void bridge
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function openInBrowser(url: string) {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return
  try {
    spawn(command, [url], { detached: true, stdio: 'ignore' }).on('error', () => undefined).unref()
  } catch {
    // No browser to open: the printed URL is enough.
  }
}
