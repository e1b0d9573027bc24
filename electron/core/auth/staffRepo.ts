import type { StaffRow } from '../../shared/contract'
import type { Role } from '../../shared/domain/roles'
import type { Db } from '../db/open'

export interface StaffRecord {
  id: string
  username: string
  display_name: string
  role: Role
  ward_id: string | null
  password_hash: string
  password_salt: string
  active: 0 | 1
  failed_logins: number
  locked_until: string | null
  last_login_at: string | null
  created_at: string
  updated_at: string
}

export const staffRepo = {
  byId: (db: Db, id: string) => db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRecord | undefined,
  byUsername: (db: Db, username: string) => db.prepare('SELECT * FROM staff WHERE username = ?').get(username) as StaffRecord | undefined,
  count: (db: Db) => (db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n,
  activeAdmins: (db: Db) => (db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1").get() as { n: number }).n,
  insert(db: Db, r: Omit<StaffRecord, 'failed_logins' | 'locked_until' | 'last_login_at'>) {
    db.prepare(
      `INSERT INTO staff (id, username, display_name, role, ward_id, password_hash, password_salt, active, created_at, updated_at)
       VALUES (@id, @username, @display_name, @role, @ward_id, @password_hash, @password_salt, @active, @created_at, @updated_at)`,
    ).run(r)
  },
  list(db: Db): StaffRow[] {
    const rows = db
      .prepare(
        `SELECT s.id, s.username, s.display_name, s.role, s.ward_id, w.name AS ward_name, s.active, s.created_at, s.last_login_at
         FROM staff s LEFT JOIN wards w ON w.id = s.ward_id ORDER BY s.active DESC, s.role, s.username`,
      )
      .all() as Array<Omit<StaffRecord, 'password_hash' | 'password_salt'> & { ward_name: string | null }>
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      wardId: r.ward_id,
      wardName: r.ward_name,
      active: r.active === 1,
      createdAt: r.created_at,
      lastLoginAt: r.last_login_at,
    }))
  },
}

// Lookups for other domains (psych)

/** Staff display names by id in one query (inactive staff included: records keep who wrote them). Unknown ids are absent. */
export function staffNamesByIds(db: Db, ids: ReadonlyArray<string | null>): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = db.prepare('SELECT id, display_name AS name FROM staff WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(wanted)) as Array<{
    id: string
    name: string
  }>
  return new Map(rows.map((r) => [r.id, r.name]))
}
