import { existsSync } from 'node:fs'
import { checkIdNumber } from '../../shared/domain/idNumber'
import { computeTerm, TermInputError, type EscapeInterval } from '../../shared/domain/term'
import { todayIn } from '../../shared/domain/dates'
import { appendAudit, verifyAudit } from '../audit/auditLog'
import { FACILITY_TIME_ZONE, systemClock } from '../context'
import { integrityCheck, migrate, openDatabase, schemaVersion } from '../db/open'
import { generateDemo } from '../demo/generate'
import { isInitialized } from '../facility/setupService'

/** A command's answer: one JSON object for stdout and the exit code. */
export interface CommandResult {
  out: unknown
  code: number
}

export class UsageError extends Error {}

const ok = (out: unknown): CommandResult => ({ out, code: 0 })

export function checkId(args: string[]): CommandResult {
  if (args.length !== 1) throw new UsageError('usage: check-id <idNumber>')
  const result = checkIdNumber(args[0]!, todayIn(FACILITY_TIME_ZONE))
  if (result.valid) return ok({ valid: true, birthDate: result.birthDate, sex: result.sex })
  return { out: { valid: false, reason: result.reason }, code: 1 }
}

export function term(opts: { decision?: string; extensionMonths?: string; escape?: string[] }): CommandResult {
  if (!opts.decision) throw new UsageError('--decision YYYY-MM-DD is required')
  let extensions: number[] = []
  if (opts.extensionMonths !== undefined) {
    if (!/^\d+$/.test(opts.extensionMonths)) throw new UsageError(`--extension-months must be a whole number of months, got "${opts.extensionMonths}"`)
    const months = Number(opts.extensionMonths)
    extensions = months > 0 ? [months] : []
  }
  const escapes: EscapeInterval[] = (opts.escape ?? []).map((e) => {
    const m = /^(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(e)
    if (!m) throw new UsageError(`--escape must be FROM:TO as YYYY-MM-DD:YYYY-MM-DD, got "${e}"`)
    return { from: m[1]!, to: m[2]! }
  })
  try {
    const r = computeTerm({ decisionDate: opts.decision, extensions, escapes })
    return ok({ lastDay: r.lastDay, earliestEarlyRelease: r.earliestEarlyRelease, earlyReleaseAllowed: r.earlyReleaseAllowed, daysNotCounted: r.daysNotCounted })
  } catch (error) {
    if (error instanceof TermInputError) throw new UsageError(error.message)
    throw error
  }
}

function requireDb(db: string | undefined, mustExist = true): string {
  if (!db) throw new UsageError('--db FILE is required')
  if (mustExist && !existsSync(db)) throw new UsageError(`no database at ${db}`)
  return db
}

export function demo(opts: { db?: string; people?: string; seed?: string }): CommandResult {
  const file = requireDb(opts.db, false)
  const people = Number(opts.people ?? '240')
  const seed = Number(opts.seed ?? '1')
  if (!Number.isInteger(people) || people < 0 || people > 100_000) throw new UsageError('--people must be a whole number from 0 to 100000')
  if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number')
  const db = openDatabase(file)
  try {
    if (isInitialized(db)) throw new UsageError(`${file} already holds a facility; demo data goes into a new database only`)
    const accounts = db.transaction(() => {
      const created = generateDemo(db, { people, seed, clock: systemClock })
      appendAudit(db, { at: new Date().toISOString(), actorId: null, actorName: 'cli', method: 'cli:demo', recordType: 'facility', recordId: null, detail: JSON.stringify({ people, seed }) })
      return created
    })()
    const wards = (db.prepare('SELECT count(*) AS n FROM wards').get() as { n: number }).n
    return ok({ ok: true, db: file, people, wards, accounts })
  } finally {
    db.close()
  }
}

export function migrateCommand(opts: { db?: string }): CommandResult {
  const db = openDatabase(requireDb(opts.db, false), { migrate: false })
  try {
    const from = schemaVersion(db)
    const applied = migrate(db)
    return ok({ ok: true, from, to: schemaVersion(db), applied })
  } finally {
    db.close()
  }
}

export function integrity(opts: { db?: string }): CommandResult {
  const db = openDatabase(requireDb(opts.db), { migrate: false })
  try {
    const r = integrityCheck(db)
    return { out: r, code: r.ok ? 0 : 1 }
  } finally {
    db.close()
  }
}

export function auditVerify(opts: { db?: string }): CommandResult {
  const db = openDatabase(requireDb(opts.db), { migrate: false })
  try {
    const r = verifyAudit(db)
    return { out: r, code: r.ok ? 0 : 1 }
  } finally {
    db.close()
  }
}
