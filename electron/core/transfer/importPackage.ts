/**
 * Importing a workstation's package into the facility server's database, once (issue 15). Everything is checked
 * before anything is written: the manifest, the SHA-256 of the file, the schema version (equal on both sides: the
 * workstation is upgraded first), that this package was not imported before, that the server is set up. The package is
 * then copied to a private file (what was checked is what is read) and attached; the copy (copyRows.ts), the audit
 * rows and the register row are ONE transaction on the server, so a failure leaves the server as it was. A dry run
 * does all of it and rolls back, answering the same report.
 *
 * Audit: the server's chain gets the workstation's rows about the records it imported, appended in the workstation's
 * order and re-chained by the server (appendAudit computes each link from the server's previous row, under the
 * server's key): same time, actor (remapped to the server's account), method and record; the detail is kept as JSON
 * with the package id and the workstation's row number first. The workstation's own links cannot be kept: they were
 * made under the workstation's key, which never leaves it; instead the export verified that chain and the manifest
 * says so, and the package's SHA-256 is in the import's row. Rows about records not imported (a skipped duplicate,
 * a record already present) and rows naming no record (sign-ins, set-up) stay in the package and on the workstation.
 * Then one row 'transfer:importPackage' summarises the import.
 */
import { randomUUID } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { maskIdNumber } from '../../shared/domain/idNumber'
import { appendAudit } from '../audit/auditLog'
import { writeAuditAnchor } from '../audit/auditSeal'
import { sha256 } from '../backup/backupJob'
import { integrityCheck, schemaVersion, type Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { copyPlan } from './copyPlan'
import { copyRows, remapValue } from './copyRows'
import { readPackageManifest, TransferRefused, type PackageManifest } from './exportPackage'
import { dropWorkTable, fateCounts } from './transferCopyRepo'
import {
  attachPackage,
  collectImportedIds,
  configFates,
  detachPackage,
  dropImportedIds,
  duplicatePeople,
  insertPackageImport,
  matchedRowsOf,
  packageAuditOfImported,
  packageAuditRows,
  packageImportOf,
  staffFates,
  wardFates,
} from './transferRepo'
import { tableShapes, triggerBodies, type TableShape } from './transferSchemaQueries'

export interface TableReport {
  inPackage: number
  imported: number
  alreadyPresent: number
  matched: number
  /** Rows of a skipped duplicate person, directly or through foreign keys. */
  skippedWithPerson: number
  /** Rows configuring a matched reference row, which stay the server's. */
  serverOwned: number
}

export interface ImportReport {
  packageId: string
  sha256: string
  dryRun: boolean
  package: { facilityName: string | null; createdAt: string; appVersion: string; schemaVersion: number; workstationAudit: PackageManifest['package']['workstationAudit'] }
  people: {
    inPackage: number
    imported: number
    skippedDuplicate: Array<{ name: string; idNumberMasked: string; serverPersonId: string }>
    skippedAlreadyPresent: number
  }
  wards: { matched: string[]; created: string[] }
  staff: { matched: string[]; created: Array<{ username: string; displayName: string; role: string }> }
  config: { copied: Array<{ kind: string; version: number }>; differs: Array<{ kind: string; version: number }> }
  /**
   * Records of people (rows that reference a person, directly or through foreign keys) whose unique key the server
   * already holds for another row — a certificate number, a file's one live release… They are not imported: the
   * server's row stays, and someone has to look at the pair.
   */
  conflicts: Array<{ table: string; key: string; serverKey: string }>
  tables: Record<string, TableReport>
  notCopied: Record<string, string>
  audit: { packageRows: number; appended: number; importSeq: number }
  rowsImported: number
}

export interface ImportOptions {
  dryRun?: boolean
  actor: { id: string | null; name: string | null }
  at: Date
}

class DryRunDone extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run')
  }
}

/** Checks the package against its manifest and the server; returns the manifest and the file's bytes. */
function checkPackage(db: Db, packageFile: string): { manifest: PackageManifest; bytes: Buffer } {
  if (db.name && resolve(packageFile) === resolve(db.name)) throw new TransferRefused('transfer.same_file')
  const manifest = readPackageManifest(packageFile)
  if (manifest.encrypted) throw new TransferRefused('transfer.encrypted')
  const bytes = readFileSync(packageFile)
  if (sha256(bytes) !== manifest.sha256 || manifest.sha256 !== manifest.contentSha256) throw new TransferRefused('transfer.checksum_mismatch')
  const server = schemaVersion(db)
  if (manifest.schemaVersion !== server) {
    const advice = manifest.schemaVersion < server ? 'transfer.upgrade_workstation' : 'transfer.upgrade_server'
    throw new TransferRefused('transfer.schema_mismatch', { package: manifest.schemaVersion, server, advice })
  }
  const before = packageImportOf(db, manifest.package.packageId)
  if (before) throw new TransferRefused('transfer.already_imported', { at: before.importedAt })
  if (readSetting(db, 'facility.name') === null) throw new TransferRefused('transfer.server_not_set_up')
  return { manifest, bytes }
}

/** A private, read-only copy of the checked bytes, checked again as a database. */
function privateCopy(db: Db, bytes: Buffer, manifest: PackageManifest): string {
  const folder = db.name && db.name !== ':memory:' ? dirname(resolve(db.name)) : tmpdir()
  const file = join(folder, `.xinsheng-import-${randomUUID()}.tmp`)
  writeFileSync(file, bytes, { mode: 0o400 })
  chmodSync(file, 0o400)
  try {
    const copy = new Database(file, { readonly: true, fileMustExist: true })
    try {
      if (schemaVersion(copy) !== manifest.schemaVersion) throw new TransferRefused('transfer.damaged', { problem: `user_version ${schemaVersion(copy)}` })
      const check = integrityCheck(copy)
      if (!check.ok) throw new TransferRefused('transfer.damaged', { problem: check.integrity.slice(0, 3).join('; ') || `${check.foreignKeys.length} foreign key violation(s)` })
    } finally {
      copy.close()
    }
  } catch (error) {
    removeQuietly(file)
    if (error instanceof TransferRefused) throw error
    throw new TransferRefused('transfer.damaged', { problem: error instanceof Error ? error.message : String(error) })
  }
  return file
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(f)) unlinkSync(f)
    } catch {
      // A leftover hidden temporary file is harmless; the import's outcome does not depend on it.
    }
  }
}

/** Both sides must have the same tables with the same columns (equal schema versions should guarantee it). */
function sameShape(server: readonly TableShape[], pkg: readonly TableShape[]): void {
  const describe = (t: TableShape | undefined) => (t ? t.columns.map((c) => `${c.name}:${c.type}`).join(',') : 'missing')
  const names = new Set([...server.map((t) => t.name), ...pkg.map((t) => t.name)])
  for (const name of [...names].sort()) {
    if (describe(server.find((t) => t.name === name)) !== describe(pkg.find((t) => t.name === name))) throw new TransferRefused('transfer.schema_differs', { table: name })
  }
}

/** The detail of a workstation row appended to the server's chain: JSON, the package and its row number first. */
function packagedDetail(detail: string | null, packageId: string, seq: number, idMap: ReadonlyMap<string, string>): string {
  const base = { transferPackage: packageId, workstationSeq: seq }
  if (detail === null) return JSON.stringify(base)
  const text = remapValue(idMap, detail) as string
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return JSON.stringify({ ...base, ...parsed })
  } catch {
    // Plain text: kept whole below.
  }
  return JSON.stringify({ ...base, detail: text })
}

/** Appends the package's rows about imported records to the server's chain; returns how many. */
function appendWorkstationAudit(db: Db, packageId: string, idMap: ReadonlyMap<string, string>): number {
  collectImportedIds(db)
  let after = 0
  let appended = 0
  for (;;) {
    const rows = packageAuditOfImported(db, after, 2000)
    if (rows.length === 0) {
      dropImportedIds(db)
      return appended
    }
    for (const r of rows) {
      appendAudit(db, {
        at: r.at,
        actorId: r.actorId === null ? null : (remapValue(idMap, r.actorId) as string),
        actorName: r.actorName,
        method: r.method,
        recordType: r.recordType,
        recordId: r.recordId,
        detail: packagedDetail(r.detail, packageId, r.seq, idMap),
      })
      appended++
    }
    after = rows[rows.length - 1]!.seq
  }
}

/** The tables whose rows belong to a person: people, and every table referencing one of these. */
function personRecordTables(order: readonly TableShape[]): string[] {
  const linked = new Set(['people'])
  for (const t of order) if (t.foreignKeys.some((fk) => linked.has(fk.parent))) linked.add(t.name)
  linked.delete('people')
  return [...linked]
}

function buildReport(db: Db, manifest: PackageManifest, plan: ReturnType<typeof copyPlan>, dryRun: boolean): ImportReport {
  const tables: Record<string, TableReport> = {}
  for (const t of plan.order) {
    tables[t.name] = { inPackage: manifest.rowCounts[t.name] ?? 0, imported: 0, alreadyPresent: 0, matched: 0, skippedWithPerson: 0, serverOwned: 0 }
  }
  const field = { import: 'imported', present: 'alreadyPresent', matched: 'matched', duplicate: 'skippedWithPerson', with_person: 'skippedWithPerson', server_owned: 'serverOwned' } as const
  for (const { tbl, fate, n } of fateCounts(db)) tables[tbl]![field[fate]] += n
  const wards = wardFates(db)
  const staff = staffFates(db)
  return {
    packageId: manifest.package.packageId,
    sha256: manifest.sha256,
    dryRun,
    package: { facilityName: manifest.facilityName, createdAt: manifest.createdAt, appVersion: manifest.appVersion, schemaVersion: manifest.schemaVersion, workstationAudit: manifest.package.workstationAudit },
    people: {
      inPackage: tables.people?.inPackage ?? 0,
      imported: tables.people?.imported ?? 0,
      skippedDuplicate: duplicatePeople(db).map((p) => ({ name: p.name, idNumberMasked: maskIdNumber(p.idNumber), serverPersonId: p.serverPersonId })),
      skippedAlreadyPresent: tables.people?.alreadyPresent ?? 0,
    },
    wards: { matched: wards.filter((w) => w.fate !== 'import').map((w) => w.name), created: wards.filter((w) => w.fate === 'import').map((w) => w.name) },
    staff: {
      matched: staff.filter((s) => s.fate !== 'import').map((s) => s.username),
      created: staff.filter((s) => s.fate === 'import').map(({ username, displayName, role }) => ({ username, displayName, role })),
    },
    config: configFates(db),
    conflicts: matchedRowsOf(db, personRecordTables(plan.order)),
    tables,
    notCopied: plan.notCopied,
    audit: { packageRows: packageAuditRows(db), appended: 0, importSeq: 0 },
    rowsImported: Object.values(tables).reduce((n, t) => n + t.imported, 0),
  }
}

/** Imports `packageFile` into the server database `db`; refuses with TransferRefused, changing nothing. */
export function importPackage(db: Db, packageFile: string, options: ImportOptions): ImportReport {
  const { manifest, bytes } = checkPackage(db, packageFile)
  const copy = privateCopy(db, bytes, manifest)
  const at = options.at.toISOString()
  const idMap = new Map<string, string>()
  db.function('xfer_remap', (value: unknown) => remapValue(idMap, value) as string | number | bigint | Buffer | null)
  attachPackage(db, copy)
  try {
    const serverShapes = tableShapes(db, 'main')
    sameShape(serverShapes, tableShapes(db, 'pkg'))
    const plan = copyPlan(serverShapes, triggerBodies(db, 'main'))
    const report = db.transaction(() => {
      copyRows(db, plan, idMap)
      const report = buildReport(db, manifest, plan, options.dryRun ?? false)
      report.audit.appended = appendWorkstationAudit(db, manifest.package.packageId, idMap)
      const summary = {
        sha256: manifest.sha256,
        file: resolve(packageFile),
        facilityName: manifest.facilityName,
        people: { imported: report.people.imported, skippedDuplicate: report.people.skippedDuplicate.length, alreadyPresent: report.people.skippedAlreadyPresent },
        wardsCreated: report.wards.created,
        staffCreated: report.staff.created.map((s) => s.username),
        rowsImported: report.rowsImported,
        auditAppended: report.audit.appended,
      }
      report.audit.importSeq = appendAudit(db, {
        at,
        actorId: options.actor.id,
        actorName: options.actor.name,
        method: 'transfer:importPackage',
        recordType: 'package',
        recordId: manifest.package.packageId,
        detail: JSON.stringify(summary),
      })
      insertPackageImport(db, {
        id: manifest.package.packageId,
        sha256: manifest.sha256,
        facilityName: manifest.facilityName,
        packageCreatedAt: manifest.createdAt,
        schemaVersion: manifest.schemaVersion,
        importedAt: at,
        importedBy: options.actor.id,
        report: JSON.stringify(report),
      })
      dropWorkTable(db)
      if (options.dryRun) throw new DryRunDone(report)
      return report
    })()
    writeAuditAnchor(db, at)
    return report
  } catch (error) {
    if (error instanceof DryRunDone) return error.report
    throw error
  } finally {
    detachPackage(db)
    removeQuietly(copy)
  }
}
