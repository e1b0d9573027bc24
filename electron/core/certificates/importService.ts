/**
 * Certificates issued elsewhere, imported from a workbook (issue 12). The renderer parses the file and sends each row's
 * cells as text; the check names every problem per row and column and writes nothing; the import checks again and
 * writes every row in one go (source 'import', one batch id), or nothing at all when any row still has a problem.
 * A row belongs to the live person file with its resident ID number, and its name must be that file's name.
 */
import { randomUUID } from 'node:crypto'
import {
  CERT_IMPORT_COLUMNS,
  ID_TYPE_WORDING,
  type CertImportColumn,
  type CertImportProblem,
  type CertImportRowInput,
  type CertImportRowResult,
  type certificatesContract,
} from '../../shared/contract/certificates'
import { parseLevelWording, tradeFromWording, type CertificateFormat, type SkillLevel } from '../../shared/domain/certificates'
import { isValidIsoDate } from '../../shared/domain/dates'
import { ID_TYPES, type IdType } from '../../shared/domain/vocational'
import { wardAllowed } from '../../shared/domain/wardScope'
import { actorOf, nowIso, today, type Ctx } from '../context'
import { AppError } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { numberVerdict, sameName } from './certificateRules'
import { certificatesRepo, type CertificateInsert } from './certificatesRepo'

const MAX_LENGTH: Partial<Record<CertImportColumn, number>> = { name: 30, idNumber: 30, occupation: 40, occupationCode: 20, direction: 40, number: 30, evaluationBody: 60, note: 300 }

/** 证件类型 as written: the template's wording or the code. */
function idTypeOf(text: string): IdType | null {
  const found = (Object.entries(ID_TYPE_WORDING) as Array<[IdType, string]>).find(([, w]) => w === text)
  if (found) return found[0]
  if (text === '身份证') return 'resident_id'
  return (ID_TYPES as readonly string[]).includes(text) ? (text as IdType) : null
}

/** 职业技能等级: the wording ("五级/初级工", "五级", "初级工") or a digit 1–5. */
function levelOf(text: string): SkillLevel | null {
  if (/^[1-5]$/.test(text)) return Number(text) as SkillLevel
  return parseLevelWording(text)
}

/** 发证日期: YYYY-MM-DD (the renderer turns real Excel dates into it); 2026/5/20 and 2026.5.20 are read too. */
function dateOf(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text)
  if (!m) return null
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isValidIsoDate(iso) ? iso : null
}

interface CheckedRow {
  result: CertImportRowResult
  certificate: Omit<CertificateInsert, 'id' | 'importBatch' | 'at' | 'by'> | null
}

/** Checks every row against the database and the rest of the file; pure reads. */
export function checkImportRows(ctx: Ctx, rows: readonly CertImportRowInput[]): CheckedRow[] {
  const { db } = ctx
  const actor = actorOf(ctx)
  const todayIso = today(ctx)
  const cellsOf = (r: CertImportRowInput) => {
    const out: Partial<Record<CertImportColumn, string>> = {}
    for (const { key } of CERT_IMPORT_COLUMNS) out[key] = (r.cells[key] ?? '').trim()
    return out as Record<CertImportColumn, string>
  }
  const all = rows.map((r) => ({ row: r.row, cells: cellsOf(r) }))
  const people = certificatesRepo.liveByIdNumbers(db, all.map((r) => r.cells.idNumber.toUpperCase()).filter((v) => v !== ''))
  const verdicts = all.map(({ cells }) => {
    const level = levelOf(cells.level)
    const issuedOn = dateOf(cells.issuedOn)
    return { level, issuedOn, number: cells.number === '' ? null : numberVerdict(cells.number, issuedOn ?? todayIso, level ?? 5) }
  })
  const taken = certificatesRepo.liveByNumbers(db, verdicts.flatMap((v) => (v.number?.ok ? [v.number.number] : [])))
  const firstRowOfNumber = new Map<string, number>()

  return all.map(({ row, cells }, i): CheckedRow => {
    const problems: CertImportProblem[] = []
    const problem = (column: CertImportColumn, code: string, params?: Record<string, string | number>) =>
      problems.push(params ? { column, code, params } : { column, code })
    for (const { key, required } of CERT_IMPORT_COLUMNS) {
      const max = MAX_LENGTH[key]
      if (required && cells[key] === '') problem(key, 'cert.required')
      else if (max !== undefined && cells[key].length > max) problem(key, 'v.too_long', { max })
    }
    const idType = cells.idType === '' ? null : idTypeOf(cells.idType)
    if (cells.idType !== '' && idType === null) problem('idType', 'cert.bad_id_type')
    const { level, issuedOn } = verdicts[i]!
    if (cells.level !== '' && level === null) problem('level', 'cert.bad_level')
    if (cells.issuedOn !== '' && issuedOn === null) problem('issuedOn', 'cert.bad_date')
    else if (issuedOn !== null && issuedOn > todayIso) problem('issuedOn', 'cert.date_in_future')
    const number = verdicts[i]!.number
    let stored: { number: string; format: CertificateFormat } | null = null
    if (number && !number.ok) problem('number', number.problem.key, number.problem.params)
    else if (number?.ok) {
      const earlier = firstRowOfNumber.get(number.number)
      if (taken.has(number.number)) problem('number', 'cert.duplicate')
      else if (earlier !== undefined) problem('number', 'cert.duplicate_in_file', { row: earlier })
      else {
        firstRowOfNumber.set(number.number, row)
        stored = { number: number.number, format: number.format }
      }
    }
    const idNumber = cells.idNumber.toUpperCase()
    const person = idType === 'resident_id' && idNumber !== '' ? people.get(idNumber) : undefined
    if (cells.idNumber !== '' && idType !== null && !person) problem('idNumber', 'cert.person_not_found')
    else if (person && !wardAllowed(actor.reach, 'write', actor.wardIds, person.wardId)) problem('idNumber', 'err.ward_forbidden')
    if (person && cells.name !== '' && !sameName(cells.name, person.name)) problem('name', 'cert.name_mismatch', { name: person.name })

    const result: CertImportRowResult = { row, personId: person?.id ?? null, problems }
    if (problems.length > 0 || !person || !stored || level === null || issuedOn === null || idType === null) return { result, certificate: null }
    return {
      result,
      certificate: {
        personId: person.id,
        courseId: null,
        examAttemptId: null,
        source: 'import',
        number: stored.number,
        format: stored.format,
        evaluationBody: cells.evaluationBody,
        issuedOn,
        name: person.name,
        idType,
        idNumber,
        occupation: cells.occupation,
        occupationCode: cells.occupationCode || null,
        direction: tradeFromWording(cells.direction),
        level,
        note: cells.note || null,
      },
    }
  })
}

const summary = (checked: readonly CheckedRow[]) => {
  const withProblems = checked.filter((c) => c.result.problems.length > 0).length
  return { total: checked.length, clean: checked.length - withProblems, withProblems }
}

type ImportHandlers = Pick<HandlersFor<typeof certificatesContract>, 'certificates:importCheck' | 'certificates:import'>

export const importHandlers = {
  'certificates:importCheck'(input, ctx) {
    const checked = checkImportRows(ctx, input.rows)
    return { rows: checked.map((c) => c.result), counts: summary(checked) }
  },

  'certificates:import'(input, ctx) {
    const checked = checkImportRows(ctx, input.rows)
    const counts = summary(checked)
    if (counts.withProblems > 0) throw new AppError('rule_violation', 'cert.import_refused', { params: { count: counts.withProblems } })
    const batch = randomUUID()
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    const ids = checked.map(({ certificate }) => {
      if (!certificate) throw new Error('unreachable: a clean row has its certificate')
      const id = randomUUID()
      certificatesRepo.insert(ctx.db, { ...certificate, id, importBatch: batch, at, by })
      return id
    })
    ctx.auditDetail = `${input.fileName || 'workbook'}: ${ids.length} certificates`
    return { imported: ids.length, batch, ids }
  },
} satisfies ImportHandlers
