import type { ReactNode } from 'react'
import { Suspense } from 'react'
import { lazyComponent } from '../../app/feature'
import { CenteredPage } from '../../components/CenteredPage'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FullPageLoader } from '../../components/FullPageLoader'
import { useConnection } from './useConnection'

const FirstRunPage = lazyComponent(() => import('./FirstRunPage').then((m) => m.FirstRunPage))

/**
 * Before set-up and sign-in, in the Electron app only: while no connection is chosen (first run, or a refused server
 * certificate) the choice screen is all there is. Browser mode passes straight through (it is served by one back end).
 */
export function ConnectionGate({ children }: { children: ReactNode }) {
  const { enabled, query } = useConnection()
  if (!enabled) return children
  if (query.isPending) return <FullPageLoader />
  if (query.isError) {
    return (
      <CenteredPage>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </CenteredPage>
    )
  }
  if (!query.data.firstRun) return children
  return (
    <Suspense fallback={<FullPageLoader />}>
      <FirstRunPage state={query.data} />
    </Suspense>
  )
}
