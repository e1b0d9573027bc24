/**
 * Exporting a workstation's database for the facility server: a package is a backup (the same consistent online copy,
 * integrity check, row counts and SHA-256, core/backup/backupJob.ts) whose manifest carries a package section: its
 * own id, the people it holds and whether the workstation's audit chain verified when it was exported (the key that
 * seals that chain stays on the workstation, so the server cannot check it itself). A package is therefore also a
 * plain backup, restorable as one. The workstation records the export (setting 'transfer.exported', audited) so it
 * can tell it has moved.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { z } from 'zod'
import type { BackupManifest } from '../../shared/contract/backup'
import { appendAudit, verifyAudit } from '../audit/auditLog'
import { writeAuditAnchor } from '../audit/auditSeal'
import { manifestPathFor } from '../backup/backupFiles'
import { runBackup } from '../backup/backupJob'
import { readManifest } from '../backup/restore'
import { openDatabase, type Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settingsRepo'
import { livePeople } from './transferRepo'

/** A refused export or import: a message key (shared/i18n/transferMessages.ts) and its parameters. */
export class TransferRefused extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key)
    this.name = 'TransferRefused'
  }
}

const packageSection = z.object({
  format: z.literal(1),
  packageId: z.string().uuid(),
  people: z.object({ total: z.number().int(), live: z.number().int(), inWards: z.number().int() }),
  workstationAudit: z.object({ ok: z.boolean(), rows: z.number().int(), problem: z.string().optional() }),
  exportedBy: z.string().nullable(),
})

export type PackageSection = z.infer<typeof packageSection>
export type PackageManifest = BackupManifest & { package: PackageSection }

/** The package's manifest (beside it, named as a backup's), or why it cannot be read as one. */
export function readPackageManifest(packageFile: string): PackageManifest {
  const path = manifestPathFor(packageFile)
  if (!existsSync(path)) throw new TransferRefused('transfer.manifest_missing', { manifest: path })
  const backup = readManifest(packageFile)
  let section: PackageSection | null = null
  try {
    const parsed = packageSection.safeParse((JSON.parse(readFileSync(path, 'utf8')) as { package?: unknown }).package)
    section = parsed.success ? parsed.data : null
  } catch {
    section = null
  }
  if (!backup || !section) throw new TransferRefused('transfer.not_a_package')
  return { ...backup, package: section }
}

export interface ExportOptions {
  at: Date
  actor?: { id: string | null; name: string | null }
  /** Export again although the workstation was exported before. */
  again?: boolean
}

export interface ExportDone {
  file: string
  manifestFile: string
  manifest: PackageManifest
}

/** Exports the database open as `db` (a running workstation's, or one opened by the CLI) to `outFile`. */
export async function exportPackageFrom(db: Db, outFile: string, options: ExportOptions): Promise<ExportDone> {
  const out = resolve(outFile)
  if (existsSync(out) || existsSync(manifestPathFor(out))) throw new TransferRefused('transfer.out_exists', { file: out })
  if (readSetting(db, 'facility.name') === null) throw new TransferRefused('transfer.not_set_up')
  const before = readSetting(db, 'transfer.exported')
  if (before && !options.again) throw new TransferRefused('transfer.already_exported', { at: before.exportedAt, packageId: before.packageId })
  const chain = verifyAudit(db)
  const packageId = randomUUID()
  const done = await runBackup({ db, folder: dirname(out), passphrase: null, trigger: 'cli', at: options.at, target: out })
  const copy = new Database(out, { readonly: true })
  let people: ReturnType<typeof livePeople>
  try {
    people = livePeople(copy)
  } finally {
    copy.close()
  }
  const actor = options.actor ?? { id: null, name: 'cli' }
  const manifest: PackageManifest = {
    ...done.manifest,
    package: {
      format: 1,
      packageId,
      people: { total: people.total, live: people.live ?? 0, inWards: people.inWards ?? 0 },
      workstationAudit: chain.ok ? { ok: true, rows: chain.rows } : { ok: false, rows: chain.rows, problem: chain.problem },
      exportedBy: actor.name,
    },
  }
  const manifestFile = manifestPathFor(out)
  try {
    writeFileSync(`${manifestFile}.partial`, JSON.stringify(manifest, null, 2) + '\n')
    renameSync(`${manifestFile}.partial`, manifestFile)
    const at = options.at.toISOString()
    db.transaction(() => {
      writeSetting(db, 'transfer.exported', { packageId, exportedAt: at, sha256: manifest.sha256, file: out })
      appendAudit(db, {
        at,
        actorId: actor.id,
        actorName: actor.name,
        method: 'transfer:exportPackage',
        recordType: 'package',
        recordId: packageId,
        detail: JSON.stringify({ file: out, sha256: manifest.sha256, schemaVersion: manifest.schemaVersion, people: manifest.package.people, again: before !== null }),
      })
    })()
    writeAuditAnchor(db, at)
  } catch (error) {
    // An export not recorded on the workstation is no export: the package goes too, so it cannot be imported.
    for (const f of [out, manifestFile, `${manifestFile}.partial`]) if (existsSync(f)) unlinkSync(f)
    throw error
  }
  return { file: out, manifestFile, manifest }
}

/** Opens the workstation's database file (without migrating it: the package says which version it is), exports, closes. */
export async function exportPackage(dbFile: string, outFile: string, options: ExportOptions): Promise<ExportDone> {
  const db = openDatabase(dbFile, { migrate: false })
  try {
    return await exportPackageFrom(db, outFile, options)
  } finally {
    db.close()
  }
}

/**
 * Cancels the workstation's record of an export made by mistake, so it takes changes again (the movedGuard lifts).
 * Audited; the package file is left where it is (it may already be on the server: the message says the two may differ).
 */
export function cancelExport(dbFile: string, options: { at: Date; actor?: { id: string | null; name: string | null } }): { packageId: string } {
  const db = openDatabase(dbFile, { migrate: false })
  try {
    const before = readSetting(db, 'transfer.exported')
    if (!before) throw new TransferRefused('transfer.not_exported')
    const at = options.at.toISOString()
    const actor = options.actor ?? { id: null, name: 'cli' }
    db.transaction(() => {
      writeSetting(db, 'transfer.exported', null)
      appendAudit(db, { at, actorId: actor.id, actorName: actor.name, method: 'transfer:cancelExport', recordType: 'package', recordId: before.packageId, detail: JSON.stringify({ exportedAt: before.exportedAt, file: before.file }) })
    })()
    writeAuditAnchor(db, at)
    return { packageId: before.packageId }
  } finally {
    db.close()
  }
}
