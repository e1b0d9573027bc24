import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs'
import type { Db } from '../db/open'
import { lastAuditLink } from './auditRepo'

/*
 * What makes the audit chain tamper-evident beyond its own hashes (issue 10 §1). Anyone who can write the database
 * file could delete the last rows, or edit a row and re-hash everything after it; two things outside the file stop that:
 *   - the key: rows are chained with HMAC-SHA-256 under a per-facility secret kept beside the database, not in it
 *     (`<database>.audit-key`, readable by the account only; its recovery code is printed at set-up). Rows written before
 *     the key existed keep their plain SHA-256 links (`keyedFrom`).
 *   - the anchor: the newest row's number and hash, written after every committed audited change
 *     (`<database>.audit-anchor`) and with every backup; a chain that no longer reaches it has lost rows.
 * An in-memory database (tests) gets a key of its own and no anchor file.
 */

export interface AuditKey {
  key: Buffer
  /** The first row chained with the key. */
  keyedFrom: number
}

export interface AuditAnchor {
  seq: number
  hash: string
  at: string
}

interface Seal {
  key: AuditKey
  keyFile: string | null
  anchorFile: string | null
  /** The anchor file, kept open: each anchor overwrites one fixed-size record in place (no new file per change). */
  anchorFd?: number
}

const seals = new WeakMap<Db, Seal>()
/** A closed (garbage-collected) database's anchor file is closed too. */
const anchorFds = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd)
  } catch {
    // already closed
  }
})

/**
 * One anchor record: JSON padded with spaces to a fixed size well inside one disk sector, written at offset 0, so a
 * write replaces the whole record at once (~20 µs; a new file and a rename per change cost half a millisecond).
 */
const ANCHOR_RECORD_BYTES = 256

export const auditKeyFile = (dbFile: string) => `${dbFile}.audit-key`
export const auditAnchorFile = (dbFile: string) => `${dbFile}.audit-anchor`

function readKeyFile(file: string): AuditKey {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { version: number; key: string; keyedFrom: number }
  const key = Buffer.from(data.key, 'base64')
  if (data.version !== 1 || key.length !== 32 || !Number.isInteger(data.keyedFrom) || data.keyedFrom < 1) {
    throw new Error(`the audit key file ${file} is damaged; restore it from the recovery code (see README, Audit log)`)
  }
  return { key, keyedFrom: data.keyedFrom }
}

/** Atomic write (a crash leaves the old file or the new one, never half of either), readable by this account only. */
function writeFileAtomic(file: string, text: string) {
  const temp = `${file}.tmp-${process.pid}`
  writeFileSync(temp, text, { mode: 0o600 })
  renameSync(temp, file)
}

/**
 * Loads the database's audit key, or creates it (chaining from the next row) when the database has none yet and
 * `create` allows it. `file` is the database file, or null for an in-memory database. Returns null when no key is
 * attached, else whether it was created now.
 */
export function attachAuditKey(db: Db, file: string | null, options: { create: boolean }): { created: boolean } | null {
  const keyFile = file ? auditKeyFile(file) : null
  if (keyFile && existsSync(keyFile)) {
    seals.set(db, { key: readKeyFile(keyFile), keyFile, anchorFile: auditAnchorFile(file!) })
    return { created: false }
  }
  if (!options.create) return null
  const key: AuditKey = { key: randomBytes(32), keyedFrom: (lastAuditLink(db)?.seq ?? 0) + 1 }
  if (keyFile) writeFileAtomic(keyFile, JSON.stringify({ version: 1, key: key.key.toString('base64'), keyedFrom: key.keyedFrom }))
  seals.set(db, { key, keyFile, anchorFile: file ? auditAnchorFile(file) : null })
  return { created: true }
}

/** The key rows from `keyedFrom` on are chained with; undefined for a database opened without one (plain SHA-256). */
export const auditKeyOf = (db: Db): AuditKey | undefined => seals.get(db)?.key

/** Writes the anchor: the newest row as committed. Call after the transaction that appended rows has committed. */
export function writeAuditAnchor(db: Db, at: string): void {
  const seal = seals.get(db)
  if (!seal?.anchorFile) return
  const last = lastAuditLink(db)
  if (!last) return
  const record = Buffer.alloc(ANCHOR_RECORD_BYTES, ' ')
  record.write(JSON.stringify({ seq: last.seq, hash: last.hash, at } satisfies AuditAnchor))
  if (seal.anchorFd === undefined) {
    seal.anchorFd = openSync(seal.anchorFile, existsSync(seal.anchorFile) ? 'r+' : 'w+', 0o600)
    anchorFds.register(db, seal.anchorFd)
  }
  writeSync(seal.anchorFd, record, 0, record.length, 0)
}

export const UNREADABLE_ANCHOR = 'unreadable'

/** The anchor last written for this database, if any. */
export function readAuditAnchor(db: Db): AuditAnchor | null {
  const file = seals.get(db)?.anchorFile
  if (!file || !existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AuditAnchor
  } catch {
    // A damaged anchor names no row: report it like a chain that does not reach its anchor.
    return { seq: 0, hash: UNREADABLE_ANCHOR, at: '' }
  }
}

/**
 * The key as a recovery code to print and keep apart from the workstation: base32 in groups of four, with the first
 * keyed row. Typing it back (CLI `audit-key --restore`) rebuilds the key file.
 */
export function auditRecoveryCode(db: Db): string | null {
  const key = auditKeyOf(db)
  if (!key) return null
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  let bits = ''
  for (const byte of key.key) bits += byte.toString(2).padStart(8, '0')
  let code = ''
  for (let i = 0; i < bits.length; i += 5) code += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)]
  return `${key.keyedFrom}-${code.match(/.{1,4}/g)!.join('-')}`
}

/** Rebuilds a key file from a recovery code (the inverse of auditRecoveryCode). */
export function restoreAuditKey(dbFile: string, recoveryCode: string): void {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const [from, ...groups] = recoveryCode.trim().toUpperCase().split('-')
  const keyedFrom = Number(from)
  const chars = groups.join('')
  if (!Number.isInteger(keyedFrom) || keyedFrom < 1 || chars.length !== 52 || [...chars].some((c) => !alphabet.includes(c))) {
    throw new Error('not a recovery code: expected the number, then 13 groups of 4 characters, as printed at set-up')
  }
  let bits = ''
  for (const c of chars) bits += alphabet.indexOf(c).toString(2).padStart(5, '0')
  const key = Buffer.from(Array.from({ length: 32 }, (_, i) => parseInt(bits.slice(i * 8, i * 8 + 8), 2)))
  writeFileAtomic(auditKeyFile(dbFile), JSON.stringify({ version: 1, key: key.toString('base64'), keyedFrom }))
}
