/**
 * Moving a workstation's database to the facility server (issue 15): `export-package` on the workstation,
 * `import-package` on the server (with the server stopped, as restore). One JSON line each: the report and a summary
 * line in the facility's language; a refused package exits 1 with the reason, bad arguments exit 2.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { translate } from '../../../shared/i18n/messages'
import { folderProblem } from '../../backup/backupFiles'
import { openDatabase } from '../../db/open'
import { cancelExport, exportPackage, TransferRefused } from '../../transfer/exportPackage'
import { importPackage, type ImportReport } from '../../transfer/importPackage'
import { ok, parseOptions, requireDb, UsageError, type CliCommand, type CommandResult } from '../command'
import { newOutputFile } from '../outputFile'

const refused = (error: TransferRefused): CommandResult => {
  // An advice parameter is itself a message key (which side to upgrade).
  const params = (locale: 'zh-CN' | 'en') =>
    Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('transfer.') ? translate(locale, v) : v]))
  return { out: { ok: false, reason: error.key, error: translate('zh-CN', error.key, params('zh-CN')), errorEn: translate('en', error.key, params('en')) }, code: 1 }
}

/** The one-line summary of an import (zh-CN: the facility's language). */
export function importSummary(report: ImportReport, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return translate(locale, report.dryRun ? 'transfer.summary_dry' : 'transfer.summary', {
    packageId: report.packageId.slice(0, 8),
    imported: report.people.imported,
    rows: report.rowsImported,
    duplicates: report.people.skippedDuplicate.length,
    present: report.people.skippedAlreadyPresent,
    wards: report.wards.created.length,
    staff: report.staff.created.length,
    audit: report.audit.appended,
  })
}

const EXPORT_OPTIONS = { db: { type: 'string' }, out: { type: 'string' }, again: { type: 'boolean' }, cancel: { type: 'boolean' } } as const

export const exportPackageCommand: CliCommand = {
  name: 'export-package',
  help: 'export-package --db FILE --out FILE [--again] | --cancel   package a workstation database for the facility server',
  async run(args) {
    const values = parseOptions(args, EXPORT_OPTIONS)
    const file = requireDb(values.db)
    if (values.cancel) {
      if (values.out || values.again) throw new UsageError('--cancel takes only --db')
      try {
        const { packageId } = cancelExport(file, { at: new Date() })
        return ok({ ok: true, cancelled: packageId, summary: translate('zh-CN', 'transfer.export_cancelled', { packageId: packageId.slice(0, 8) }) })
      } catch (error) {
        if (error instanceof TransferRefused) return refused(error)
        throw error
      }
    }
    if (!values.out) throw new UsageError('--out FILE is required')
    const out = newOutputFile(values.out)
    try {
      const done = await exportPackage(file, out, { at: new Date(), again: values.again ?? false })
      const { packageId, people } = done.manifest.package
      const rows = Object.values(done.manifest.rowCounts).reduce((a, b) => a + b, 0)
      return ok({
        ok: true,
        file: done.file,
        manifest: done.manifestFile,
        packageId,
        sha256: done.manifest.sha256,
        schemaVersion: done.manifest.schemaVersion,
        people,
        rows,
        workstationAudit: done.manifest.package.workstationAudit,
        summary: translate('zh-CN', 'transfer.exported', { packageId: packageId.slice(0, 8), people: people.total, rows }),
      })
    } catch (error) {
      if (error instanceof TransferRefused) return refused(error)
      throw error
    }
  },
}

const IMPORT_OPTIONS = { db: { type: 'string' }, package: { type: 'string' }, 'dry-run': { type: 'boolean' }, report: { type: 'string' } } as const

export const importPackageCommand: CliCommand = {
  name: 'import-package',
  help: 'import-package --db FILE --package FILE [--dry-run] [--report F.json]  import a workstation package (server stopped)',
  run(args) {
    const values = parseOptions(args, IMPORT_OPTIONS)
    const file = requireDb(values.db)
    if (!values.package) throw new UsageError('--package FILE is required')
    if (!existsSync(values.package)) throw new UsageError(`no package at ${values.package}`)
    const reportFile = values.report === undefined ? null : resolve(values.report)
    if (reportFile !== null) {
      if (!reportFile.endsWith('.json')) throw new UsageError('--report must name a .json file')
      if (existsSync(reportFile)) throw new UsageError(`${values.report} already exists; nothing was overwritten`)
      const problem = folderProblem(dirname(reportFile))
      if (problem) throw new UsageError(`${dirname(reportFile)}: ${translate('en', problem)}`)
    }
    const db = openDatabase(file)
    try {
      const report = importPackage(db, resolve(values.package), { dryRun: values['dry-run'] ?? false, actor: { id: null, name: 'cli' }, at: new Date() })
      if (reportFile !== null) writeFileSync(reportFile, JSON.stringify(report, null, 2) + '\n')
      return ok({ ok: true, summary: importSummary(report), report })
    } catch (error) {
      if (error instanceof TransferRefused) return refused(error)
      throw error
    } finally {
      db.close()
    }
  },
}
