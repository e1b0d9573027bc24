import type { ImportColumnKey, ImportPreview, ImportReport, ImportRowInput, ImportRowResult, ImportWardLoad, peopleImportContract } from '../../shared/contract'
import { IMPORT_COLUMNS, IMPORT_DATE_COLUMNS, identitySchema, TEMPLATE_EXAMPLE_ID_NUMBER } from '../../shared/contract'
import { ETHNICITIES, type Sex } from '../../shared/domain/person'
import { PERIOD_LABELS_ZH, PERIODS, type Period } from '../../shared/domain/periods'
import type { FieldProblem } from '../../shared/domain/identityRules'
import { actorOf, nowIso, today } from '../context'
import type { Db } from '../db/open'
import { AppError } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { wardsInOrder, type WardRecord } from '../wards/wardsRepo'
import { livePeopleInWard } from './peopleRepo'
import { identityProblemsIn, insertPerson, periodStartProblem, type NewPerson } from './peopleService'

/** How often the commit reports progress (a 1,000-row import takes a few seconds on a slow machine). */
const PROGRESS_EVERY = 50

const SEX_WORDS: Record<string, Sex> = { 男: 'M', 女: 'F', M: 'M', F: 'F' }
const SEX_SHOWN: Record<Sex, string> = { M: '男', F: '女' }
const PERIOD_BY_NAME = new Map<string, Period>(PERIODS.flatMap((p) => [[p, p] as const, [PERIOD_LABELS_ZH[p], p] as const]))
const ETHNICITY_SET = new Set<string>(ETHNICITIES)

interface CheckedRow {
  result: ImportRowResult
  person: NewPerson | null
}

/** A problem as the renderer translates field errors: the key, with its parameters as JSON after a bar. */
const messageOf = (problem: { key: string; params?: Record<string, string | number> }) =>
  problem.params ? `${problem.key}|${JSON.stringify(problem.params)}` : problem.key

/**
 * A date as typed in a sheet: YYYY-MM-DD, or with / . or 年月日 separators and unpadded month/day (2024/3/5). Only the
 * writing changes, never the date; anything else is left as typed for the date rule to refuse.
 */
export function normaliseDate(raw: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw)
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : raw
}

/** Trims every cell; dates in one writing; the ID number upper-cased (as stored). */
function normalisedCells(input: ImportRowInput): Partial<Record<ImportColumnKey, string>> {
  const values: Partial<Record<ImportColumnKey, string>> = {}
  for (const { key } of IMPORT_COLUMNS) {
    const raw = (input.cells[key] ?? '').trim()
    if (raw === '') continue
    values[key] = IMPORT_DATE_COLUMNS.includes(key) ? normaliseDate(raw) : key === 'idNumber' ? raw.toUpperCase() : raw
  }
  return values
}

interface Lookups {
  db: Db
  today: string
  wardsByName: Map<string, WardRecord>
}

/** One row against every rule of people:create (the same schema and identity rules), without the file-wide rules. */
function checkRow(input: ImportRowInput, lookups: Lookups): CheckedRow {
  const values = normalisedCells(input)
  const errors: ImportRowResult['errors'] = {}
  const put = (column: ImportColumnKey, problem: FieldProblem | { key: string; params?: Record<string, string | number> }) => {
    if (!errors[column]) errors[column] = messageOf(problem)
  }
  for (const column of IMPORT_COLUMNS) if (column.required && !values[column.key]) put(column.key, { key: 'v.required' })
  if (values.idNumber?.toUpperCase() === TEMPLATE_EXAMPLE_ID_NUMBER) put('idNumber', { key: 'import.example_row' })

  const sex = values.sex ? SEX_WORDS[values.sex.toUpperCase()] : undefined
  if (values.sex && !sex) put('sex', { key: 'import.bad_sex', params: { value: values.sex } })
  if (sex) values.sex = SEX_SHOWN[sex]
  if (values.ethnicity && !ETHNICITY_SET.has(values.ethnicity)) put('ethnicity', { key: 'import.bad_ethnicity', params: { value: values.ethnicity } })
  const period = values.period ? PERIOD_BY_NAME.get(values.period) : 'detox'
  if (!period) put('period', { key: 'import.bad_period', params: { value: values.period ?? '' } })
  else values.period = PERIOD_LABELS_ZH[period]

  const ward = values.ward ? lookups.wardsByName.get(values.ward) : undefined
  if (values.ward && !ward) put('ward', { key: 'import.unknown_ward', params: { value: values.ward } })
  else if (ward && ward.active !== 1) put('ward', { key: 'ward.inactive' })

  // The identity goes through the very schema people:create parses its input with.
  const parsed = identitySchema.safeParse({
    name: values.name,
    sex: sex ?? 'M',
    ethnicity: values.ethnicity ?? '',
    birthDate: values.birthDate,
    idNumber: values.idNumber,
    householdAddress: values.householdAddress,
    decisionOrgan: values.decisionOrgan,
    decisionDocNo: values.decisionDocNo,
    decisionDate: values.decisionDate,
    admissionDate: values.admissionDate,
    emergencyContactName: values.emergencyContactName ?? null,
    emergencyContactRelation: values.emergencyContactRelation ?? null,
    emergencyContactPhone: values.emergencyContactPhone ?? null,
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = String(issue.path[0]) as ImportColumnKey
      const [key, json] = issue.message.split('|')
      put(column, key && key.includes('.') && !key.includes(' ') ? { key, params: json ? (JSON.parse(json) as Record<string, string>) : undefined } : { key: 'v.invalid' })
    }
  }
  if (values.periodStart && !/^\d{4}-\d{2}-\d{2}$/.test(values.periodStart)) put('periodStart', { key: 'v.date' })

  if (!parsed.success) return { result: { row: input.row, status: 'invalid', values, errors }, person: null }
  // The cross-field rules run even when another column is wrong, so the preview shows every problem of the row at once.
  const identity = parsed.data
  for (const [field, problem] of Object.entries(identityProblemsIn(lookups.db, identity, lookups.today, null))) {
    put(field as ImportColumnKey, problem)
  }
  const periodStart = values.periodStart ?? identity.admissionDate
  const periodProblem = periodStartProblem(periodStart, identity.admissionDate, lookups.today)
  if (periodProblem) put(values.periodStart ? 'periodStart' : 'admissionDate', periodProblem)
  if (Object.keys(errors).length > 0 || !ward || !sex || !period) {
    return { result: { row: input.row, status: 'invalid', values, errors }, person: null }
  }
  return {
    result: { row: input.row, status: 'valid', values, errors },
    person: { ...identity, wardId: ward.id, period, periodStart, note: null },
  }
}

/** Marks a row invalid with one more problem (file-wide rules run after the row's own). */
function refuse(checked: CheckedRow, column: ImportColumnKey, problem: { key: string; params?: Record<string, string | number> }) {
  checked.result.status = 'invalid'
  checked.result.errors[column] ??= messageOf(problem)
  checked.person = null
}

/**
 * Validates the whole file without writing: each row's own rules, then the file-wide ones: an ID number twice in the
 * file, and more people for a ward than its free places (the rows past the free places, in file order, are refused).
 */
export function checkImport(db: Db, todayDate: string, rows: readonly ImportRowInput[], exclude: readonly number[]): { preview: ImportPreview; people: Array<{ row: number; person: NewPerson }> } {
  const seen = new Set<number>()
  for (const r of rows) {
    if (seen.has(r.row)) throw new AppError('invalid_input', 'import.row_twice', { params: { row: r.row } })
    seen.add(r.row)
  }
  const unknownExcluded = exclude.find((n) => !seen.has(n))
  if (unknownExcluded !== undefined) throw new AppError('invalid_input', 'import.exclude_unknown_row', { params: { row: unknownExcluded } })

  const wards = wardsInOrder(db)
  const lookups: Lookups = { db, today: todayDate, wardsByName: new Map(wards.map((w) => [w.name, w])) }
  const excluded = new Set(exclude)
  // Excluded rows are still checked, so the preview and the report can say what was wrong with them.
  const checked = rows.map((r): CheckedRow => {
    const c = checkRow(r, lookups)
    return excluded.has(r.row) ? { result: { ...c.result, status: 'excluded' }, person: null } : c
  })

  const firstRowOfId = new Map<string, number>()
  for (const c of checked) {
    const idNumber = c.result.values.idNumber
    if (!idNumber) continue
    const first = firstRowOfId.get(idNumber)
    const duplicate = { key: 'import.duplicate_in_file', params: { row: first ?? 0 } }
    // An excluded row keeps its reason for the report but takes no part in the import.
    if (c.result.status === 'excluded') {
      if (first !== undefined) c.result.errors.idNumber ??= messageOf(duplicate)
    } else if (first === undefined) firstRowOfId.set(idNumber, c.result.row)
    else refuse(c, 'idNumber', duplicate)
  }

  const loads = new Map<string, ImportWardLoad & { free: number }>()
  for (const c of checked) {
    if (!c.person) continue
    const ward = wards.find((w) => w.id === c.person!.wardId)!
    let load = loads.get(ward.id)
    if (!load) {
      const occupancy = livePeopleInWard(db, ward.id)
      load = { wardName: ward.name, capacity: ward.capacity, occupancy, incoming: 0, free: Math.max(0, ward.capacity - occupancy) }
      loads.set(ward.id, load)
    }
    load.incoming++
    if (load.incoming > load.free) {
      refuse(c, 'ward', { key: 'import.ward_over_capacity', params: { ward: ward.name, capacity: ward.capacity, occupancy: load.occupancy, free: load.free } })
    }
  }

  const results = checked.map((c) => c.result)
  const count = (status: ImportRowResult['status']) => results.filter((r) => r.status === status).length
  return {
    preview: {
      rows: results,
      counts: { total: results.length, valid: count('valid'), invalid: count('invalid'), excluded: count('excluded') },
      wards: [...loads.values()].map(({ free: _free, ...load }) => load),
    },
    people: checked.flatMap((c) => (c.person ? [{ row: c.result.row, person: c.person }] : [])),
  }
}

export const peopleImportHandlers = {
  'people:importPreview': (input, ctx) => checkImport(ctx.db, today(ctx), input.rows, input.exclude).preview,

  'people:importCommit'(input, ctx) {
    // Never trusts the preview: the file is checked again inside this transaction, against the data as it is now.
    const { preview, people } = checkImport(ctx.db, today(ctx), input.rows, input.exclude)
    if (preview.counts.invalid > 0) {
      const rows = preview.rows.filter((r) => r.status === 'invalid').map((r) => r.row)
      throw new AppError('rule_violation', 'import.has_errors', { params: { count: rows.length, rows: listRows(rows) } })
    }
    if (people.length === 0) throw new AppError('rule_violation', 'import.nothing_to_import')
    const actorId = actorOf(ctx).id
    const at = nowIso(ctx)
    const todayDate = today(ctx)
    const imported: ImportReport['imported'] = []
    people.forEach(({ row, person }, i) => {
      imported.push({ row, id: insertPerson(ctx.db, actorId, at, todayDate, person), name: person.name })
      if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === people.length) ctx.progress?.(i + 1, people.length, 'progress.import.people')
    })
    const excluded = preview.rows.filter((r) => r.status === 'excluded').map((r) => r.row)
    ctx.auditDetail = JSON.stringify({ fileName: input.fileName, imported: imported.length, excludedRows: excluded })
    return { fileName: input.fileName, imported, excluded }
  },
} satisfies HandlersFor<typeof peopleImportContract>

/** "3, 7, 9" or "3, 7, 9 … (+12)": a message must stay readable with hundreds of bad rows. */
function listRows(rows: number[]): string {
  const shown = rows.slice(0, 10).join(', ')
  return rows.length > 10 ? `${shown} … (+${rows.length - 10})` : shown
}
