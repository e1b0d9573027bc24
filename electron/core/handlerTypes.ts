/**
 * Handler types, in a leaf module (imports only types) so services can type their handlers without importing the
 * dispatcher, and the dispatcher can import the handler registry without a cycle.
 */
import type { z } from 'zod'
import type { MethodName, Output, ParsedInput } from '../shared/contract'
import type { MethodSpec } from '../shared/contract/define'
import type { Ctx } from './context'

/** One method's handler: parsed input and the call's context in, the method's output out (synchronous: it runs inside a transaction). */
export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: Ctx) => Output<M>

/** The handler for a method spec, derived from the spec alone (so a contract module types its service's handlers). */
export type HandlerForSpec<S> = S extends MethodSpec<infer I, infer O> ? (input: z.output<I>, ctx: Ctx) => O : never

/**
 * Exactly the handlers a contract module declares: a service writes `export const xHandlers = { … } satisfies
 * HandlersFor<typeof xContract>`, so a missing, misspelled or extra method is a compile error.
 */
// Constrained to plain records, not Record<string, MethodSpec>: a spec whose audit `record` reads its typed input is not
// assignable to MethodSpec<ZodType, unknown> (parameters are contravariant); a non-spec member maps to `never` instead.
export type HandlersFor<C extends Record<string, unknown>> = { [M in keyof C]: HandlerForSpec<C[M]> }

/** Every method of the whole contract. */
export type Handlers = { [M in MethodName]: Handler<M> }
