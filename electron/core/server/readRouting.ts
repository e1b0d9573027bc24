/**
 * Heavy reads on their own connection (issue 15: "one writer connection and read-only connections for heavy reads").
 * The facility server's back-end worker owns the one writer connection and every session; a second worker holds a
 * read-only connection to the same WAL database and answers the few calls that read a lot (the dashboard, the
 * cohort and vocational statistics, the facility's due work), so one administrator's dashboard never holds up the
 * ward officers' saves. Only unaudited reads qualify (an audited read writes its audit row, which is the writer's).
 */
import { contract, isMethodName, type ApiResult } from '../../shared/contract'
import type { StaffUser } from '../../shared/contract'
import type { BackendWorker } from '../worker/client'

export const HEAVY_READ_METHODS: ReadonlySet<string> = new Set([
  'stats:dashboard',
  'stats:people',
  'aftercare:cohorts',
  'vocationalStats:figures',
  'vocationalStats:headline',
  'vocationalStats:people',
  'duework:facility',
])

/** Each listed method exists, writes nothing (no audit row) and never refuses by ward (tests/unit/readRouting.test.ts). */
export function heavyReadProblems(): string[] {
  const problems: string[] = []
  for (const method of HEAVY_READ_METHODS) {
    if (!isMethodName(method)) problems.push(`${method}: no such method`)
    else if (contract[method].audit.kind !== 'none') problems.push(`${method}: audited (${contract[method].audit.kind}); it must run on the writer`)
    // A refusal records a security event (a write): only calls whose ward scope never refuses may run on the reader.
    else if (!['facility', 'filtered'].includes(String(contract[method].scope))) problems.push(`${method}: scope ${String(contract[method].scope)} can refuse; it must run on the writer`)
  }
  return problems
}

type Invoke = (method: unknown, input: unknown, sessionId: string | null) => Promise<ApiResult<unknown>>

/** Writes that replace the database file under every connection: the reader is closed first and started again after. */
const FILE_SWAPS: ReadonlySet<unknown> = new Set(['backup:restore', 'setup:initialize'])

export interface HeavyReadRouter {
  invoke: Invoke
  close(): Promise<void>
}

/**
 * The server's dispatch: heavy reads go to the reader with the signed-in staff member the writer vouches for (its
 * `auth:touch` of the caller's session, which also refreshes the idle timer); everything else, and any heavy read when
 * the session is not live or the caller lacks the permission, goes to the writer (which answers or refuses, recording
 * the refusal). A restore rewrites the database file in place: the reader's connection is closed before it and a new
 * reader started after it (meanwhile heavy reads go to the writer).
 */
export function routeHeavyReads(writer: Pick<BackendWorker, 'invoke'>, startReader: () => Promise<Pick<BackendWorker, 'invoke' | 'close'>>): HeavyReadRouter {
  let reader: Promise<Pick<BackendWorker, 'invoke' | 'close'>> | null = startReader()
  const invoke: Invoke = async (method, input, sessionId) => {
    if (FILE_SWAPS.has(method)) {
      const closing = reader
      reader = null
      await (await closing?.catch(() => null))?.close()
      try {
        return await writer.invoke(method, input, sessionId)
      } finally {
        reader = startReader()
      }
    }
    const current = reader
    if (typeof method !== 'string' || !HEAVY_READ_METHODS.has(method) || !sessionId || !current) return writer.invoke(method, input, sessionId)
    const me = await writer.invoke('auth:touch', {}, sessionId)
    const actor = me.ok ? (me.value as StaffUser | null) : null
    // Not signed in, or without the permission: the writer answers (and records the refusal as a security event).
    const access = isMethodName(method) ? contract[method].access : 'public'
    if (!actor || (access !== 'public' && access !== 'authenticated' && !actor.permissions.includes(access))) return writer.invoke(method, input, sessionId)
    const ready = await current.catch(() => null)
    return ready ? ready.invoke(method, input, actor.id) : writer.invoke(method, input, sessionId)
  }
  return {
    invoke,
    async close() {
      const closing = reader
      reader = null
      await (await closing?.catch(() => null))?.close()
    },
  }
}
