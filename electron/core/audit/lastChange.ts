import { contract, isMethodName } from '../../shared/contract'
import type { MethodSpec } from '../../shared/contract/define'
import type { z } from 'zod'
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

/** Local wall-clock time of an instant, as staff read it ("2026-12-01 10:32"). */
export function localMinute(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
