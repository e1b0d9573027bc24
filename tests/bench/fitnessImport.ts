/**
 * `fitness:import1000` (issue 11: a 1,000-row Excel import parsed and validated ≤ 1 s): a workbook in the template's
 * own format with 1,000 residents of the benchmark facility, read as the import page reads it — exceljs parse, each row
 * matched to its person and every value checked by the engine (renderer code: fitnessSheet, matchRows) — then the
 * server's dry run of each ward's rows (fitness:checkTestDay, nothing saved). One timing covers all three.
 */
import { performance } from 'node:perf_hooks'
import { getFitnessStandard } from '../../electron/core/fitness/norms'
import type { TestDayCheck } from '../../electron/shared/contract'
import { ageOn } from '../../electron/shared/domain/dates'
import { measureProblem } from '../../electron/shared/domain/fitness'
import { maskIdNumber } from '../../electron/shared/domain/idNumber'
import { checkMeasureText } from '../../renderer/src/features/fitness/day/measureText'
import { buildTemplate, importColumns, type FitnessMeasure } from '../../renderer/src/features/fitness/excel/fitnessSheet'
import { matchRows, type MatchPerson } from '../../renderer/src/features/fitness/excel/matchRows'
import { loadExcel, parseSheet } from '../../renderer/src/features/people/import/parseSheet'
import type { BenchContext } from './ops'

const STANDARD = 'GTY-2003-adult'
const ROWS = 1000
/** Items every adult of 20–59 takes, so every row is valid (the point is the time of a clean import). */
const MEASURES: FitnessMeasure[] = ['height_cm', 'weight_kg', 'vital_capacity_ml', 'grip_kg', 'sit_and_reach_cm', 'choice_reaction_s', 'single_leg_stand_s']

interface Resident {
  id: string
  name: string
  wardId: string
  idNumber: string
  sex: 'M' | 'F'
  birthDate: string
}

export async function fitnessImportTimes(c: BenchContext, runs = 10): Promise<number[]> {
  const standard = getFitnessStandard(STANDARD)!
  const residents = (
    c.db
      .prepare(
        `SELECT id, name, ward_id AS wardId, id_number AS idNumber, sex, birth_date AS birthDate FROM people
         WHERE ward_id IS NOT NULL AND voided_at IS NULL AND birth_date BETWEEN date(@today, '-59 years') AND date(@today, '-20 years')
         ORDER BY ward_id, name_pinyin LIMIT ${ROWS}`,
      )
      .all({ today: c.today }) as Resident[]
  ).filter((p) => !hasTestOn(c, p.id, c.today))
  const excel = await loadExcel()
  const workbook = new excel.Workbook()
  await workbook.xlsx.load(
    (
      await buildTemplate(excel, {
        facilityName: '基准所', wardName: '全部大队', date: c.today, standardName: STANDARD, measures: MEASURES,
        people: residents.map((p) => ({ personId: p.id, name: p.name, idMasked: maskIdNumber(p.idNumber), sex: p.sex, age: ageOn(p.birthDate, c.today), cell: () => 'input' as const })),
      })
    ).slice().buffer,
  )
  const sheet = workbook.worksheets[0]!
  residents.forEach((p, n) => {
    const values = [160 + (n % 25), 55 + (n % 30), 2500 + 20 * (n % 50), 30 + (n % 20), (n % 20) - 2, 0.45 + (n % 20) / 100, 5 + (n % 40)]
    values.forEach((v, j) => (sheet.getRow(n + 2).getCell(6 + j).value = Number(v.toFixed(2))))
  })
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
  const people: MatchPerson[] = residents.map((p) => ({ personId: p.id, name: p.name, idTail: p.idNumber.slice(-4), cell: () => 'input' }))
  const wardOf = new Map(residents.map((p) => [p.id, p.wardId]))

  const once = async () => {
    const parsed = await parseSheet(excel, bytes, importColumns())
    if (!parsed.ok) throw new Error(`fitness import: the workbook did not parse: ${JSON.stringify(parsed).slice(0, 200)}`)
    const matched = matchRows((m, text) => checkMeasureText((value) => measureProblem(standard, m, value), text), people, parsed.rows)
    const bad = matched.find((r) => r.problems.length > 0)
    if (bad || matched.length !== residents.length) throw new Error(`fitness import: ${matched.length} rows, first problem ${JSON.stringify(bad?.problems)}`)
    const byWard = new Map<string, Array<{ personId: string; measurements: Record<string, number> }>>()
    for (const r of matched) byWard.set(wardOf.get(r.personId!)!, [...(byWard.get(wardOf.get(r.personId!)!) ?? []), { personId: r.personId!, measurements: r.measurements }])
    for (const [wardId, rows] of byWard) {
      const check = c.call<TestDayCheck>('fitness:checkTestDay', { wardId, date: c.today, standardId: STANDARD, rows })
      if (!check.ok) throw new Error(`fitness import: server check refused ${JSON.stringify(check.errors[0])}`)
    }
  }
  await once() // warm-up, and the check that every row is valid
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await once()
    times.push(performance.now() - t0)
  }
  return times
}

function hasTestOn(c: BenchContext, personId: string, date: string): boolean {
  return c.db.prepare('SELECT 1 FROM fitness_tests WHERE person_id = ? AND test_date = ? AND voided_at IS NULL').get(personId, date) !== undefined
}
