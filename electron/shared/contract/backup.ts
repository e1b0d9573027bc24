/**
 * Backup and restore (administrators only). A backup is a pair of files in the backup folder: the database copy
 * (`.db`, or `.db.enc` when encrypted with the facility passphrase) and its manifest. The passphrase is never stored
 * in the database and never returned by any method.
 */
import { z } from 'zod'
import { intRange, keyWithParams, settingVersionInput, text, tooLong } from './common'
import { method, noAudit } from './define'

export const BACKUP_KEEP_MIN = 1
export const BACKUP_KEEP_MAX = 365
export const BACKUP_KEEP_DEFAULT = 14
export const BACKUP_PATH_MAX = 500
export const PASSPHRASE_MIN = 10
export const PASSPHRASE_MAX = 200

/** What a backup's manifest records (`xinsheng-….manifest.json`). */
export interface BackupManifest {
  format: 1
  /** The file this manifest describes (its name, in the same folder). */
  file: string
  createdAt: string
  appVersion: string
  /** The database's schema version (PRAGMA user_version). */
  schemaVersion: number
  facilityName: string | null
  encrypted: boolean
  bytes: number
  /** SHA-256 of the file as stored (encrypted bytes when encrypted): checkable without the passphrase. */
  sha256: string
  /** SHA-256 of the SQLite content (equal to sha256 when not encrypted). */
  contentSha256: string
  rowCounts: Record<string, number>
  /** The audit chain's head in the copy: the last row's sequence number and hash (null: an empty log). */
  auditHead: { seq: number; hash: string } | null
  trigger: 'manual' | 'daily' | 'cli'
}

export interface BackupEntry {
  /** Full path of the backup file (what a restore takes). */
  file: string
  name: string
  createdAt: string | null
  bytes: number
  encrypted: boolean
  totalRows: number | null
  appVersion: string | null
  schemaVersion: number | null
  trigger: BackupManifest['trigger'] | null
  /** ok: the file's SHA-256 matches its manifest; mismatch: changed or damaged; no_manifest: not restorable. */
  checksum: 'ok' | 'mismatch' | 'no_manifest'
}

export interface BackupSettings {
  /** The chosen folder; null uses the default (a `backups` folder beside the database). */
  folder: string | null
  keep: number
  daily: boolean
  encrypt: boolean
}

export interface BackupOverview {
  settings: BackupSettings
  /** The settings' version, which backup:updateSettings must name (settings.stale when someone saved in between). */
  version: string
  /** The folder backups go to now (the chosen one or the default). */
  folder: string
  passphraseSet: boolean
  running: boolean
  /** The last failed backup's reason (message key), until one succeeds. */
  lastError: string | null
  /** Newest first, at most BACKUP_KEEP_MAX + a few (rotation keeps the folder short). */
  entries: BackupEntry[]
}

const passphrase = z
  .string({ error: 'v.required' })
  .min(PASSPHRASE_MIN, keyWithParams('v.password_short', { min: PASSPHRASE_MIN }))
  .max(PASSPHRASE_MAX, tooLong(PASSPHRASE_MAX))

export const backupSettingsInput = z.object({
  folder: z
    .string()
    .trim()
    .max(BACKUP_PATH_MAX, tooLong(BACKUP_PATH_MAX))
    .nullish()
    .transform((v) => (v ? v : null)),
  keep: intRange(BACKUP_KEEP_MIN, BACKUP_KEEP_MAX),
  daily: z.boolean(),
  encrypt: z.boolean(),
})

export const backupContract = {
  'backup:list': method<BackupOverview>()({ input: z.object({}), access: 'backup.manage', audit: noAudit, scope: 'facility' }),
  'backup:updateSettings': method<null>()({
    input: backupSettingsInput.extend({ version: settingVersionInput }),
    access: 'backup.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'backup', record: () => 'settings' },
  }),
  /** Sets or changes the facility passphrase; typed twice so a typo does not lock every later backup away. */
  'backup:setPassphrase': method<null>()({
    input: z.object({ passphrase, confirm: z.string({ error: 'v.required' }).max(PASSPHRASE_MAX, tooLong(PASSPHRASE_MAX)) }).refine((v) => v.passphrase === v.confirm, {
      message: 'backup.passphrase_mismatch',
      path: ['confirm'],
    }),
    access: 'backup.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'backup', record: () => null },
  }),
  /** Starts a backup now; progress arrives as events of this method, the history shows it when done. */
  'backup:run': method<{ file: string }>()({
    input: z.object({}),
    access: 'backup.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'backup', record: (_i, o) => o.file },
  }),
  /**
   * Replaces the database with a backup after checking it; the current database is kept beside it as a copy and every
   * session ends. The passphrase is needed for an encrypted backup made under another passphrase than the current one.
   */
  'backup:restore': method<{ restoredFrom: string; keptCopy: string }>()({
    input: z.object({
      file: text(BACKUP_PATH_MAX),
      passphrase: z.string().max(PASSPHRASE_MAX, tooLong(PASSPHRASE_MAX)).optional(),
    }),
    access: 'backup.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'backup', record: (i) => i.file },
  }),
}
