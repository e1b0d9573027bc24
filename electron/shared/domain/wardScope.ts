import type { Role } from './roles'

/**
 * Ward scoping (包队责任制): how far each role reaches beyond the wards its staff are assigned to, for reading and for
 * writing. 'all': every ward; 'own': only the wards the staff member is assigned to. A facility sets it (setting
 * access.wardScope); the default keeps ward officers to their own wards and lets the other roles work facility-wide
 * (counsellors and trainers are assigned wards only where the facility uses 包队责任制 for them).
 */
export type WardReach = 'all' | 'own'
export type WardScopePolicy = Record<Role, { read: WardReach; write: WardReach }>

export const DEFAULT_WARD_SCOPE: WardScopePolicy = {
  admin: { read: 'all', write: 'all' },
  ward_officer: { read: 'own', write: 'own' },
  counsellor: { read: 'all', write: 'all' },
  trainer: { read: 'all', write: 'all' },
  vocational: { read: 'all', write: 'all' },
}

/**
 * Whether a staff member of `role`, assigned to `ownWards`, may act (`mode`) on a record in `wardId` (null: a file
 * with no current ward, a past stay, which only a facility-wide reach covers). Administrators always reach everything.
 */
export function wardAllowed(policy: WardScopePolicy, role: Role, mode: 'read' | 'write', ownWards: readonly string[], wardId: string | null): boolean {
  if (role === 'admin') return true
  if (policy[role][mode] === 'all') return true
  return wardId !== null && ownWards.includes(wardId)
}
