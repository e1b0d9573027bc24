import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { sealAtOpen } from '../audit/auditOpen'
import { attachAuditKey } from '../audit/auditSeal'
import { rememberFileIdentity } from './fileIdentity'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations/migration'

export type Db = Database.Database

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of Xinsheng (schema ${found}; this app supports up to ${supported}). ` +
        'Update the app; the database has not been changed.',
    )
    this.name = 'DatabaseTooNewError'
  }
}

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean
  readonly?: boolean
  /**
   * Set up the audit seal (auditOpen.ts): key, triggers, anchor. Default: when migrating. Without it an existing key is
   * still attached, so the chain verifies, but nothing is created or written.
   */
  seal?: boolean
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file, { readonly: options.readonly ?? false })
  try {
    // Refuse a newer database before any pragma can rewrite its header.
    assertNotTooNew(db)
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    db.pragma('synchronous = NORMAL')
    if (options.migrate ?? true) migrate(db)
    cachePreparedStatements(db)
    rememberFileIdentity(db, file)
    const memory = file === ':memory:'
    if (!options.readonly && (options.seal ?? options.migrate ?? true)) {
      sealAtOpen(db, memory ? null : file, { createKey: true, at: new Date().toISOString() })
    } else if (!memory) {
      attachAuditKey(db, file, { create: false })
    }
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Distinct SQL texts kept compiled; the list builders make a few hundred at most, so this is a bound, not a tuning. */
const STATEMENT_CACHE_SIZE = 1000

/**
 * Keeps each prepared statement for reuse. Repositories call db.prepare(sql) where they use it (readable, one place);
 * compiling a statement costs 20 µs for a lookup and up to a millisecond for the ward screen's query, paid on every
 * call without this. Least recently used texts are dropped past the bound. Statements are used synchronously and
 * nobody switches one into raw/pluck mode, so sharing one per text is safe.
 */
function cachePreparedStatements(db: Db): void {
  const compile = db.prepare.bind(db)
  const cache = new Map<string, Database.Statement>()
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql)
    if (statement) {
      cache.delete(sql)
    } else {
      statement = compile(sql)
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
    }
    cache.set(sql, statement)
    return statement
  }) as Db['prepare']
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

function assertNotTooNew(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = schemaVersion(db)
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length)
}

/**
 * Applies every pending migration (SQL or a function), each in its own transaction with its user_version bump.
 * Returns the versions applied.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertNotTooNew(db, migrations)
  const applied: number[] = []
  for (let version = schemaVersion(db) + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      const step = migrations[version - 1]!
      if (typeof step === 'string') db.exec(step)
      else step(db)
      db.pragma(`user_version = ${version}`)
    })()
    applied.push(version)
  }
  return applied
}

export function integrityCheck(db: Db): { ok: boolean; integrity: string[]; foreignKeys: unknown[] } {
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check)
  const foreignKeys = db.pragma('foreign_key_check') as unknown[]
  return { ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys.length === 0, integrity, foreignKeys }
}
