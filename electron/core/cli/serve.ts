import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDispatcher } from '../dispatch'
import { openDatabase } from '../db/open'
import { startBridge } from '../http/server'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const rendererDir = join(repoRoot, 'out', 'renderer')

export interface ServeOptions {
  db: string
  port?: number
  open: boolean
}

/** Browser mode: the core's HTTP bridge serving the built renderer, until the process is stopped. */
export async function serve(options: ServeOptions): Promise<void> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The renderer is not built yet: run `npm run build` (or `npm start`, which builds first).')
  }
  const db = openDatabase(options.db)
  const dispatch = createDispatcher({ db })
  const bridge = await startBridge({ dispatch, staticDir: rendererDir, ...(options.port ? { port: options.port } : {}) })
  process.stdout.write(`Xinsheng (browser mode) · database ${options.db}\nOpen: ${bridge.url}\n`)
  if (options.open) openInBrowser(bridge.url)
  const stop = () => {
    void bridge.close().finally(() => {
      db.close()
      process.exit(0)
    })
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

/** The Electron binary, if this install has one (npm does not fetch it without its install script). Never imports electron. */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const pkgDir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(pkgDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

/** `npm start`: the Electron window where Electron is installed, browser mode otherwise. */
export async function start(options: ServeOptions): Promise<void> {
  const binary = electronBinary()
  if (binary && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.platform !== 'linux')) {
    const child = spawn(binary, [repoRoot], { stdio: 'inherit', env: { ...process.env, XINSHENG_DB: options.db } })
    child.on('exit', (code) => process.exit(code ?? 0))
    return
  }
  process.stdout.write(
    binary
      ? 'No display for the Electron window here; starting browser mode instead.\n'
      : 'Electron is not installed on this machine (its binary was not downloaded); starting browser mode instead.\n',
  )
  await serve(options)
}
