import type { StaffRow } from '../../shared/contract'
import type { Db } from '../db/open'

/**
 * The staff screen: every account with the names of its wards (a list may join other domains' tables for names it
 * shows), and its sign-in lock only while the lock is still in force at `nowIso` (a lock whose time has passed no
 * longer applies). A few dozen accounts: the wards come as one JSON array per account.
 */
export function listStaff(db: Db, nowIso: string): StaffRow[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.username, s.display_name AS displayName, s.role, s.active,
              s.created_at AS createdAt, s.last_login_at AS lastLoginAt, s.revision,
              CASE WHEN s.locked_until > @now THEN s.locked_until END AS lockedUntil,
              (SELECT json_group_array(json_object('id', w.id, 'name', w.name))
                 FROM (SELECT w.id, w.name FROM staff_wards sw JOIN wards w ON w.id = sw.ward_id WHERE sw.staff_id = s.id ORDER BY w.name) w) AS wards
       FROM staff s ORDER BY s.active DESC, s.role, s.username`,
    )
    .all({ now: nowIso }) as Array<Omit<StaffRow, 'active' | 'wards'> & { active: number; wards: string }>
  return rows.map((r) => ({ ...r, active: r.active === 1, wards: JSON.parse(r.wards) as StaffRow['wards'] }))
}
