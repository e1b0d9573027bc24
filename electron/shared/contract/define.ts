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

export interface MethodSpec<S extends z.ZodType = z.ZodType, O = unknown> {
  input: S
  access: Access
  audit: AuditSpec<z.output<S>, O>
  /** Phantom: the output type, carried for both sides to derive their signatures from. */
  readonly output?: O
}

/** Declares a method: `method<Output>()({ input, access, audit })`. The two calls let TypeScript infer the schema. */
export function method<O>() {
  return <S extends z.ZodType>(spec: { input: S; access: Access; audit: AuditSpec<z.output<S>, O> }): MethodSpec<S, O> =>
    spec as MethodSpec<S, O>
}

export const noAudit = { kind: 'none' } as const
