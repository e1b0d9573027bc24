/**
 * The whole API, declared once. Core registers one handler per key; the renderer's client is typed from the same map.
 */
import type { z } from 'zod'
import { auditContract } from './audit'
import { authContract } from './auth'
import { backupContract } from './backup'
import { coursesContract } from './courses'
import { certificatesContract } from './certificates'
import { employmentContract } from './employment'
import { vocationalStatsContract } from './vocationalStats'
import { defineApi, type MethodSpec } from './define'
import { facilityContract } from './facility'
import { fitnessContract } from './fitness'
import { peopleContract } from './people'
import { peopleImportContract } from './peopleImport'
import { psychContractModules as psych } from './psych'
import { setupContract } from './setup'
import { staffContract } from './staff'
import { trainingContract } from './training'
import { knowledgeContract } from './knowledge'
import { wardsContract } from './wards'
import { assessmentContract } from './assessment'
import { wardworkContract } from './wardwork'
import { dueworkContract } from './duework'
import { releaseContract } from './release'
import { aftercareContract } from './aftercare'
import { statsContract } from './stats'
import { serverContract } from './server'
import { transferContract } from './transfer'

/** One contract module per service; a method name declared in two of them throws here, at start-up. */
export const contract = defineApi([
  setupContract,
  authContract,
  staffContract,
  facilityContract,
  wardsContract,
  peopleContract,
  peopleImportContract,
  auditContract,
  psych.instruments,
  psych.wardScreen,
  psych.assessments,
  psych.tasks,
  psych.sessions,
  psych.crises,
  backupContract,
  fitnessContract,
  trainingContract,
  coursesContract,
  certificatesContract,
  knowledgeContract,
  vocationalStatsContract,
  employmentContract,
  assessmentContract,
  wardworkContract,
  dueworkContract,
  releaseContract,
  aftercareContract,
  statsContract,
  serverContract,
  transferContract,
])

export type Contract = typeof contract
export type MethodName = keyof Contract
/** What a caller passes (before defaults and transforms). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
/** What a handler receives (after parsing). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type Output<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

export interface ApiError {
  code: ErrorCode
  message: string
  /** The message key (with `|{json params}` when it has parameters), for a renderer showing another language. */
  key?: string
  /** Field path (dot-joined) → i18n message key. */
  fields?: Record<string, string>
  /** A stale edit: who last saved the record and when (local time), from the audit log (issue 15). */
  changedBy?: { by: string; at: string }
}
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'internal'
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export * from './common'
export * from './define'
export * from './auth'
export * from './staff'
export * from './setup'
export * from './facility'
export * from './wards'
export * from './people'
export * from './peopleImport'
export * from './audit'
export * from './psych'
export * from './backup'
export * from './fitness'
export * from './training'
export * from './courses'
export * from './certificates'
export * from './knowledge'
export * from './vocationalStats'
export * from './employment'
export * from './assessment'
export * from './wardwork'
export * from './duework'
export * from './release'
export * from './aftercare'
export * from './stats'
