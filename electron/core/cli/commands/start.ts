import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { CliCommand } from '../command'
import { parseServeOptions, repoRoot, serve, type ServeOptions } from './serve'

export const startCommand: CliCommand = {
  name: 'start',
  help: 'start [--db FILE] [--port N] [--no-open]               Electron if installed, else browser mode',
  run: (args) => start(parseServeOptions(args)),
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
