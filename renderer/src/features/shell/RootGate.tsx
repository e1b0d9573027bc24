import { Navigate, Outlet, useLocation } from 'react-router'
import { CenteredPage } from '../../components/CenteredPage'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FullPageLoader } from '../../components/FullPageLoader'
import { ConnectionGate } from '../connection/ConnectionGate'
import { useSetupStatus } from '../setup/useSetupStatus'

/**
 * First-run gates: in the Electron app, how the workstation is used comes first (ConnectionGate, only until chosen);
 * then an uninitialised database always shows set-up, and an initialised one never does.
 */
export function RootGate() {
  return (
    <ConnectionGate>
      <SetupGate />
    </ConnectionGate>
  )
}

function SetupGate() {
  const status = useSetupStatus()
  const { pathname } = useLocation()
  if (status.isPending) return <FullPageLoader />
  if (status.isError) {
    return (
      <CenteredPage>
        <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />
      </CenteredPage>
    )
  }
  const onSetup = pathname === '/setup'
  if (!status.data.initialized && !onSetup) return <Navigate to="/setup" replace />
  if (status.data.initialized && onSetup) return <Navigate to="/" replace />
  return <Outlet />
}
