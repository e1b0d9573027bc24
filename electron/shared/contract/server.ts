/**
 * Facility server mode (issue 15): the administrator's view of the server (database, backups, who is signed in) and
 * ending sessions ("logout everywhere"). The same methods answer on a single workstation, where mode is 'embedded'.
 */
import { z } from 'zod'
import type { Role } from '../domain/roles'
import { id, intRange, tooLong } from './common'
import { method, noAudit } from './define'

/** How this back end is being served: one workstation (Electron or loopback browser mode) or the facility server. */
export type ServeMode = 'embedded' | 'facility'

export interface SignedInSession {
  /** A short, non-secret handle of the session (the first characters of its hash), for telling two apart on screen. */
  handle: string
  staffId: string
  displayName: string
  role: Role
  createdAt: string
  lastSeen: string
  /** The caller's own session. */
  current: boolean
}

export interface ServerHealth {
  mode: ServeMode
  appVersion: string
  schemaVersion: number
  startedAt: string
  database: { file: string; bytes: number; walBytes: number; journalMode: string }
  /** The newest backup in the backup folder (null: none yet) and whether the daily backup is on. */
  lastBackup: { file: string; createdAt: string | null; bytes: number } | null
  dailyBackups: boolean
  /** Facility mode: the address served and the server certificate's SHA-256 fingerprint (what clients pin). */
  tls: { listen: string; fingerprint: string; notAfter: string } | null
  sessions: SignedInSession[]
  /** Event streams open now (windows that receive live updates); null where the back end cannot know it. */
  liveClients: number | null
  /** The session limits in force (setting server.sessions). */
  limits: { idleMinutes: number; absoluteHours: number }
}

export const SESSION_IDLE_MINUTES = { min: 5, max: 24 * 60, default: 30 } as const
export const SESSION_ABSOLUTE_HOURS = { min: 1, max: 72, default: 12 } as const

export const sessionLimitsSchema = z.object({
  idleMinutes: intRange(SESSION_IDLE_MINUTES.min, SESSION_IDLE_MINUTES.max),
  absoluteHours: intRange(SESSION_ABSOLUTE_HOURS.min, SESSION_ABSOLUTE_HOURS.max),
})
export type SessionLimits = z.output<typeof sessionLimitsSchema>
export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMinutes: SESSION_IDLE_MINUTES.default, absoluteHours: SESSION_ABSOLUTE_HOURS.default }

export const serverContract = {
  'server:health': method<ServerHealth>()({ input: z.object({}), access: 'server.manage',
    scope: 'facility', audit: noAudit }),
  /**
   * Ends sessions now: every session of one staff member (staffId), or everyone's but the caller's own (no staffId).
   * Their next call answers "unauthenticated" and the window returns to the sign-in screen.
   */
  'server:endSessions': method<{ ended: number }>()({
    input: z.object({ staffId: id.optional() }),
    access: 'server.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'staff', record: (i) => i.staffId ?? null },
  }),
  /** The limits with the version read (a save carries it back: two administrators cannot overwrite each other). */
  'server:sessionLimits': method<{ limits: SessionLimits; version: string }>()({ input: z.object({}), access: 'server.manage',
    scope: 'facility', audit: noAudit }),
  'server:setSessionLimits': method<{ limits: SessionLimits; version: string }>()({
    input: sessionLimitsSchema.extend({ version: z.string().min(1, 'v.required').max(40, tooLong(40)) }),
    access: 'server.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'settings', record: () => 'server.sessions' },
  }),
}
