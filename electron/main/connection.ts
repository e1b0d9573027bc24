/**
 * connection.json in the user-data folder: read at start, written when the user chooses (issue 15). The rules are in
 * shared/connection.ts and connectionPolicy.ts; this file only touches the disk and the network cards.
 */
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { hostname, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { connectionChoice, parseConnectionFile, serializeConnection, type ConnectionChoice, type StoredConnection } from '../shared/connection'

export const CONNECTION_FILE = 'connection.json'

export function readConnection(userData: string): StoredConnection {
  let text: string
  try {
    text = readFileSync(join(userData, CONNECTION_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' }
    return { kind: 'invalid', detail: error instanceof Error ? error.message : String(error) }
  }
  return parseConnectionFile(text)
}

/**
 * Validates `raw` (it comes from the renderer) and replaces the file atomically: written beside it, flushed, renamed
 * over it, so a crash leaves the old choice or the new one, never half of one. Throws the schema's error when invalid.
 */
export function writeConnection(userData: string, raw: unknown): ConnectionChoice {
  const choice = connectionChoice.parse(raw)
  const target = join(userData, CONNECTION_FILE)
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`
  const fd = openSync(temporary, 'w', 0o600)
  try {
    writeSync(fd, serializeConnection(choice))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
  return choice
}

/** This computer's name and IPv4 addresses on its network cards (not loopback): what other workstations may type. */
export function localNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address)
  return [...new Set([hostname().toLowerCase(), ...addresses])].filter((name) => /^[a-z0-9.-]{1,253}$/i.test(name))
}
