import { contract, isMethodName } from '../../shared/contract'
import type { MethodSpec } from '../../shared/contract/define'
import type { z } from 'zod'
import { FACILITY_TIME_ZONE } from '../context'
import type { Db } from '../db/open'
import { recentAuditOfRecord } from './auditQueries'

/**
 * Who last wrote a record and when, from the audit log (issue 15): a stale edit is told "changed by 王某 at 10:32",
 * not only "changed by someone". Reads of sensitive records are audited too, so only rows of write methods count.
 */
export function lastChangeOf(db: Db, recordType: string, recordId: string): { by: string; at: string } | null {
  for (const row of recentAuditOfRecord(db, recordType, recordId, 20)) {
    if (!isMethodName(row.method)) continue
    const spec = contract[row.method] as MethodSpec<z.ZodType, unknown>
    if (spec.audit.kind !== 'write') continue
    return { by: row.actorName ?? '—', at: row.at }
  }
  return null
}

/** The record a write names, from its input alone (before it ran); null when the method's record needs its result. */
export function recordOfInput(spec: MethodSpec<z.ZodType, unknown>, input: unknown): string | null {
  if (spec.audit.kind !== 'write') return null
  try {
    const id = spec.audit.record(input, undefined as never)
    return typeof id === 'string' ? id : null
  } catch {
    return null
  }
}

const MINUTE_FORMAT = new Intl.DateTimeFormat('sv-SE', { timeZone: FACILITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** An instant as staff read it, in the facility's zone whatever the server's ("2026-12-01 10:32"). */
export function localMinute(iso: string): string {
  return MINUTE_FORMAT.format(new Date(iso))
}
