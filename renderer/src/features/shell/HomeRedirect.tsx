import { Navigate } from 'react-router'
import { Forbidden } from '../../components/Forbidden'
import { useCan, useUser } from '../auth/UserContext'

/**
 * The start page: a ward officer with assigned wards lands on the first one's day (大队一日工作); others on the ward
 * overview, or the file list for users who cannot see wards.
 */
export function HomeRedirect() {
  const can = useCan()
  const user = useUser()
  const ownWard = user.role === 'ward_officer' ? user.wardIds[0] : undefined
  if (ownWard && can('duework.read')) return <Navigate to={`/wards/${ownWard}/day`} replace />
  if (can('wards.read')) return <Navigate to="/wards" replace />
  if (can('people.read')) return <Navigate to="/people" replace />
  return <Forbidden />
}
