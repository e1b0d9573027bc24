import { Navigate } from 'react-router'
import { useUser } from '../auth/UserContext'

/** 今日工作: the day screen of the user's own (first assigned) ward; the facility overview for those with none. */
export function TodayRedirect() {
  const user = useUser()
  const ward = user.wardIds[0]
  return <Navigate to={ward ? `/wards/${ward}/day` : '/duework'} replace />
}
