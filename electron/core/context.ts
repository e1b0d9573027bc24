import type { StaffUser } from '../shared/contract'
import { todayIn } from '../shared/domain/dates'
import type { Db } from './db/open'
import type { LoginThrottle } from './auth/loginThrottle'
import type { SessionStore } from './auth/sessions'
import type { ServingState } from './server/serving'

export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

/** The facility's zone: all calendar dates (today, days in period) are Beijing dates. */
export const FACILITY_TIME_ZONE = 'Asia/Shanghai'

export interface Ctx {
  db: Db
  actor: StaffUser | null
  sessionId: string | null
  sessions: SessionStore
  clock: Clock
  /** Extra text for this call's audit row (what changed). */
  auditDetail: string | null
  /** Reports a long job's progress to the window; absent when nobody listens. */
  progress?: ProgressReporter
  /** Failed sign-ins of this back end, to bound their rate. */
  loginThrottle: LoginThrottle
  /** The call's password already derived off the thread (the asynchronous path), for the salt it was derived with. */
  passwordKey?: { salt: string; key: Buffer } | undefined
  /** How this back end is served (mode, TLS, live clients), for the health screen; absent in plain tests. */
  serving?: ServingState | undefined
}

export type ProgressReporter = (done: number, total: number, label: string) => void

export const nowIso = (ctx: Pick<Ctx, 'clock'>): string => ctx.clock.now().toISOString()
export const today = (ctx: Pick<Ctx, 'clock'>): string => todayIn(FACILITY_TIME_ZONE, ctx.clock.now())

/** The signed-in staff member; handlers behind a permission can rely on it. */
export function actorOf(ctx: Ctx): StaffUser {
  if (!ctx.actor) throw new Error('handler reached without an actor; the dispatcher must check access first')
  return ctx.actor
}
