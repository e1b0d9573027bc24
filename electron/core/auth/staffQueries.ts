import type { StaffRow } from '../../shared/contract'
import type { Db } from '../db/open'

/**
 * The staff screen: every account with its ward's name (a list may join other domains' tables for names it shows), and
 * its sign-in lock only while the lock is still in force at `nowIso` (a lock whose time has passed no longer applies).
 */
export function listStaff(db: Db, nowIso: string): StaffRow[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.username, s.display_name AS displayName, s.role, s.ward_id AS wardId, w.name AS wardName, s.active,
              s.created_at AS createdAt, s.last_login_at AS lastLoginAt, s.revision,
              CASE WHEN s.locked_until > @now THEN s.locked_until END AS lockedUntil
       FROM staff s LEFT JOIN wards w ON w.id = s.ward_id ORDER BY s.active DESC, s.role, s.username`,
    )
    .all({ now: nowIso }) as Array<Omit<StaffRow, 'active'> & { active: number }>
  return rows.map((r) => ({ ...r, active: r.active === 1 }))
}
