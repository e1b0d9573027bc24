import { randomUUID } from 'node:crypto'
import { ZodError, type z } from 'zod'
import { contract, isMethodName, type ApiError, type ApiResult } from '../shared/contract'
import type { MethodSpec } from '../shared/contract/define'
import type { BackendEventListener } from '../shared/events'
import { roleHas } from '../shared/domain/roles'
import { translate, type Locale } from '../shared/i18n/messages'
import { appendAudit } from './audit/auditLog'
import { lastChangeOf, localMinute, recordOfInput } from './audit/lastChange'
import { writeAuditAnchor } from './audit/auditSeal'
import { fileIdentityProblem } from './db/fileIdentity'
import { withinWardScope } from './auth/wardScope'
import { loadActor } from './auth/authService'
import { LoginThrottle } from './auth/loginThrottle'
import { derivePasswordAsync, UNKNOWN_USER_SALT } from './auth/passwords'
import { staffByUsername } from './auth/staffRepo'
import { recordSecurityEvent, SECURITY_EVENTS } from './audit/securityEvents'
import { handleOf, SessionStore } from './auth/sessions'
import type { ServingState } from './server/serving'
import { nowIso, systemClock, type Clock, type Ctx, type ProgressReporter } from './context'
import type { Db } from './db/open'
import { AppError, FieldErrors } from './errors'
import { handlers } from './handlers'
import { writesClosedFile } from './release/closedFileGuard'
import { movedToServer, writableAfterMove } from './transfer/movedGuard'

export type { Handler, Handlers } from './handlerTypes'

export interface DispatcherOptions {
  db: Db
  sessions?: SessionStore
  clock?: Clock
  locale?: Locale
  /** Where unexpected errors are reported (never to the caller). */
  logError?: (error: unknown, method: string) => void
  /** Where handlers' progress reports go (the worker forwards them to the window). */
  onEvent?: BackendEventListener
  /** How the back end is served (issue 15), for server:health. */
  serving?: ServingState
}

export type Dispatch = (method: unknown, input: unknown, sessionId: string | null) => ApiResult<unknown>
/** The same dispatcher for callers that can wait (the back-end worker): password work then runs off its thread. */
export type AsyncDispatch = (method: unknown, input: unknown, sessionId: string | null) => Promise<ApiResult<unknown>>

/** A dispatcher with its asynchronous form; both share sessions, the sign-in throttle and the database. */
export type Dispatcher = Dispatch & { async: AsyncDispatch }

/**
 * The one entry point for every caller (IPC, HTTP, tests): unknown input → session → permission → zod parse →
 * service in a transaction → audit row in the same transaction → `{ok, value}` or `{ok:false, error}`.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { db } = options
  const loginThrottle = new LoginThrottle()
  const sessions = options.sessions ?? new SessionStore()
  const clock = options.clock ?? systemClock
  const locale = options.locale ?? 'zh-CN'
  const logError = options.logError ?? ((error, method) => console.error(`[dispatch] ${method} failed:`, error))
  const fail = (code: ApiError['code'], key: string, params?: Record<string, string | number>, fields?: Record<string, string>): ApiResult<never> => ({
    ok: false,
    error: { code, message: translate(locale, key, params), key: fieldMessage(key, params), ...(fields ? { fields } : {}) },
  })

  function dispatch(methodName: unknown, rawInput: unknown, sessionId: string | null, passwordKey?: Ctx['passwordKey']): ApiResult<unknown> {
    if (!isMethodName(methodName)) return fail('unknown_method', 'err.unknown_method')
    const spec = contract[methodName] as MethodSpec<z.ZodType, unknown>
    // "Who am I" is no user activity: the facility server's event streams ask it to learn whether their session still
    // holds, and an open window must not keep an idle session alive that way (issue 15).
    const actor = loadActor(db, sessions.touch(sessionId, clock.now().getTime(), methodName !== 'auth:me'))
    if (spec.access !== 'public' && !actor) return fail('unauthenticated', 'err.unauthenticated')

    // Access before validation: a caller without the permission learns nothing about the method's fields.
    if (spec.access !== 'public' && spec.access !== 'authenticated' && !roleHas(actor!.role, spec.access)) {
      recordSecurityEvent(db, {
        at: clock.now().toISOString(), actorId: actor!.id, actorName: actor!.displayName, method: SECURITY_EVENTS.forbidden,
        recordType: null, recordId: null, detail: JSON.stringify({ method: methodName }),
      })
      return fail('forbidden', 'err.forbidden')
    }

    // Ward scoping (包队责任制), like access before validation: a call naming a person, record or ward outside the
    // caller's reach is refused before its fields are looked at. The ids are read from the raw input (an id is never
    // transformed by its schema); a value that is no id string names nothing and is left to validation.
    const mode = spec.audit.kind === 'write' ? 'write' : 'read'
    if (spec.scope && actor && !withinWardScope(db, actor, spec.scope, rawInput ?? {}, mode)) {
      recordSecurityEvent(db, {
        at: clock.now().toISOString(), actorId: actor.id, actorName: actor.displayName, method: SECURITY_EVENTS.forbidden,
        recordType: null, recordId: null, detail: JSON.stringify({ method: methodName, ward: true }),
      })
      return fail('forbidden', 'err.ward_forbidden')
    }

    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) return fail('invalid_input', 'err.invalid_input', undefined, zodFields(parsed.error))

    // A released file is read-only unless reopened (issue 14); methods acting on released people say so in the contract.
    if (writesClosedFile(db, spec, parsed.data)) return fail('conflict', 'person.file_closed')

    // A workstation moved to the facility server keeps its data for reading only (transfer/movedGuard.ts).
    if (spec.audit.kind === 'write' && !writableAfterMove(methodName)) {
      const moved = movedToServer(db)
      if (moved) return fail('conflict', 'transfer.workstation_moved', { at: localMinute(moved.exportedAt) })
    }

    // A write into a deleted or replaced database file would be acknowledged and then lost: refuse it, saying why.
    if (spec.audit.kind !== 'none') {
      const gone = fileIdentityProblem(db)
      if (gone) {
        logError(new Error(`database file ${gone} while in use`), methodName)
        return fail('internal', gone === 'deleted' ? 'db.file_deleted' : 'db.file_replaced')
      }
    }

    const ctx: Ctx = {
      db, actor, sessionId, sessions, clock, auditDetail: null, progress: options.onEvent && progressTo(options.onEvent, methodName, sessionId), loginThrottle, passwordKey, serving: options.serving,
    }
    const handler = handlers[methodName] as (input: unknown, ctx: Ctx) => unknown
    try {
      const run = () => {
        const value = handler(parsed.data, ctx)
        if (spec.audit.kind !== 'none') {
          const actorNow = ctx.actor ?? actor
          appendAudit(db, {
            at: nowIso(ctx),
            actorId: actorNow?.id ?? null,
            actorName: actorNow?.displayName ?? null,
            method: methodName,
            recordType: spec.audit.recordType,
            recordId: spec.audit.record(parsed.data, value),
            detail: ctx.auditDetail,
          })
        }
        return value
      }
      const value = spec.audit.kind === 'none' ? run() : db.transaction(run).immediate()
      // After the commit: the anchor outside the database never names a row that was rolled back.
      if (spec.audit.kind !== 'none') writeAuditAnchor(db, nowIso(ctx))
      // Live updates (issue 15): every window refreshes what this write can make stale. Sign-ins change nobody's data.
      if (spec.audit.kind === 'write' && !methodName.startsWith('auth:')) options.onEvent?.({ type: 'changed', method: methodName, at: nowIso(ctx) })
      return { ok: true, value }
    } catch (error) {
      if (error instanceof AppError) {
        error.options.afterRollback?.()
        const { field, params } = error.options
        if (field) return fail(error.code, 'err.invalid_input', undefined, { [field]: fieldMessage(error.key, params) })
        // Every invalid_input names where the problem is; one about the input as a whole goes on '_' (as zod's do).
        if (error.code === 'invalid_input') return fail(error.code, error.key, params, { _: fieldMessage(error.key, params) })
        if (error.code === 'conflict' && isStaleKey(error.key)) return staleConflict(spec, parsed.data, error.key, params)
        return fail(error.code, error.key, params)
      }
      if (error instanceof FieldErrors) {
        const fields = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, fieldMessage(v.key, v.params)]))
        return fail('invalid_input', 'err.invalid_input', undefined, fields)
      }
      logError(error, methodName)
      return fail('internal', 'err.internal')
    }
  }

  /**
   * A stale edit (someone saved the record since it was read) says who and when, from the audit log: "changed by 王某
   * at 10:32, reload". The caller's form keeps what was typed; nothing was written.
   */
  function staleConflict(spec: MethodSpec<z.ZodType, unknown>, input: unknown, key: string, params: Record<string, string | number> | undefined): ApiResult<never> {
    const recordId = spec.audit.kind === 'write' ? recordOfInput(spec, input) : null
    const last = recordId && spec.audit.kind === 'write' ? lastChangeOf(db, spec.audit.recordType, recordId) : null
    const base = fail('conflict', key, params)
    if (!last || base.ok) return base
    const changedBy = { by: last.by, at: localMinute(last.at) }
    return { ok: false, error: { ...base.error, message: `${base.error.message}${translate(locale, 'err.changed_by', changedBy)}`, changedBy } }
  }

  /**
   * A sign-in derives its password key on libuv's thread pool first (~50 ms of scrypt that would otherwise hold up every
   * other call), then runs as usual. Nothing is written before: the key is only used if the account's salt is unchanged.
   */
  async function dispatchAsync(methodName: unknown, rawInput: unknown, sessionId: string | null): Promise<ApiResult<unknown>> {
    if (methodName !== 'auth:login') return dispatch(methodName, rawInput, sessionId)
    const parsed = contract['auth:login'].input.safeParse(rawInput ?? {})
    if (!parsed.success || loginThrottle.blocked(parsed.data.username, clock.now().getTime())) return dispatch(methodName, rawInput, sessionId)
    const salt = staffByUsername(db, parsed.data.username)?.passwordSalt ?? UNKNOWN_USER_SALT
    const key = await derivePasswordAsync(parsed.data.password, salt)
    return dispatch(methodName, rawInput, sessionId, { salt, key })
  }

  return Object.assign((method: unknown, input: unknown, sessionId: string | null) => dispatch(method, input, sessionId), { async: dispatchAsync })
}

/** The message keys of stale edits: `*.stale`, `*.stale_revision`, `*.station_stale` and the like. */
function isStaleKey(key: string): boolean {
  return /(^|[._])stale($|_)/.test(key)
}

function progressTo(listener: BackendEventListener, method: string, sessionId: string | null): ProgressReporter {
  const jobId = randomUUID()
  const session = sessionId ? { session: handleOf(sessionId) } : {}
  return (done, total, label) => listener({ type: 'progress', jobId, method, done, total, label, ...session })
}

/** A field error travels as its message key, with parameters after a `|` as JSON, so each side can translate it. */
function fieldMessage(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}|${JSON.stringify(params)}` : key
}

function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    if (fields[path]) continue
    fields[path] = issue.message.includes('.') && !issue.message.includes(' ') ? issue.message : 'v.invalid'
  }
  return fields
}

export type { Ctx }
