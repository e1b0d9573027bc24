import type { z } from 'zod'
import type { Permission } from '../domain/roles'

/**
 * Who may call a method: a permission from roles.ts, any signed-in staff member, or anyone (first-run set-up, login).
 */
export type Access = Permission | 'authenticated' | 'public'

/**
 * What the audit log records for a call: `write` for every change, `read` for reads of sensitive records, `none` for
 * plain lookups. `record` names the record the call touched, so the log can be filtered per file.
 */
export type AuditSpec<I, O> =
  | { kind: 'none' }
  | { kind: 'write' | 'read'; recordType: string; record: (input: I, output: O) => string | null }

/**
 * Records a call may name by id alone; the core resolves each to the wards it lies in — its people's current wards, or
 * the ward a ward-owned record belongs to (core/auth/scopeRecords.ts, a resolver per kind, checked complete by the
 * compiler) — and the call is within reach only if all of them are.
 */
export const SCOPED_RECORDS = [
  'assessment', 'crisis', 'session', 'task', 'enrolment', 'courseSession', 'examAttempt', 'certificate', 'knowledgeAttempt', 'referral',
  'diagAssessment', 'termProposal',
  'dueExemption',
  'release', 'handoverSheet',
] as const
export type ScopedRecord = (typeof SCOPED_RECORDS)[number]

/**
 * Where a call acts, for ward scoping (包队责任制, domain/wardScope.ts). Every method declares one:
 * - `person`: the current ward of each person it names (a group session names several);
 * - `ward`: a ward it names (undefined: none named, the handler then lists only the caller's wards);
 * - `record`: the people of a record it names by id;
 * - 'filtered': a list whose handler keeps only rows in the caller's reach (`readableWards`);
 * - 'facility': nothing ward-bound (settings, instruments, the caller's own account, administration).
 * The dispatcher checks the first three before the handler (read reach, or write reach for audited writes).
 */
export type WardScopeSpec<I> =
  | { person: (input: I) => string | readonly string[] }
  | { ward: (input: I) => string | undefined }
  | { record: ScopedRecord; id: (input: I) => string }
  | 'filtered'
  | 'facility'

export interface MethodSpec<S extends z.ZodType = z.ZodType, O = unknown> {
  input: S
  access: Access
  audit: AuditSpec<z.output<S>, O>
  scope?: WardScopeSpec<z.output<S>>
  /**
   * Released files are read-only (issue 14): the dispatcher refuses an audited write whose person or record scope names
   * a closed file (person.file_closed) unless the method acts on released people by design and says so here.
   */
  closedFile?: 'writable'
  /** Phantom: the output type, carried for both sides to derive their signatures from. */
  readonly output?: O
}

/**
 * Any method spec, for constraints over contract modules. `MethodSpec` (of `z.ZodType`, `unknown`) does not do: a
 * spec's audit callback takes its own input type, and function parameters only accept wider types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMethodSpec = MethodSpec<any, any>

/**
 * Declares a method: `method<Output>()({ input, access, audit, scope })`. The two calls let TypeScript infer the schema.
 * `scope` may be left out only for public methods and those open to any signed-in caller (they act on no ward); a test
 * (wardScopeDeclared.test.ts) holds every other method to declaring one.
 */
export function method<O>() {
  return <S extends z.ZodType>(spec: {
    input: S
    access: Access
    audit: AuditSpec<z.output<S>, O>
    scope?: WardScopeSpec<z.output<S>>
    closedFile?: 'writable'
  }): MethodSpec<S, O> =>
    spec as MethodSpec<S, O>
}

export const noAudit = { kind: 'none' } as const

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never
/** One object type with every key of the merged modules (an intersection, flattened so editors show plain keys). */
export type Merged<M extends readonly object[]> = { [K in keyof UnionToIntersection<M[number]>]: UnionToIntersection<M[number]>[K] }

/**
 * Merges modules of named entries (contract methods, handlers) into one object. An object spread would let a later
 * module silently overwrite a name declared earlier; this throws instead, naming it. `what` words the message.
 */
export function mergeModules<const M extends readonly object[]>(modules: M, what: string): Merged<M> {
  const merged: Record<string, unknown> = {}
  for (const module of modules) {
    for (const [name, entry] of Object.entries(module)) {
      if (Object.hasOwn(merged, name)) throw new Error(`${what} '${name}' is declared twice`)
      merged[name] = entry
    }
  }
  return merged as Merged<M>
}

/** The whole API from its contract modules (one per service); a method declared in two modules throws at start-up. */
export function defineApi<const M extends readonly Record<string, AnyMethodSpec>[]>(modules: M): Merged<M> {
  return mergeModules(modules, 'contract method')
}
