import type { Role } from '../../shared/domain/roles'
import type { Db } from '../db/open'

/** A staff row, its columns aliased to camelCase. */
export interface StaffRecord {
  id: string
  username: string
  displayName: string
  role: Role
  passwordHash: string
  passwordSalt: string
  active: 0 | 1
  failedLogins: number
  lockedUntil: string | null
  lastLoginAt: string | null
  createdAt: string
  updatedAt: string
}

const SELECT_STAFF = `
  SELECT id, username, display_name AS displayName, role, password_hash AS passwordHash,
         password_salt AS passwordSalt, active, failed_logins AS failedLogins, locked_until AS lockedUntil,
         last_login_at AS lastLoginAt, created_at AS createdAt, updated_at AS updatedAt
  FROM staff`

export const staffById = (db: Db, id: string) => db.prepare(`${SELECT_STAFF} WHERE id = ?`).get(id) as StaffRecord | undefined

/** Usernames compare without case (the column is COLLATE NOCASE). */
export const staffByUsername = (db: Db, username: string) =>
  db.prepare(`${SELECT_STAFF} WHERE username = ?`).get(username) as StaffRecord | undefined

/** Every account's username and display name (a few dozen rows), for the look-alike checks. */
export const staffNames = (db: Db) =>
  db.prepare('SELECT id, username, display_name AS displayName, active FROM staff').all() as Array<{ id: string; username: string; displayName: string; active: 0 | 1 }>

/** The name shown for a staff member in "recorded by" cells; undefined for an unknown id. */
export const staffDisplayName = (db: Db, id: string) =>
  (db.prepare('SELECT display_name AS displayName FROM staff WHERE id = ?').get(id) as { displayName: string } | undefined)?.displayName

export const activeAdminCount = (db: Db) => (db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1").get() as { n: number }).n

export function insertStaff(db: Db, r: Omit<StaffRecord, 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>): void {
  db.prepare(
    `INSERT INTO staff (id, username, display_name, role, password_hash, password_salt, active, created_at, updated_at)
     VALUES (@id, @username, @displayName, @role, @passwordHash, @passwordSalt, @active, @createdAt, @updatedAt)`,
  ).run(r)
}

/** Writes the edit only if the account is still at the revision the form showed; false when someone changed it since. */
export function updateStaff(db: Db, r: { id: string; revision: number; displayName: string; role: Role; active: boolean; updatedAt: string }): boolean {
  return (
    db
      .prepare('UPDATE staff SET display_name = ?, role = ?, active = ?, updated_at = ?, revision = revision + 1 WHERE id = ? AND revision = ?')
      .run(r.displayName, r.role, r.active ? 1 : 0, r.updatedAt, r.id, r.revision).changes === 1
  )
}

/** The wards a staff member is responsible for (包队责任制), in ward order. */
export function wardIdsOfStaff(db: Db, staffId: string): string[] {
  return (
    db.prepare('SELECT sw.ward_id AS id FROM staff_wards sw JOIN wards w ON w.id = sw.ward_id WHERE sw.staff_id = ? ORDER BY w.name').all(staffId) as Array<{ id: string }>
  ).map((r) => r.id)
}

/** Replaces the staff member's wards with `wardIds` (a handful of rows: delete and insert). */
export function setStaffWards(db: Db, staffId: string, wardIds: readonly string[]): void {
  db.prepare('DELETE FROM staff_wards WHERE staff_id = ?').run(staffId)
  const insert = db.prepare('INSERT INTO staff_wards (staff_id, ward_id) VALUES (?, ?)')
  for (const wardId of wardIds) insert.run(staffId, wardId)
}

/** Failed-login bookkeeping: the running count, or a lock (the count then starts again). */
export function recordFailedLogins(db: Db, id: string, failedLogins: number, lockedUntil: string | null): void {
  db.prepare('UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?').run(failedLogins, lockedUntil, id)
}

export function recordLogin(db: Db, id: string, at: string): void {
  db.prepare('UPDATE staff SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(at, id)
}

/** The staff member's own change: the lock and failure count stay as they are. */
export function setPassword(db: Db, id: string, password: { hash: string; salt: string }, at: string): void {
  db.prepare('UPDATE staff SET password_hash = ?, password_salt = ?, updated_at = ? WHERE id = ?').run(password.hash, password.salt, at, id)
}

/** An administrator's unlock: lifts the lock and clears the failure count; nothing else changes. */
export function clearSignInLock(db: Db, id: string): void {
  db.prepare('UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?').run(id)
}

/** An administrator's reset: also lifts a lock and clears the failure count. */
export function resetPassword(db: Db, id: string, password: { hash: string; salt: string }, at: string): void {
  db.prepare('UPDATE staff SET password_hash = ?, password_salt = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(
    password.hash, password.salt, at, id,
  )
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

/** Active accounts of these roles responsible for no ward (who could do nothing if their role's reach became 'own'). */
export function activeStaffWithoutWards(db: Db, roles: readonly Role[]): Array<{ username: string; displayName: string }> {
  return db
    .prepare(
      `SELECT username, display_name AS displayName FROM staff s
       WHERE s.active = 1 AND s.role IN (SELECT value FROM json_each(?)) AND NOT EXISTS (SELECT 1 FROM staff_wards sw WHERE sw.staff_id = s.id)
       ORDER BY s.username`,
    )
    .all(JSON.stringify(roles)) as Array<{ username: string; displayName: string }>
}
