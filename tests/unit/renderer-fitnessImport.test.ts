/**
 * Issue 11: the fitness Excel round trip on the renderer side (renderer/src/features/fitness/excel/): the template a
 * trainer downloads is read back by the same parser, people are found by the hidden key or by name + ID tail, and every
 * row problem (unknown person, duplicate, implausible value, a value on an item that does not apply) is reported
 * without changing the value. The 1,000-row time is in `npm run bench` (fitness:import1000).
 */
import { describe, expect, it } from 'vitest'
import { getFitnessStandard } from '../../electron/core/fitness/norms'
import { measureProblem, type FitnessMeasure } from '../../electron/shared/domain/fitness'
import { checkMeasureText, normaliseNumberText } from '../../renderer/src/features/fitness/day/measureText'
import { buildExport, buildTemplate, importColumns } from '../../renderer/src/features/fitness/excel/fitnessSheet'
import { matchRows as matchWith, type MatchPerson } from '../../renderer/src/features/fitness/excel/matchRows'
import { loadExcel, parseSheet } from '../../renderer/src/features/people/import/parseSheet'

const standard = getFitnessStandard('GTY-2003-adult')!
// As the import page binds it: the engine's measureProblem for the day's standard.
const checkMeasure = (_s: typeof standard, measure: FitnessMeasure, text: string) => checkMeasureText((value) => measureProblem(standard, measure, value), text)
const matchRows = (_s: typeof standard, people: MatchPerson[], rows: Parameters<typeof matchWith>[2]) => matchWith((m, text) => checkMeasure(standard, m, text), people, rows)
const man: MatchPerson = { personId: '00000000-0000-4000-8000-000000000001', name: '张三', idTail: '1234', cell: (m) => (m === 'sit_ups' ? 'na' : 'input') }
const woman: MatchPerson = { personId: '00000000-0000-4000-8000-000000000002', name: '李梅', idTail: '567X', cell: (m) => (m === 'push_ups' ? 'na' : m.startsWith('step_') ? 'exempt' : 'input') }

describe('typed fitness values', () => {
  it('full-width digits and a Chinese point read as numbers; nothing is clamped', () => {
    expect(normaliseNumberText('３２００')).toBe('3200')
    expect(normaliseNumberText('0。52')).toBe('0.52')
    expect(checkMeasure(standard, 'vital_capacity_ml', '3200')).toEqual({ kind: 'ok', value: 3200 })
    const vc = checkMeasure(standard, 'vital_capacity_ml', '40000')
    expect(vc.kind).toBe('implausible')
    if (vc.kind === 'implausible') expect(vc.value).toBe(40000)
    expect(checkMeasure(standard, 'choice_reaction_s', '12').kind).toBe('implausible')
    expect(checkMeasure(standard, 'grip_kg', '四十')).toEqual({ kind: 'not_number' })
    expect(checkMeasure(standard, 'sit_and_reach_cm', '-3.5')).toEqual({ kind: 'ok', value: -3.5 })
    expect(checkMeasure(standard, 'height_cm', '  ')).toEqual({ kind: 'empty' })
  })
})

describe('fitness import rows', () => {
  const rows = (cells: Array<Partial<Record<string, string>>>) => cells.map((c, i) => ({ row: i + 2, cells: c }))

  it('finds people by key or by name + ID tail, and reports unknown people and duplicates', () => {
    const matched = matchRows(standard, [man, woman], rows([
      { personKey: man.personId, vital_capacity_ml: '3600' },
      { name: '李梅', idNumber: '110101********567x', vital_capacity_ml: '2600' },
      { name: '王五', idNumber: '9999', vital_capacity_ml: '3000' },
      { name: '张三', idNumber: '1234', grip_kg: '40' },
      { personKey: '00000000-0000-4000-8000-000000000009', name: '张三', idNumber: '1234', grip_kg: '40' },
    ]))
    expect(matched.map((r) => r.personId)).toEqual([man.personId, woman.personId, null, man.personId, null])
    expect(matched[0]!.problems).toEqual([])
    expect(matched[1]!.problems).toEqual([])
    expect(matched[2]!.problems).toEqual([{ kind: 'unknown_person' }])
    expect(matched[3]!.problems).toEqual([{ kind: 'duplicate', firstRow: 2 }])
    // A key naming nobody here is not rescued by the name: the row belongs to another ward or day.
    expect(matched[4]!.problems[0]).toEqual({ kind: 'unknown_person' })
  })

  it('a bad value or a value on a grey or exempt item is a row error, with the value kept as typed', () => {
    const other: MatchPerson = { ...man, personId: '00000000-0000-4000-8000-000000000003', name: '赵六', idTail: '0003' }
    const matched = matchRows(standard, [man, woman, other], rows([
      { personKey: man.personId, vital_capacity_ml: '40000', sit_ups: '20' },
      { personKey: woman.personId, step_index: '60', push_ups: '免测' },
      { personKey: other.personId, name: '赵六' },
    ]))
    expect(matched[0]!.problems).toEqual([
      { kind: 'bad_value', measure: 'vital_capacity_ml', check: { kind: 'implausible', value: 40000, min: standard.plausible.vital_capacity_ml.min, max: standard.plausible.vital_capacity_ml.max } },
      { kind: 'not_applicable', measure: 'sit_ups', exempt: false },
    ])
    expect(matched[0]!.measurements).toEqual({})
    expect(matched[1]!.problems).toEqual([
      { kind: 'not_applicable', measure: 'step_index', exempt: true },
      { kind: 'not_applicable', measure: 'push_ups', exempt: false },
    ])
    // A person's row left empty is skipped, not an error (the template lists the whole ward).
    expect(matched[2]!.skipped).toBe(true)
    expect(matched[2]!.problems).toEqual([])
    expect(matched[0]!.skipped).toBe(false)
  })

  it('the downloaded template reads back: hidden key column, applicable columns, 免测 cells ignored', async () => {
    const excel = await loadExcel()
    const measures: FitnessMeasure[] = ['height_cm', 'weight_kg', 'vital_capacity_ml', 'step_index', 'push_ups']
    const people = [man, woman].map((p, i) => ({ ...p, idMasked: `110101********${p.idTail}`, sex: (i === 0 ? 'M' : 'F') as 'M' | 'F', age: 30 }))
    const bytes = await buildTemplate(excel, { facilityName: '示范所', wardName: '一大队', date: '2026-11-30', standardName: '国民体质测定标准', measures, people })
    const workbook = new excel.Workbook()
    await workbook.xlsx.load(bytes.slice().buffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.getColumn(1).hidden).toBe(true)
    expect(sheet.getRow(3).getCell(6 + 3).value).toBe('免测')
    sheet.getRow(2).getCell(6 + 2).value = 3650
    sheet.getRow(3).getCell(6 + 2).value = 2500
    const parsed = await parseSheet(excel, new Uint8Array(await workbook.xlsx.writeBuffer()), importColumns())
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const matched = matchRows(standard, [man, woman], parsed.rows)
    expect(matched.map((r) => [r.personId, r.measurements, r.problems])).toEqual([
      [man.personId, { vital_capacity_ml: 3650 }, []],
      [woman.personId, { vital_capacity_ml: 2500 }, []],
    ])
  })

  it("the day's export lists each saved person with values, points per item, total and grade", async () => {
    const excel = await loadExcel()
    const bytes = await buildExport(excel, {
      facilityName: '示范所',
      wardName: '一大队',
      date: '2026-11-30',
      standardName: '国民体质测定标准',
      measures: ['height_cm', 'weight_kg', 'vital_capacity_ml'],
      items: [{ key: 'height_weight', label: '身高标准体重' }, { key: 'vital_capacity', label: '肺活量' }],
      rows: [{ name: '张三', idMasked: '110101********1234', sex: 'M', age: 24, values: { height_cm: 170, weight_kg: 63, vital_capacity_ml: 3600 }, points: { height_weight: 5, vital_capacity: 3 }, total: 8, grade: '无评级', note: '缺 7 项，未评级' }],
    })
    const workbook = new excel.Workbook()
    await workbook.xlsx.load(bytes.slice().buffer)
    const sheet = workbook.worksheets[0]!
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['姓名', '身份证号', '性别', '年龄', '身高（厘米）', '体重（千克）', '肺活量（毫升）', '身高标准体重得分', '肺活量得分', '总分', '综合评级', '备注'])
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['张三', '110101********1234', '男', 24, 170, 63, 3600, 5, 3, 8, '无评级', '缺 7 项，未评级'])
  })

  // Its time (with the parse and the server's dry run) is measured by `npm run bench` (fitness:import1000), not here.
  it('1,000 rows are each matched to their person with every value checked', () => {
    const people: MatchPerson[] = Array.from({ length: 1000 }, (_, i) => ({ personId: `p${i}`, name: `人员${i}`, idTail: String(1000 + i).slice(-4), cell: () => 'input' }))
    const sheet = rows(people.map((p) => ({ personKey: p.personId, height_cm: '170', weight_kg: '63', vital_capacity_ml: '3600', grip_kg: '42', sit_and_reach_cm: '9.5', choice_reaction_s: '0.52' })))
    const matched = matchRows(standard, people, sheet)
    expect(matched.map((r) => r.personId)).toEqual(people.map((p) => p.personId))
    expect(matched.every((r) => r.problems.length === 0 && Object.keys(r.measurements).length === 6)).toBe(true)
  })
})
