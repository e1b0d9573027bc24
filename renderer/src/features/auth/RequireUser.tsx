import { Navigate, Outlet, useLocation } from 'react-router'
import { ErrorAlert } from '../../components/ErrorAlert'
import { CenteredPage } from '../../components/CenteredPage'
import { FullPageLoader } from '../../components/FullPageLoader'
import { UserContext } from './UserContext'
import { useMe } from './useMe'

/** Signed-in area: sends visitors to the sign-in page and remembers where they were going. */
export function RequireUser() {
  const me = useMe()
  const location = useLocation()
  if (me.isPending) return <FullPageLoader />
  if (me.isError) {
    return (
      <CenteredPage>
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </CenteredPage>
    )
  }
  if (!me.data) {
    const from = location.pathname + location.search
    return <Navigate to="/login" replace state={{ from }} />
  }
  return (
    <UserContext.Provider value={me.data}>
      <Outlet />
    </UserContext.Provider>
  )
}
