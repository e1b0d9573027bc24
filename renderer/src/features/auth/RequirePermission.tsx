import type { ReactNode } from 'react'
import type { Permission } from '@shared/domain/roles'
import { Forbidden } from '../../components/Forbidden'
import { useCan } from './UserContext'

/** Renders the page only for users with the permission; others get the 403 panel. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan()
  return can(permission) ? children : <Forbidden />
}
