/**
 * Excel import of person files (issue 8 item 5): preview validates without writing, commit re-validates and imports all
 * rows or none, one audit row, progress events; the renderer's sheet parser reads a real .xlsx built with exceljs.
 */
import { performance } from 'node:perf_hooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import { startBridge } from '../../electron/core/http/server'
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE_ID_NUMBER, type ImportRowInput } from '../../electron/shared/contract'
import type { BackendEvent } from '../../electron/shared/events'
import { loadExcel, parseSheet } from '../../renderer/src/features/people/import/parseSheet'
import { ADMIN, call, count, err, fixedClock, makeWorld, ok, personInput, type World, wardRevision } from './helpers'
import { idNumberFor, importRow, importRows } from './importRows'

const WARDS = ['一大队', '二大队']
let w: World
let admin: string

beforeEach(() => {
  w = makeWorld(['ward_officer'])
  admin = w.sessions.admin!
  // Room for the big files: the default test wards hold 100 each.
  for (const [name, id] of [['一大队', w.wards.a], ['二大队', w.wards.b]] as const) {
    ok(call(w.dispatch, 'wards:update', { id, revision: wardRevision(w.dispatch, admin, id), name, capacity: 2000, note: null, active: true }, admin))
  }
})
afterEach(() => w.close())

const preview = (rows: ImportRowInput[], exclude: number[] = []) =>
  ok(call(w.dispatch, 'people:importPreview', { fileName: '在所人员.xlsx', rows, exclude }, admin))
const commit = (rows: ImportRowInput[], exclude: number[] = []) =>
  call(w.dispatch, 'people:importCommit', { fileName: '在所人员.xlsx', rows, exclude }, admin)

/** Every table's row count: the database "checksum" a preview must leave unchanged. */
function tableCounts(): Record<string, number> {
  const tables = w.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>
  return Object.fromEntries(tables.map((t) => [t.name, count(w.db, t.name)]))
}

describe('people:importPreview', () => {
  it('validates 1,000 realistic rows, all valid, and writes nothing', () => {
    const before = tableCounts()
    const rows = importRows(1000, WARDS)
    const t0 = performance.now()
    const result = preview(rows)
    console.log(`people:importPreview of 1,000 rows: ${(performance.now() - t0).toFixed(0)} ms`)
    expect(result.counts).toEqual({ total: 1000, valid: 1000, invalid: 0, excluded: 0 })
    expect(result.wards).toEqual([
      { wardName: '一大队', capacity: 2000, occupancy: 0, incoming: 500 },
      { wardName: '二大队', capacity: 2000, occupancy: 0, incoming: 500 },
    ])
    expect(tableCounts()).toEqual(before)
  })

  const male = (serial: number, birthDate = '1990-03-07') => idNumberFor(birthDate, 'M', serial)
  /** A man born 1990-03-07 with a matching ID number. */
  const man = (serial: number) => ({ idNumber: male(serial), birthDate: '1990-03-07', sex: '男' })
  // Each rule with the cells that break it and the nearest cells that pass it.
  const cases: Array<{ rule: string; bad: Partial<ImportRowInput['cells']>; good: Partial<ImportRowInput['cells']>; column: string; key: string }> = [
    { rule: 'ID check character', bad: { ...man(1), idNumber: male(1).slice(0, 17) + (male(1).endsWith('0') ? '1' : '0') }, good: man(1), column: 'idNumber', key: 'id.wrong_check_digit' },
    { rule: 'legacy 15-digit ID', bad: { ...man(2), idNumber: '110101900307001' }, good: man(2), column: 'idNumber', key: 'id.legacy_15_digit' },
    { rule: 'ID birth date vs birth date', bad: { ...man(3), birthDate: '1990-03-08' }, good: man(13), column: 'birthDate', key: 'person.birth_mismatch' },
    { rule: 'ID sex vs sex', bad: { ...man(4), sex: '女' }, good: man(14), column: 'sex', key: 'person.sex_mismatch' },
    { rule: 'sex word', bad: { sex: '未知' }, good: { sex: 'M' }, column: 'sex', key: 'import.bad_sex' },
    { rule: 'ethnicity name', bad: { ethnicity: '汉' }, good: { ethnicity: '汉族' }, column: 'ethnicity', key: 'import.bad_ethnicity' },
    { rule: 'period name', bad: { period: '脱毒期' }, good: { period: '' }, column: 'period', key: 'import.bad_period' },
    { rule: 'ward name', bad: { ward: '九大队' }, good: { ward: '二大队' }, column: 'ward', key: 'import.unknown_ward' },
    { rule: 'decision in the future', bad: { decisionDate: '2026-11-24', admissionDate: '2026-11-24', periodStart: '' }, good: { decisionDate: '2026-11-23', admissionDate: '2026-11-23', periodStart: '' }, column: 'decisionDate', key: 'person.decision_in_future' },
    { rule: 'admission before decision', bad: { decisionDate: '2026-02-01', admissionDate: '2026-01-31', periodStart: '' }, good: { decisionDate: '2026-02-01', admissionDate: '2026-02-01', periodStart: '' }, column: 'admissionDate', key: 'person.admission_before_decision' },
    { rule: 'admission in the future', bad: { admissionDate: '2026-11-24', periodStart: '' }, good: { admissionDate: '2026-11-23', periodStart: '' }, column: 'admissionDate', key: 'person.admission_in_future' },
    { rule: 'decision before birth', bad: { idNumber: idNumberFor('2026-01-15', 'M', 5), sex: '男', birthDate: '2026-01-15', decisionDate: '2026-01-14' }, good: { idNumber: idNumberFor('2026-01-15', 'M', 15), sex: '男', birthDate: '2026-01-15', decisionDate: '2026-01-15' }, column: 'decisionDate', key: 'person.decision_before_birth' },
    { rule: 'period start before admission', bad: { periodStart: '2026-02-28' }, good: { periodStart: '2026-03-01' }, column: 'periodStart', key: 'period.before_admission' },
    { rule: 'period start in the future', bad: { periodStart: '2026-11-24' }, good: { periodStart: '2026-11-23' }, column: 'periodStart', key: 'period.date_in_future' },
    { rule: 'impossible date', bad: { decisionDate: '2026-02-30' }, good: { decisionDate: '2026/2/28' }, column: 'decisionDate', key: 'v.date' },
    { rule: 'required name', bad: { name: '' }, good: { name: '王' }, column: 'name', key: 'v.required' },
    { rule: 'name length', bad: { name: '王'.repeat(31) }, good: { name: '王'.repeat(30) }, column: 'name', key: 'v.too_long' },
    { rule: 'phone characters', bad: { emergencyContactPhone: '138-abc' }, good: { emergencyContactPhone: '(010) 8888-0000' }, column: 'emergencyContactPhone', key: 'v.phone' },
  ]

  it.each(cases)('row rule: $rule', ({ bad, good, column, key }) => {
    const before = tableCounts()
    const result = preview([importRow(0, WARDS, bad), importRow(1, WARDS, good)])
    const [badRow, goodRow] = result.rows
    expect(badRow!.status).toBe('invalid')
    expect(badRow!.errors[column as 'name']?.split('|')[0]).toBe(key)
    expect(goodRow).toMatchObject({ row: 3, status: 'valid', errors: {} })
    expect(result.counts).toEqual({ total: 2, valid: 1, invalid: 1, excluded: 0 })
    expect(tableCounts()).toEqual(before)
  })

  it('normalises what only changes the writing: dates, sex words, period names, ID case', () => {
    const id = idNumberFor('1985-12-31', 'F', 7)
    const withX = id.endsWith('X') ? id.toLowerCase() : id
    const [row] = preview([importRow(0, WARDS, { birthDate: '1985年12月31日', sex: '女', idNumber: withX, decisionDate: '2026.2.1', period: '', periodStart: '' })]).rows
    expect(row).toMatchObject({ status: 'valid', values: { birthDate: '1985-12-31', decisionDate: '2026-02-01', period: '生理脱毒期', idNumber: id.toUpperCase() } })
  })

  it('refuses an ID number twice in the file (the later row, naming the first) and one already on file', () => {
    ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin))
    const rows = [importRow(0, WARDS), importRow(1, WARDS), importRow(2, WARDS, { idNumber: importRow(0, WARDS).cells.idNumber }), importRow(3, WARDS, { idNumber: '110101199003070011', birthDate: '1990-03-07', sex: '男' })]
    const result = preview(rows)
    expect(result.rows.map((r) => r.status)).toEqual(['valid', 'valid', 'invalid', 'invalid'])
    expect(result.rows[2]!.errors.idNumber).toBe('import.duplicate_in_file|{"row":2}')
    expect(result.rows[3]!.errors.idNumber).toBe('id.duplicate')
    // Excluded, the duplicate keeps its reason (for the report) and no longer counts as an error.
    const excluded = preview(rows, [4])
    expect(excluded.rows[2]).toMatchObject({ status: 'excluded', errors: { idNumber: 'import.duplicate_in_file|{"row":2}' } })
    expect(excluded.counts).toEqual({ total: 4, valid: 2, invalid: 1, excluded: 1 })
  })

  it('refuses the template\'s example row, so a forgotten example never becomes a file', () => {
    const example = importRow(0, WARDS, { idNumber: TEMPLATE_EXAMPLE_ID_NUMBER, birthDate: '1990-01-01', sex: '男' })
    const result = preview([example, importRow(1, WARDS)])
    expect(result.rows[0]!.status).toBe('invalid')
    expect(result.rows[0]!.errors.idNumber).toBe('import.example_row')
    expect(result.rows[1]!.status).toBe('valid')
  })

  it('a voided file does not block its ID number', () => {
    const { id } = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin))
    ok(call(w.dispatch, 'people:void', { id, reason: '录入错误' }, admin))
    const result = preview([importRow(0, WARDS, { idNumber: '110101199003070011', birthDate: '1990-03-07', sex: '男' })])
    expect(result.rows[0]!.status).toBe('valid')
  })

  it('refuses an inactive ward', () => {
    const { id } = ok(call(w.dispatch, 'wards:create', { name: '三大队', capacity: 10, note: null }, admin))
    ok(call(w.dispatch, 'wards:update', { id, revision: wardRevision(w.dispatch, admin, id), name: '三大队', capacity: 10, note: null, active: false }, admin))
    const result = preview([importRow(0, ['三大队'])])
    expect(result.rows[0]!.errors.ward).toBe('ward.inactive')
  })

  it('refuses the rows past a ward\'s free places, in file order; excluding one makes room', () => {
    ok(call(w.dispatch, 'wards:update', { id: w.wards.a, revision: wardRevision(w.dispatch, admin, w.wards.a), name: '一大队', capacity: 3, note: null, active: true }, admin))
    ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin))
    const rows = importRows(3, ['一大队'])
    const result = preview(rows)
    expect(result.rows.map((r) => r.status)).toEqual(['valid', 'valid', 'invalid'])
    expect(result.rows[2]!.errors.ward).toBe('import.ward_over_capacity|{"ward":"一大队","capacity":3,"occupancy":1,"free":2}')
    expect(result.wards).toEqual([{ wardName: '一大队', capacity: 3, occupancy: 1, incoming: 3 }])
    const fewer = preview(rows, [3])
    expect(fewer.counts).toEqual({ total: 3, valid: 2, invalid: 0, excluded: 1 })
  })

  it('refuses an excluded row number that is not in the file, and a row number sent twice', () => {
    expect(err(call(w.dispatch, 'people:importPreview', { fileName: 'a.xlsx', rows: importRows(2, WARDS), exclude: [9] }, admin)).key).toBe('import.exclude_unknown_row|{"row":9}')
    const twice = [importRow(0, WARDS), { ...importRow(1, WARDS), row: 2 }]
    expect(err(call(w.dispatch, 'people:importPreview', { fileName: 'a.xlsx', rows: twice }, admin)).key).toBe('import.row_twice|{"row":2}')
  })

  it('is for administrators only', () => {
    expect(err(call(w.dispatch, 'people:importPreview', { fileName: 'a.xlsx', rows: importRows(1, WARDS) }, w.sessions.ward_officer!)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'people:importCommit', { fileName: 'a.xlsx', rows: importRows(1, WARDS) }, w.sessions.ward_officer!)).code).toBe('forbidden')
  })
})

describe('people:importCommit', () => {
  it('imports nothing while any row has an error; imports everything once the bad row is excluded', () => {
    const rows = [...importRows(4, WARDS), importRow(4, WARDS, { ward: '九大队' })]
    const before = tableCounts()
    const refused = err(commit(rows))
    expect(refused.code).toBe('rule_violation')
    expect(refused.key).toBe('import.has_errors|{"count":1,"rows":"6"}')
    expect(tableCounts()).toEqual(before)

    const report = ok(commit(rows, [6]))
    expect(report.imported.map((r) => r.row)).toEqual([2, 3, 4, 5])
    expect(report.excluded).toEqual([6])
    expect(count(w.db, 'people')).toBe(before.people! + 4)
    // Each file exactly as people:create leaves it: revision 1, a ward assignment, a first period, the last day.
    const file = ok(call(w.dispatch, 'people:get', { id: report.imported[0]!.id }, admin))
    expect(file).toMatchObject({ revision: 1, wardName: '一大队', period: 'detox', periodSince: '2026-03-01' })
    expect(file.identity.name).toBe(rows[0]!.cells.name)
    expect(file.term.result?.lastDay).toBe('2028-01-31')
    expect(file.wards).toHaveLength(1)
    expect(ok(call(w.dispatch, 'people:history', { id: report.imported[0]!.id }, admin))).toHaveLength(1)
    // One audit row for the whole import, naming the file and the count.
    const audit = w.db.prepare("SELECT method, record_type AS recordType, detail FROM audit_log WHERE method LIKE 'people:import%' OR method = 'people:create'").all() as Array<{ method: string; recordType: string; detail: string }>
    expect(audit).toEqual([{ method: 'people:importCommit', recordType: 'import', detail: JSON.stringify({ fileName: '在所人员.xlsx', imported: 4, excludedRows: [6] }) }])
  })

  it('re-validates: a file created between preview and commit makes the commit refuse, and nothing is written', () => {
    const rows = importRows(3, WARDS)
    expect(preview(rows).counts.valid).toBe(3)
    const c = rows[1]!.cells
    ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { idNumber: c.idNumber!, birthDate: c.birthDate!, sex: c.sex === '女' ? 'F' : 'M' }), admin))
    const before = count(w.db, 'people')
    expect(err(commit(rows)).key).toBe('import.has_errors|{"count":1,"rows":"3"}')
    expect(count(w.db, 'people')).toBe(before)
  })

  it('refuses a file with every row excluded', () => {
    expect(err(commit(importRows(2, WARDS), [2, 3])).key).toBe('import.nothing_to_import')
  })

  it('reports progress every 50 rows', () => {
    const events: BackendEvent[] = []
    const dispatch = createDispatcher({ db: w.db, clock: fixedClock, onEvent: (e) => events.push(e) })
    const sid = ok(call(dispatch, 'auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
    ok(call(dispatch, 'people:importCommit', { fileName: 'x.xlsx', rows: importRows(120, WARDS) }, sid))
    const progress = events.filter((e) => e.type === 'progress')
    expect(progress.map((e) => [e.method, e.done, e.total])).toEqual([
      ['people:importCommit', 50, 120],
      ['people:importCommit', 100, 120],
      ['people:importCommit', 120, 120],
    ])
  })
})

describe('sheet parsing (the renderer\'s parser, in Node, on a real .xlsx)', () => {
  async function workbookBytes(rows: ImportRowInput[], options: { realDates?: boolean; dropColumn?: string } = {}) {
    const excel = await loadExcel()
    const workbook = new excel.Workbook()
    const sheet = workbook.addWorksheet('人员')
    const columns = IMPORT_COLUMNS.filter((c) => c.key !== options.dropColumn)
    sheet.addRow(columns.map((c) => c.header))
    for (const r of rows) {
      sheet.addRow(columns.map((c) => {
        const v = r.cells[c.key] ?? ''
        return options.realDates && c.key === 'birthDate' ? new Date(`${v}T00:00:00Z`) : v
      }))
    }
    sheet.addRow([]) // a trailing empty row is not a person
    return new Uint8Array(await workbook.xlsx.writeBuffer())
  }

  it('reads headings, real Excel dates and text, then previews the rows', async () => {
    const rows = importRows(3, WARDS)
    const parsed = await parseSheet(await loadExcel(), await workbookBytes(rows, { realDates: true }), IMPORT_COLUMNS)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem))
    expect(parsed.rows).toEqual(rows)
    expect(preview(parsed.rows).counts.valid).toBe(3)
  })

  it('names the required columns a sheet lacks', async () => {
    const parsed = await parseSheet(await loadExcel(), await workbookBytes(importRows(1, WARDS), { dropColumn: 'idNumber' }), IMPORT_COLUMNS)
    expect(parsed).toEqual({ ok: false, problem: { kind: 'missing_columns', headers: ['身份证号'] } })
  })

  it('says a file that is not an .xlsx cannot be read', async () => {
    const parsed = await parseSheet(await loadExcel(), new TextEncoder().encode('姓名,性别\n'), IMPORT_COLUMNS)
    expect(parsed.ok ? null : parsed.problem.kind).toBe('unreadable')
  })

  it('parses a 1,000-row file (time printed once)', async () => {
    const excel = await loadExcel()
    const bytes = await workbookBytes(importRows(1000, WARDS), { realDates: true })
    const t0 = performance.now()
    const parsed = await parseSheet(excel, bytes, IMPORT_COLUMNS)
    console.log(`exceljs parse of a 1,000-row .xlsx (${(bytes.length / 1024).toFixed(0)} KiB): ${(performance.now() - t0).toFixed(0)} ms`)
    expect(parsed.ok && parsed.rows.length).toBe(1000)
  })
})

describe('browser bridge', () => {
  it('accepts a 2,000-row import (over 1 MiB) while other methods keep the 1 MiB limit', async () => {
    const bridge = await startBridge({ dispatch: w.dispatch, port: 0, token: 'tok' })
    try {
      const post = (body: string) =>
        fetch(`${bridge.url.split('?')[0]!.replace(/\/$/, '')}/api/invoke`, {
          method: 'POST',
          headers: { authorization: 'Bearer tok', 'x-xinsheng-client': '1', 'content-type': 'application/json', 'x-xinsheng-session': admin },
          body,
        })
      const big = JSON.stringify({ method: 'people:importPreview', input: { fileName: '在所人员.xlsx', rows: importRows(2000, WARDS) } })
      expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024)
      const r = await post(big)
      expect(r.status).toBe(200)
      expect(((await r.json()) as { value: { counts: { valid: number } } }).value.counts.valid).toBe(2000)
      const other = await post(JSON.stringify({ method: 'people:list', input: { q: 'x'.repeat(1024 * 1024) } }))
      expect(other.status).toBe(413)
    } finally {
      await bridge.close()
    }
  })
})
