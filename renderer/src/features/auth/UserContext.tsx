import { createContext, useContext } from 'react'
import type { StaffUser } from '@shared/contract'
import type { Permission } from '@shared/domain/roles'

export const UserContext = createContext<StaffUser | null>(null)

/** The signed-in staff member; only valid inside the app shell. */
export function useUser(): StaffUser {
  const user = useContext(UserContext)
  if (!user) throw new Error('useUser outside a signed-in area')
  return user
}

/** Whether the signed-in user holds a permission (deny when nobody is signed in). */
export function useCan(): (permission: Permission) => boolean {
  const user = useContext(UserContext)
  return (permission) => user?.permissions.includes(permission) ?? false
}
