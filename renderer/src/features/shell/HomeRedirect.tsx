import { Navigate } from 'react-router'
import { Forbidden } from '../../components/Forbidden'
import { useCan } from '../auth/UserContext'

/** The start page is the ward overview, or the file list for users who cannot see wards. */
export function HomeRedirect() {
  const can = useCan()
  if (can('wards.read')) return <Navigate to="/wards" replace />
  if (can('people.read')) return <Navigate to="/people" replace />
  return <Forbidden />
}
