import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { CONFIG_KINDS, type ConfigData, type ConfigKind, type ConfigVersion, type ConfigVersionInfo } from '../../shared/configKinds'
import type { Db } from '../db/open'

/**
 * Stored configuration data that does not match its kind's schema, or data refused before saving. A stored version is
 * never replaced or skipped: records point at it, so a bad one must be looked at, not hidden.
 */
export class InvalidConfigError extends Error {
  constructor(
    readonly kind: ConfigKind,
    readonly version: number | null,
    readonly problem: string,
  ) {
    super(`configuration '${kind}'${version === null ? '' : ` version ${version}`} is invalid: ${problem}`)
    this.name = 'InvalidConfigError'
  }
}

/** The registry typed per kind, so `CONFIG_SCHEMAS[kind]` parses to `ConfigData<K>` for a generic K. */
const CONFIG_SCHEMAS: { [K in ConfigKind]: z.ZodType<ConfigData<K>> } = CONFIG_KINDS

function parse<K extends ConfigKind>(kind: K, version: number | null, data: unknown): ConfigData<K> {
  const result = CONFIG_SCHEMAS[kind].safeParse(data)
  if (!result.success) {
    throw new InvalidConfigError(kind, version, result.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; '))
  }
  return result.data
}

interface StoredVersion {
  version: number
  data: string
  createdAt: string
  createdBy: string | null
}

const COLUMNS = 'version, data, created_at AS createdAt, created_by AS createdBy'

function toVersion<K extends ConfigKind>(kind: K, row: StoredVersion): ConfigVersion<K> {
  let data: unknown
  try {
    data = JSON.parse(row.data)
  } catch {
    throw new InvalidConfigError(kind, row.version, 'not JSON')
  }
  return { kind, version: row.version, data: parse(kind, row.version, data), createdAt: row.createdAt, createdBy: row.createdBy }
}

/** The newest version of a kind, parsed; null when none was ever saved. */
export function currentConfig<K extends ConfigKind>(db: Db, kind: K): ConfigVersion<K> | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM config_versions WHERE kind = ? ORDER BY version DESC LIMIT 1`).get(kind) as
    | StoredVersion
    | undefined
  return row ? toVersion(kind, row) : null
}

/** The newest version number of a kind, without reading its data; null when none was ever saved. */
export function currentConfigVersion(db: Db, kind: ConfigKind): number | null {
  const row = db.prepare('SELECT max(version) AS version FROM config_versions WHERE kind = ?').get(kind) as { version: number | null }
  return row.version
}

/** One given version, parsed; null when there is no such version. */
export function configVersion<K extends ConfigKind>(db: Db, kind: K, version: number): ConfigVersion<K> | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM config_versions WHERE kind = ? AND version = ?`).get(kind, version) as
    | StoredVersion
    | undefined
  return row ? toVersion(kind, row) : null
}

/** Every version of a kind, newest first, without the data. */
export function listConfigVersions(db: Db, kind: ConfigKind): ConfigVersionInfo[] {
  return db
    .prepare('SELECT version, created_at AS createdAt, created_by AS createdBy FROM config_versions WHERE kind = ? ORDER BY version DESC')
    .all(kind) as ConfigVersionInfo[]
}

/** Validates and saves the data as the next version of its kind (1 for the first); returns the new version number. */
export function saveConfigVersion<K extends ConfigKind>(db: Db, kind: K, data: ConfigData<K>, saved: { at: string; by: string | null }): number {
  const valid = parse(kind, null, data)
  const row = db
    .prepare(
      `INSERT INTO config_versions (id, kind, version, data, created_at, created_by)
       SELECT @id, @kind, coalesce(max(version), 0) + 1, @data, @at, @by FROM config_versions WHERE kind = @kind
       RETURNING version`,
    )
    .get({ id: randomUUID(), kind, data: JSON.stringify(valid), at: saved.at, by: saved.by }) as { version: number }
  return row.version
}
