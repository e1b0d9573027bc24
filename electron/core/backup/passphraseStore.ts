/**
 * The facility's backup passphrase, kept outside the database (never in a table, never in a backup): a file beside the
 * database file, readable by its owner only, so the daily backup can encrypt after a restart. The threat the
 * encryption answers is a copy leaving the room (a USB stick); the workstation's own disk already holds the database.
 * An in-memory database (tests) keeps it in memory.
 */
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { Db } from '../db/open'

const inMemory = new WeakMap<Db, string>()

export const passphraseFileFor = (dbFile: string): string => `${dbFile}.backup-passphrase`

export function readPassphrase(db: Db): string | null {
  if (db.memory) return inMemory.get(db) ?? null
  const file = passphraseFileFor(db.name)
  if (!existsSync(file)) return null
  const value = readFileSync(file, 'utf8')
  return value.length > 0 ? value : null
}

export function storePassphrase(db: Db, passphrase: string): void {
  if (db.memory) {
    inMemory.set(db, passphrase)
    return
  }
  const file = passphraseFileFor(db.name)
  const partial = `${file}.partial`
  writeFileSync(partial, passphrase, { encoding: 'utf8', mode: 0o600 })
  chmodSync(partial, 0o600)
  renameSync(partial, file)
}
