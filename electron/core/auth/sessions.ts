import { randomBytes } from 'node:crypto'

interface Session {
  staffId: string
  lastSeen: number
}

/** In-memory sessions: a restart signs everyone out, which is what a shared workstation wants. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>()

  constructor(private readonly idleMs = 8 * 60 * 60 * 1000) {}

  create(staffId: string, now: number): string {
    const id = randomBytes(32).toString('base64url')
    this.sessions.set(id, { staffId, lastSeen: now })
    return id
  }

  /** The staff id behind a live session, refreshing its idle timer. */
  touch(id: string | null, now: number): string | null {
    if (!id) return null
    const s = this.sessions.get(id)
    if (!s) return null
    if (now - s.lastSeen > this.idleMs) {
      this.sessions.delete(id)
      return null
    }
    s.lastSeen = now
    return s.staffId
  }

  delete(id: string | null): void {
    if (id) this.sessions.delete(id)
  }

  deleteForStaff(staffId: string): void {
    for (const [id, s] of this.sessions) if (s.staffId === staffId) this.sessions.delete(id)
  }
}
