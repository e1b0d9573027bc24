import { randomBytes } from 'node:crypto'

interface Session {
  staffId: string
  createdAt: number
  lastSeen: number
}

/** Idle limit, and the absolute limit whatever the activity (a shift; then sign in again). */
export const SESSION_LIMITS = { idleMs: 8 * 60 * 60 * 1000, lifetimeMs: 12 * 60 * 60 * 1000 }

/** In-memory sessions: a restart signs everyone out, which is what a shared workstation wants. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  constructor(
    private readonly idleMs = SESSION_LIMITS.idleMs,
    private readonly lifetimeMs = SESSION_LIMITS.lifetimeMs,
  ) {}

  create(staffId: string, now: number): string {
    const id = randomBytes(32).toString('base64url')
    this.sessions.set(id, { staffId, createdAt: now, lastSeen: now })
    return id
  }

  /** The staff id behind a live session, refreshing its idle timer. */
  touch(id: string | null, now: number): string | null {
    if (!id) return null
    const s = this.sessions.get(id)
    if (!s) return null
    if (now - s.lastSeen > this.idleMs || now - s.createdAt > this.lifetimeMs) {
      this.sessions.delete(id)
      return null
    }
    s.lastSeen = now
    return s.staffId
  }

  delete(id: string | null): void {
    if (id) this.sessions.delete(id)
  }

  /** Ends every session of the staff member, except `keep` (the one that changed its own password). */
  deleteForStaff(staffId: string, keep: string | null = null): void {
    for (const [id, s] of this.sessions) if (s.staffId === staffId && id !== keep) this.sessions.delete(id)
  }
}
