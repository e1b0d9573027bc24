import type { Role } from './roles'

/**
 * Ward scoping (包队责任制): how far each role reaches beyond the wards its staff are assigned to, for reading and for
 * writing. 'all': every ward (and past files, which have no ward); 'own': only the wards the staff member is assigned
 * to. A facility sets it (setting access.wardScope). The default follows the duty system as the facilities describe it:
 * ward officers read and write only their wards; counsellors and trainers record for the wards they are responsible for
 * and read the whole facility (a screening or a test day takes people from every ward); vocational and education staff
 * read and record facility-wide, because a course or class takes its students from every ward and its teacher answers
 * for the course, not for a ward; administrators reach everything, whatever the setting says.
 */
export type WardReach = 'all' | 'own'
export type ScopeMode = 'read' | 'write'
export type RoleReach = Record<ScopeMode, WardReach>
export type WardScopePolicy = Record<Role, RoleReach>

export const DEFAULT_WARD_SCOPE: WardScopePolicy = {
  admin: { read: 'all', write: 'all' },
  ward_officer: { read: 'own', write: 'own' },
  counsellor: { read: 'all', write: 'own' },
  trainer: { read: 'all', write: 'own' },
  vocational: { read: 'all', write: 'all' },
}

/** A role's reach under a policy: administrators always everywhere. */
export function reachOf(policy: WardScopePolicy, role: Role): RoleReach {
  return role === 'admin' ? { read: 'all', write: 'all' } : policy[role]
}

/** Whether a role's staff must be assigned at least one ward to work at all (their reach is 'own' somewhere). */
export function needsWards(policy: WardScopePolicy, role: Role): boolean {
  const reach = reachOf(policy, role)
  return reach.read === 'own' || reach.write === 'own'
}

/**
 * Whether a staff member with `reach`, assigned to `ownWards`, may act (`mode`) on a record in `wardId` (null: a file
 * with no current ward, a past stay, which only a facility-wide reach covers).
 */
export function wardAllowed(reach: RoleReach, mode: ScopeMode, ownWards: readonly string[], wardId: string | null): boolean {
  if (reach[mode] === 'all') return true
  return wardId !== null && ownWards.includes(wardId)
}
