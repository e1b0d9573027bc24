import { createHash, randomBytes } from 'node:crypto'

interface Session {
  staffId: string
  createdAt: number
  lastSeen: number
}

export interface SessionLimitsMs {
  idleMs: number
  lifetimeMs: number
}

/**
 * The defaults (setting server.sessions, issue 15): 30 minutes idle, and 12 hours whatever the activity (a shift; then
 * sign in again). The dispatcher reads the facility's setting on each call, so a change applies at once.
 */
export const SESSION_LIMITS: SessionLimitsMs = { idleMs: 30 * 60 * 1000, lifetimeMs: 12 * 60 * 60 * 1000 }

export interface SessionInfo {
  /** Not the id: the first 12 characters of its SHA-256, safe to show and to log. */
  handle: string
  staffId: string
  createdAt: number
  lastSeen: number
}

/** In-memory sessions: a restart signs everyone out, which is what a shared workstation and a facility server want. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  constructor(private readonly limits: () => SessionLimitsMs = () => SESSION_LIMITS) {}

  create(staffId: string, now: number): string {
    const id = randomBytes(32).toString('base64url')
    this.sessions.set(id, { staffId, createdAt: now, lastSeen: now })
    return id
  }

  /**
   * The staff id behind a live session, refreshing its idle timer unless `refresh` is false (a check that is no user
   * activity, such as the facility server's event stream asking whether its session still holds).
   */
  touch(id: string | null, now: number, refresh = true): string | null {
    if (!id) return null
    const s = this.sessions.get(id)
    if (!s) return null
    if (expired(s, now, this.limits())) {
      this.sessions.delete(id)
      return null
    }
    if (refresh) s.lastSeen = now
    return s.staffId
  }

  delete(id: string | null): void {
    if (id) this.sessions.delete(id)
  }

  /** Ends every session of the staff member, except `keep` (the one that changed its own password). Returns how many. */
  deleteForStaff(staffId: string, keep: string | null = null): number {
    let ended = 0
    for (const [id, s] of this.sessions) {
      if (s.staffId === staffId && id !== keep) {
        this.sessions.delete(id)
        ended++
      }
    }
    return ended
  }

  /** Ends every session but `keep` ("logout everywhere"). Returns how many. */
  deleteAll(keep: string | null): number {
    let ended = 0
    for (const id of [...this.sessions.keys()]) {
      if (id !== keep) {
        this.sessions.delete(id)
        ended++
      }
    }
    return ended
  }

  /** The live sessions (expired ones are dropped on the way), oldest first. */
  list(now: number): Array<SessionInfo & { id: string }> {
    const live: Array<SessionInfo & { id: string }> = []
    const limits = this.limits()
    for (const [id, s] of this.sessions) {
      if (expired(s, now, limits)) this.sessions.delete(id)
      else live.push({ id, handle: handleOf(id), staffId: s.staffId, createdAt: s.createdAt, lastSeen: s.lastSeen })
    }
    return live.sort((a, b) => a.createdAt - b.createdAt)
  }

}

function expired(s: Session, now: number, { idleMs, lifetimeMs }: SessionLimitsMs): boolean {
  return now - s.lastSeen > idleMs || now - s.createdAt > lifetimeMs
}

export function handleOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('base64url').slice(0, 12)
}
