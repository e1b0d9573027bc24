import { createContext, useContext } from 'react'
import type { StaffUser } from '@shared/contract'
import { wardAllowed } from '@shared/domain/wardScope'
import type { Permission } from '@shared/domain/roles'

export const UserContext = createContext<StaffUser | null>(null)

/** The signed-in staff member; only valid inside the app shell. */
export function useUser(): StaffUser {
  const user = useContext(UserContext)
  if (!user) throw new Error('useUser outside a signed-in area')
  return user
}

/**
 * Whether the signed-in user may record in a ward under ward scoping (包队责任制): a facility-wide write reach, or one of
 * his wards. A file with no ward (a past stay) only under a facility-wide reach. The core enforces it; screens use it to
 * offer reading only instead of a form whose save would be refused.
 */
export function useCanWriteInWard(): (wardId: string | null | undefined) => boolean {
  const user = useContext(UserContext)
  return (wardId) => !!user && wardAllowed(user.reach, 'write', user.wardIds, wardId ?? null)
}

/** Whether the signed-in user holds a permission (deny when nobody is signed in). */
export function useCan(): (permission: Permission) => boolean {
  const user = useContext(UserContext)
  return (permission) => user?.permissions.includes(permission) ?? false
}
