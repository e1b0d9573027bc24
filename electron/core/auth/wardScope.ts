import type { StaffUser } from '../../shared/contract'
import type { WardScopeSpec } from '../../shared/contract/define'
import { wardAllowed } from '../../shared/domain/wardScope'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { personRef } from '../people/peopleQueries'

/**
 * Whether the call's ward (the named person's current ward, or the named ward) is within the actor's reach for `mode`
 * under the facility's policy (setting access.wardScope). An unknown person is left to the handler (not found).
 * TODO(ward scoping): staff assigned to several wards (staff_wards) — today a staff member's ward is staff.ward_id.
 */
export function withinWardScope(db: Db, actor: StaffUser, scope: WardScopeSpec<unknown>, input: unknown, mode: 'read' | 'write'): boolean {
  const policy = readSetting(db, 'access.wardScope')
  if (actor.role === 'admin' || policy[actor.role][mode] === 'all') return true
  const own = actor.wardId ? [actor.wardId] : []
  if ('person' in scope) {
    const person = personRef(db, scope.person(input))
    return person === undefined || wardAllowed(policy, actor.role, mode, own, person.wardId)
  }
  const wardId = scope.ward(input)
  return wardId === undefined || wardAllowed(policy, actor.role, mode, own, wardId)
}
