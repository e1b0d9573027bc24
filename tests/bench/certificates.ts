/**
 * `certificates:import1000` (issue 12: a 1,000-row Excel import parsed and validated ≤ 1 s): a workbook in the import
 * template's format (renderer code: buildImportTemplate, then 1,000 rows of certificates issued elsewhere to residents
 * of the benchmark facility), read as the import page reads it (exceljs parse through parseSheet with the contract's
 * columns), then the server's check of every row (certificates:importCheck: people by ID number, names, numbers for
 * their date and level, duplicates in the file and the database; nothing written). One timing covers both.
 */
import { performance } from 'node:perf_hooks'
import { CERT_IMPORT_COLUMNS, type CertImportCheck } from '../../electron/shared/contract/certificates'
import { buildImportTemplate } from '../../renderer/src/features/certificates/excel/rosterSheet'
import { loadExcel, parseSheet } from '../../renderer/src/features/people/import/parseSheet'
import type { BenchContext } from './ops'

const ROWS = 1000

/** A 2019-format number of 2025, level 5, that no generator uses (body serial 99xxxx). */
const numberFor = (n: number) => `S0000119${String(90000 + Math.floor(n / 1000)).padStart(5, '0')}255${String(n % 1_000_000).padStart(6, '0')}`

export async function certificateImportTimes(c: BenchContext, runs = 10): Promise<number[]> {
  const residents = c.db
    .prepare(`SELECT name, id_number AS idNumber FROM people WHERE ward_id IS NOT NULL AND voided_at IS NULL ORDER BY id LIMIT ${ROWS}`)
    .all() as Array<{ name: string; idNumber: string }>
  if (residents.length < ROWS) throw new Error(`certificates import: ${residents.length} residents, need ${ROWS}`)
  const excel = await loadExcel()
  const workbook = new excel.Workbook()
  await workbook.xlsx.load((await buildImportTemplate(excel, CERT_IMPORT_COLUMNS, [])).slice().buffer)
  const sheet = workbook.worksheets[0]!
  residents.forEach((p, n) => {
    const values = [p.name, '居民身份证', p.idNumber, '中式面点师', '4-03-02-02', '--', '五级/初级工', numberFor(n), '2025-06-30', '某市职业技能鉴定中心', '']
    values.forEach((v, j) => (sheet.getRow(n + 2).getCell(j + 1).value = v))
  })
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())

  const once = async () => {
    const parsed = await parseSheet(excel, bytes, CERT_IMPORT_COLUMNS)
    if (!parsed.ok || parsed.rows.length !== ROWS) throw new Error(`certificates import: the workbook did not parse: ${JSON.stringify(parsed).slice(0, 200)}`)
    const check = c.call<CertImportCheck>('certificates:importCheck', { fileName: 'bench.xlsx', rows: parsed.rows })
    if (check.counts.withProblems > 0) throw new Error(`certificates import: ${check.counts.withProblems} rows refused, first ${JSON.stringify(check.rows.find((r) => r.problems.length > 0))}`)
  }
  await once() // warm-up, and the check that every row is clean
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await once()
    times.push(performance.now() - t0)
  }
  return times
}
